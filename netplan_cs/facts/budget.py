"""IP and VLAN budgets: what each pool holds against what the plan will take from it.

Pure functions of the plan (and, for `netplan-cs budget --estimate`, of bare
counts). The formulas follow CloudStack's code as research/cloudstack-rules.md
section 4 reads it:

- every SSVM and CPVM takes one management address from a pod's reserved range
  on every hypervisor (PodBasedNetworkGuru.reserve); they prefer `forsystemvms`
  ranges and fall back to the others unless
  `system.vm.management.ip.reservation.mode.strictness` is on
  (DataCenterIpAddressDaoImpl.takeIpAddress);
- on VMware and Hyper-V every virtual router takes one more address from the
  non-`forsystemvms` part of the reserved range for its control NIC
  (ControlNetworkGuru.reserve); KVM and XenServer use link-local addresses;
- in advanced zones without security groups the system VMs, one source-NAT
  address per isolated network and per VPC, and the planned extra addresses
  come from the public ranges (IpAddressManagerImpl.fetchNewPublicIp); in basic
  zones the system VMs draw from the pod guest range, in advanced SG zones from
  the first shared network;
- one guest VLAN per isolated network, VPC tier and pool L2 network.

Routers are not tied to a pod: the deployment planner puts them where there is
room. The budget spreads them evenly over the zone's pods, each pod taking the
rounded-up share; system VMs can start in any pod, so every pod budgets all of
them.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property, lru_cache

import netaddr

from netplan_cs.facts.spans import Spans, union
from netplan_cs.load.location import DataPath
from netplan_cs.model.plan import (
    AddressRange,
    Demand,
    PhysicalNetwork,
    Plan,
    Pod,
    SharedNetwork,
    Zone,
)

#: Hypervisors whose virtual routers take a pod reserved address for their control NIC.
POD_CONTROL_HYPERVISORS = frozenset({"VMware", "Hyperv"})

POD_THRESHOLD = "pod.privateip.capacity.notificationthreshold"
PUBLIC_THRESHOLD = "zone.virtualnetwork.publicip.capacity.notificationthreshold"
VLAN_THRESHOLD = "zone.vlan.capacity.notificationthreshold"
DIRECT_THRESHOLD = "zone.directnetwork.publicip.capacity.notificationthreshold"
PUBLIC_STRICT = "system.vm.public.ip.reservation.mode.strictness"
MANAGEMENT_STRICT = "system.vm.management.ip.reservation.mode.strictness"


@dataclass(frozen=True)
class Budget:
    """A pool (addresses or VLANs) of `size`, and what will be taken from it, by consumer."""

    size: int
    breakdown: tuple[tuple[str, int], ...]

    @property
    def needed(self) -> int:
        return sum(count for _, count in self.breakdown)

    @property
    def free(self) -> int:
        return self.size - self.needed

    @property
    def utilisation(self) -> float | None:
        """needed / size; None when the pool is empty but something needs it."""
        if self.size == 0:
            return 0.0 if self.needed == 0 else None
        return self.needed / self.size

    def part(self, name: str) -> int:
        return dict(self.breakdown).get(name, 0)

    def above(self, threshold: float) -> bool:
        """CloudStack alerts when used / total > threshold (AlertManagerImpl.checkForAlerts);
        compared exactly, in integers (needed * q > p * size for a threshold of p / q)."""
        limit = _fraction(threshold)
        return self.size > 0 and self.needed * limit.denominator > limit.numerator * self.size


# -- counts that do not depend on address ranges (shared with the estimate) ---------------

def routers_per_network(demand: Demand) -> int:
    return 2 if demand.redundant_routers else 1


def tenant_routers(demand: Demand) -> int:
    """Virtual routers of the planned isolated networks and VPCs (two per redundant pair)."""
    return (demand.isolated_networks + demand.vpcs) * routers_per_network(demand)


def share(total: int, parts: int) -> int:
    """One pod's share of `total` spread evenly over `parts` pods, rounded up."""
    return math.ceil(total / parts) if parts > 0 else total


def reserved_breakdown(demand: Demand, router_control: int) -> tuple[tuple[str, int], ...]:
    return (("ssvm", demand.ssvms), ("cpvm", demand.cpvms), ("router_control", router_control))


def public_breakdown(demand: Demand, advanced: bool) -> tuple[tuple[str, int], ...]:
    """Public addresses: system VMs and source NAT in advanced non-SG zones, extras anywhere
    (a basic zone's elastic IPs)."""
    return (("ssvm", demand.ssvms if advanced else 0), ("cpvm", demand.cpvms if advanced else 0),
            ("source_nat", demand.isolated_networks + demand.vpcs if advanced else 0),
            ("extra", demand.extra_public_ips))


def vlan_breakdown(demand: Demand) -> tuple[tuple[str, int], ...]:
    return (("isolated", demand.isolated_networks), ("vpc_tiers", demand.vpcs * demand.vpc_tiers),
            ("l2", demand.l2_networks))


def direct_breakdown(vms: int, demand: Demand, system_vms: bool) -> tuple[tuple[str, int], ...]:
    """A basic pod guest range or a shared network: VMs, its router, system VMs drawing on it."""
    return (("vms", vms), ("router", 1), ("ssvm", demand.ssvms if system_vms else 0),
            ("cpvm", demand.cpvms if system_vms else 0))


def vms_in_network(prefix: int, redundant: bool) -> int:
    """VM addresses in one isolated network: all but network, broadcast, gateway (and 2 VRs)."""
    return max(0, (1 << (32 - prefix)) - 3 - (2 if redundant else 0))


def smallest_prefix(addresses: int, reserved: int = 2) -> int:
    """The longest prefix whose subnet holds `addresses` besides `reserved` (network, broadcast,
    gateway...)."""
    for prefix in range(32, -1, -1):
        if (1 << (32 - prefix)) - reserved >= addresses:
            return prefix
    return 0


def with_threshold(needed: int, threshold: float) -> int:
    """The smallest pool that holds `needed` without crossing the alert threshold."""
    return math.ceil(Fraction(needed) / _fraction(threshold)) if needed else 0


@lru_cache(maxsize=64)
def _fraction(value: float) -> Fraction:
    """A threshold as the fraction it was written as (few distinct values: cached)."""
    return Fraction(str(value)).limit_denominator(10**6)


# -- address arithmetic ------------------------------------------------------------------

def span(start: netaddr.IPAddress | None, end: netaddr.IPAddress | None) -> Spans:
    """The addresses start..end (empty when reversed or missing)."""
    if start is None or end is None:
        return Spans()
    return Spans.of(int(start), int(end))


def range_set(item: AddressRange) -> Spans:
    return span(item.startip, item.last)


def shared_set(network: SharedNetwork) -> Spans:
    """A shared network's range; a missing end is the start, as CloudStack defaults it."""
    return span(network.startip, network.last)


def count_of(addresses: Spans) -> int:
    return addresses.size


def usable(cidr: netaddr.IPNetwork) -> Spans:
    """The subnet without its network and broadcast addresses (all of it for /31 and /32)."""
    return Spans.of(*usable_bounds(cidr))


def usable_bounds(cidr: netaddr.IPNetwork) -> tuple[int, int]:
    """The first and last usable address of a subnet (see `usable`)."""
    first, last = cidr.first, cidr.last
    return (first + 1, last - 1) if cidr.prefixlen <= 30 else (first, last)


def reserved_pools(pod: Pod) -> tuple[Spans, Spans]:
    """(system VM pool, general pool) of a pod's reserved ranges (`forsystemvms` or not)."""
    system: list[tuple[int, int]] = []
    general: list[tuple[int, int]] = []
    end = pod.reserved_end
    if pod.startip is not None and end is not None:
        (system if pod.forsystemvms else general).append((int(pod.startip), int(end)))
    for extra in pod.management_ranges:
        (system if extra.forsystemvms else general).append((int(extra.startip), int(extra.last)))
    system_set = Spans(system)
    return system_set, Spans(general) - system_set


def guest_networks(zone: Zone) -> Iterator[tuple[int, PhysicalNetwork]]:
    """The physical networks whose VLAN ranges form the guest pool (those carrying guest
    traffic, or declaring no traffic types at all), with their indices."""
    for index, pnet in enumerate(zone.physical_networks):
        if pnet.carries("Guest") or not pnet.traffic_types:
            yield index, pnet


@dataclass(frozen=True)
class PodHosts:
    """A pod's hosts as the budget counts them: `need` an address in the pod CIDR; the
    simulated ones and those the plan puts outside the CIDR (A012 reports those) do not."""

    need: int
    addresses: list[int]  # every host address, as integers
    outside: int
    simulated: int

    @property
    def declared(self) -> int:
        return self.need + self.outside + self.simulated

    def __str__(self) -> str:
        """`12 hosts (2 outside the pod CIDR, counted by A012)`: what the count counts."""
        notes = [f"{n} {text}" for n, text in (
            (self.outside, "outside the pod CIDR, counted by A012"),
            (self.simulated, "simulated, needing no address")) if n]
        declared = self.declared
        return (f"{declared} host{'' if declared == 1 else 's'}"
                + (f" ({'; '.join(notes)})" if notes else ""))


def pod_hosts(pod: Pod) -> PodHosts:
    """The pod's hosts, from one pass over them."""
    first, last = pod.cidr.first, pod.cidr.last
    count = outside = simulated = 0
    addresses: list[int] = []
    for cluster in pod.clusters:
        counted = cluster.hypervisor != "Simulator"
        for host in cluster.hosts:
            simulated += not counted
            address = host.address
            if address is None:
                count += counted
                continue
            value = int(address)
            addresses.append(value)
            inside = first <= value <= last
            count += counted and inside
            outside += counted and not inside
    return PodHosts(count, addresses, outside, simulated)


LABELS = {"ssvm": "SSVM", "cpvm": "CPVM", "router_control": "router control NIC",
          "source_nat": "source NAT address", "extra": "extra address",
          "isolated": "isolated network", "vpc_tiers": "VPC tier", "l2": "L2 network",
          "vms": "VM", "router": "router", "hosts": "host",
          "reserved_range": "reserved range address"}


def describe(breakdown: tuple[tuple[str, int], ...]) -> str:
    """`1 SSVM + 1 CPVM + 155 router control NICs` (parts that are zero left out)."""
    parts = []
    for name, count in breakdown:
        if count:
            label = LABELS.get(name, name)
            plural = ("es" if label.endswith("s") else "s") if count != 1 else ""
            parts.append(f"{count} {label}{plural}")
    return " + ".join(parts) or "nothing"


# -- the plan's budgets ------------------------------------------------------------------

@dataclass(frozen=True)
class PodBudget:
    zone_index: int
    index: int
    pod: Pod
    reserved: Budget
    system_pool: int
    general_pool: int
    hosts: int  # hosts that need an address in the pod CIDR
    host_capacity: int
    storage: Budget | None
    guest: Budget | None
    host_count: PodHosts

    @property
    def path(self) -> DataPath:
        return ("zones", self.zone_index, "pods", self.index)

    @property
    def reserved_path(self) -> DataPath:
        return (*self.path, "startip" if self.pod.startip is not None else "name")

    @property
    def guest_path(self) -> DataPath:
        return (*self.path, "guest_ranges", 0) if self.pod.guest_ranges else (*self.path, "name")


@dataclass(frozen=True)
class SharedBudget:
    zone_index: int
    index: int
    name: str
    budget: Budget

    @property
    def path(self) -> DataPath:
        return ("zones", self.zone_index, "shared_networks", self.index, "startip")


@dataclass(frozen=True)
class GuestCidr:
    cidr: netaddr.IPNetwork
    vms_per_network: int
    vms_per_network_redundant: int


@dataclass(frozen=True)
class ZoneBudget:
    index: int
    zone: Zone
    pods: tuple[PodBudget, ...]
    public: Budget | None
    public_system_pool: int
    guest_vlans: Budget | None
    guest_cidr: GuestCidr | None
    shared_networks: tuple[SharedBudget, ...]
    routers: int  # routers the planner spreads over the pods (not basic-zone pod routers)

    @property
    def path(self) -> DataPath:
        return ("zones", self.index)

    @property
    def public_path(self) -> DataPath:
        return (*self.path, "public_ranges", 0) if self.zone.public_ranges else (*self.path,
                                                                                  "name")

    @property
    def vlan_path(self) -> DataPath:
        for index, pnet in guest_networks(self.zone):
            if pnet.vlan is not None:
                return (*self.path, "physical_networks", index, "vlan")
        return (*self.path, "name")

    @property
    def vlans_valid(self) -> bool:
        """False when a VLAN range has CloudStack syntax errors (V001 reports them)."""
        return all(p.vlan is None or p.vlan.valid for p in self.zone.physical_networks)


class ZoneBudgeter:
    """Computes one zone's budgets; a class only to share the zone-wide sets between pods."""

    def __init__(self, plan: Plan, index: int) -> None:
        self.plan = plan
        self.index = index
        self.zone = plan.zones[index]
        self.demand = self.zone.demand

    def budget(self) -> ZoneBudget:
        zone = self.zone
        return ZoneBudget(
            index=self.index, zone=zone,
            pods=tuple(self._pod(i, pod) for i, pod in enumerate(zone.pods)),
            public=self._public(), public_system_pool=self._public_system_pool(),
            guest_vlans=self._guest_vlans(), guest_cidr=self._guest_cidr(),
            shared_networks=tuple(self._shared()), routers=self._spread_routers())

    # -- pods ------------------------------------------------------------------------------
    def _pod(self, index: int, pod: Pod) -> PodBudget:
        system, general = reserved_pools(pod)
        system_size, general_size = system.size, general.size
        control = self._router_control
        if not (self._pod_hypervisors(pod) & POD_CONTROL_HYPERVISORS):
            control = 0
        storage = None
        if self._zone_has_storage_ranges:
            storage = Budget(count_of(union(range_set(r) for r in pod.storage_ranges)),
                             (("ssvm", self.demand.ssvms),))
        guest = None
        if self.zone.is_basic:
            guest = Budget(count_of(union(range_set(r) for r in pod.guest_ranges)),
                           direct_breakdown(share(self.demand.vms_per_network,
                                                  len(self.zone.pods)), self.demand, True))
        return PodBudget(
            zone_index=self.index, index=index, pod=pod,
            reserved=Budget(system_size + general_size,
                            reserved_breakdown(self.demand, control)),
            system_pool=system_size, general_pool=general_size,
            hosts=self._hosts[index].need, host_count=self._hosts[index],
            host_capacity=self._host_capacity(pod, system | general),
            storage=storage, guest=guest)

    @cached_property
    def _router_control(self) -> int:
        """Router control NICs each pod's reserved range serves, where routers need one."""
        control = share(self._spread_routers(), len(self.zone.pods))
        if self.zone.is_basic:
            control += 1  # the pod's own router (one per pod in basic zones)
        return control

    @cached_property
    def _zone_has_storage_ranges(self) -> bool:
        """All or nothing per zone: any storage range gives every SSVM a storage NIC."""
        return any(pod.storage_ranges for pod in self.zone.pods)

    def _pod_hypervisors(self, pod: Pod) -> set[str]:
        return pod.hypervisors or self._zone_hypervisors

    @cached_property
    def _zone_hypervisors(self) -> set[str]:
        """Found once: every pod without clusters would walk all the zone's pods again."""
        return self.zone.hypervisors

    def _spread_routers(self) -> int:
        """Routers placed by the planner anywhere in the zone (not basic-zone pod routers)."""
        if self.zone.is_basic:
            return 0
        return tenant_routers(self.demand) + len(self.zone.shared_networks)

    def _host_capacity(self, pod: Pod, reserved: Spans) -> int:
        """Usable pod addresses that no range, declared server or the gateway holds: counted,
        not built as a set."""
        low, high = usable_bounds(pod.cidr)
        gateway = int(pod.gateway)
        blocked = Spans([*reserved.intervals, *self._taken.within(low, high),
                         (gateway, gateway)])
        return high - low + 1 - blocked.count_in(low, high)

    @cached_property
    def _taken(self) -> Spans:
        """Zone addresses that are not for hosts: other ranges and declared infrastructure."""
        zone = self.zone
        ranges: list[AddressRange] = [*zone.public_ranges]
        for pod in zone.pods:
            ranges.extend(pod.guest_ranges)
            ranges.extend(pod.storage_ranges)
        taken = union(range_set(r) for r in ranges)
        for network in zone.shared_networks:
            taken |= shared_set(network)
        infrastructure = {int(address) for address in self._infrastructure()}
        for hosts in self._hosts:  # a server that is also a host counts as a host
            infrastructure.difference_update(hosts.addresses)
        return taken | Spans((address, address) for address in infrastructure)

    @cached_property
    def _hosts(self) -> list[PodHosts]:
        """`pod_hosts` of every pod: one pass over the hosts serves the counts and `_taken`."""
        return [pod_hosts(pod) for pod in self.zone.pods]

    def _infrastructure(self) -> Iterator[netaddr.IPAddress]:
        for server in self.plan.management_servers:
            yield server.ipaddress
        storages = [*self.zone.primary_storage, *self.zone.secondary_storage]
        storages += [s for pod in self.zone.pods for c in pod.clusters for s in c.primary_storage]
        for storage in storages:
            address = storage.address  # parsed from the URL on every read
            if address is not None:
                yield address

    # -- zone-wide -------------------------------------------------------------------------
    def _public_system_pool(self) -> int:
        return count_of(union(range_set(r) for r in self.zone.public_ranges if r.forsystemvms))

    def _public(self) -> Budget | None:
        zone = self.zone
        advanced_public = not zone.is_basic and not zone.securitygroupenabled
        if not advanced_public and not zone.public_ranges:
            return None
        size = count_of(union(range_set(r) for r in zone.public_ranges))
        return Budget(size, public_breakdown(self.demand, advanced_public))

    def _guest_vlans(self) -> Budget | None:
        if self.zone.is_basic:
            return None
        size = sum(pnet.vlan.size() for _, pnet in guest_networks(self.zone)
                   if pnet.vlan is not None and pnet.vlan.valid)
        return Budget(size, vlan_breakdown(self.demand))

    def _guest_cidr(self) -> GuestCidr | None:
        cidr = self.zone.guestcidraddress
        if self.zone.is_basic or cidr is None:
            return None
        return GuestCidr(cidr, vms_in_network(cidr.prefixlen, False),
                         vms_in_network(cidr.prefixlen, True))

    def _shared(self) -> Iterator[SharedBudget]:
        sg = self.zone.securitygroupenabled and not self.zone.is_basic
        for index, network in enumerate(self.zone.shared_networks):
            if network.startip is None:
                continue
            size = count_of(shared_set(network))
            yield SharedBudget(self.index, index, network.name, Budget(size, direct_breakdown(
                self.demand.vms_per_network, self.demand, system_vms=sg and index == 0)))


def plan_budgets(plan: Plan) -> tuple[ZoneBudget, ...]:
    """Every zone's budgets, in plan order."""
    return tuple(ZoneBudgeter(plan, index).budget() for index in range(len(plan.zones)))


def with_demand(plan: Plan, overrides: dict[str, int | bool]) -> Plan:
    """The plan with `overrides` applied to every zone's demand (the budget flags)."""
    if not overrides:
        return plan
    zones = [zone.model_copy(update={"demand": zone.demand.model_copy(update=overrides)})
             for zone in plan.zones]
    return plan.model_copy(update={"zones": zones})


# -- alert thresholds ------------------------------------------------------------------------

#: The CloudStack setting holding each budget's alert threshold (Config.java, 0.75 by default).
THRESHOLD_SETTINGS = {"reserved": POD_THRESHOLD, "public": PUBLIC_THRESHOLD,
                      "guest_vlans": VLAN_THRESHOLD, "guest": DIRECT_THRESHOLD,
                      "shared": DIRECT_THRESHOLD}
DEFAULT_THRESHOLD = 0.75


def alert_threshold(plan: Plan, zone: Zone, kind: str) -> float | None:
    """The plan's alert threshold for a kind of budget (zone scope, global, default)."""
    setting = THRESHOLD_SETTINGS.get(kind)
    if setting is None:
        return None
    return as_threshold(plan.setting(setting, zone))


def as_threshold(value: object) -> float:
    """A threshold setting as a fraction; anything unreadable is CloudStack's default."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_THRESHOLD
    return number if 0 < number <= 1 else DEFAULT_THRESHOLD


def strict(plan: Plan, zone: Zone, setting: str) -> bool:
    """A system VM reservation strictness setting, read as CloudStack reads booleans."""
    value = plan.setting(setting, zone)
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")
