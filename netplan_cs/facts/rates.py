"""Throttle rates: the effective Mb/s of every NIC class, resolved as CloudStack's code does.

Mirrors apache/cloudstack NetworkModelImpl.getNetworkRate and
ConfigurationManagerImpl.getNetworkOfferingNetworkRate / getServiceOfferingNetworkRate
(research/cloudstack-rules.md section 3):

- user VM default NIC: compute offering `networkrate`, unset -> the global
  `vm.network.throttling.rate`;
- other user VM NICs and router guest NICs: the network offering's `networkrate`,
  unset -> `network.throttling.rate` (zone-scoped value first);
- router public NIC: the rate of its guest network's offering (never the router's
  own system offering);
- SSVM and CPVM NICs: never throttled (getNetworkRate returns -1);
- system networks (public, management, control, storage): their offering, rate 0.

A resolved rate of 0 means unlimited. On KVM the agent writes libvirt's
`<bandwidth average>` in KB/s as Mb/s x 125 (VifDriverBase.getNetworkRateKbps,
`bitsPerMbpsToKbps = 125`, since apache/cloudstack PR #10645; x 128 before).
Everything here is a pure function of the plan and optional what-if overrides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from netplan_cs.load.location import DataPath
from netplan_cs.model.plan import Plan, SystemOffering, Zone
from netplan_cs.model.settings import DEFAULTS
from netplan_cs.model.types import whole_number

NETWORK_RATE = "network.throttling.rate"
VM_RATE = "vm.network.throttling.rate"
RATE_SETTINGS = (NETWORK_RATE, VM_RATE)
MAX_RATE = 65535  # nw_rate is `smallint unsigned` in network_offerings and service_offering
KVM_KBPS_PER_MBPS = 125
_JAVA_INT_MAX = 2**31 - 1
_DIGITS = re.compile(r"[0-9]+")

# CloudStack's own offerings, created at install time (ConfigurationServerImpl and the
# system VM managers' configure()); their rates are as stored there.
DEFAULT_COMPUTE_OFFERINGS = ("Small Instance", "Medium Instance")
DEFAULT_ISOLATED = "DefaultIsolatedNetworkOfferingWithSourceNatService"
DEFAULT_SHARED = "DefaultSharedNetworkOffering"
DEFAULT_SHARED_SG = "DefaultSharedNetworkOfferingWithSGService"
DEFAULT_SSVM_OFFERING = "System Offering For Secondary Storage VM"  # nw_rate NULL
DEFAULT_CPVM_OFFERING = "System Offering For Console Proxy"  # nw_rate 0
SYSTEM_PUBLIC = "System-Public-Network"
SYSTEM_MANAGEMENT = "System-Management-Network"
SYSTEM_CONTROL = "System-Control-Network"
SYSTEM_STORAGE = "System-Storage-Network"

NIC_CLASSES = ("user-vm-default", "user-vm-additional", "router-guest", "router-public",
               "ssvm", "cpvm", "system-network")


def parse_rate_setting(raw: Any) -> int | None:
    """The value as CloudStack's Integer setting would take it, or None when it is not a
    non-negative integer (R005): "abc", "-5", 1.5 and true are all refused."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, str) and _DIGITS.fullmatch(raw.strip()):
        number = whole_number(raw)  # bounded: a 10,000-digit string is no rate either
        if number is None:
            return None
        value = number
    else:
        return None
    return value if 0 <= value <= _JAVA_INT_MAX else None


@dataclass(frozen=True)
class RateSetting:
    """One throttling setting as it applies: its value, where it came from, and its raw text."""

    name: str
    value: int
    source: str  # "default", "plan", "--set" or "zone <name>"
    path: DataPath | None = None
    raw: Any = None
    valid: bool = True

    def describe(self) -> str:
        if not self.valid:
            return (f"{self.name} = {self.value} (CloudStack's default; the {self.source} value "
                    f"{self.raw!r} is not a non-negative integer)")
        return f"{self.name} = {self.value} ({self.source})"


def _setting(name: str, raw: Any, source: str, path: DataPath | None) -> RateSetting:
    value = parse_rate_setting(raw)
    if value is None:
        return RateSetting(name, DEFAULTS[name], source, path, raw, valid=False)
    return RateSetting(name, value, source, path, raw)


def global_setting(plan: Plan, name: str,
                   overrides: Mapping[str, Any] | None = None) -> RateSetting:
    """The global value: a what-if override, else the plan's settings, else CloudStack's default."""
    if overrides and name in overrides:
        return _setting(name, overrides[name], "--set", None)
    if name in plan.settings:
        return _setting(name, plan.settings[name], "plan", ("settings", name))
    return RateSetting(name, DEFAULTS[name], "default")


def zone_network_setting(plan: Plan, zone: Zone | None, z: int | None,
                         overrides: Mapping[str, Any] | None = None) -> RateSetting:
    """`network.throttling.rate` is a zone-scoped ConfigKey: the zone's value wins."""
    if zone is not None and z is not None and NETWORK_RATE in zone.settings:
        return _setting(NETWORK_RATE, zone.settings[NETWORK_RATE], f"zone {zone.name}",
                        ("zones", z, "settings", NETWORK_RATE))
    return global_setting(plan, NETWORK_RATE, overrides)


def setting_occurrences(plan: Plan) -> Iterator[RateSetting]:
    """Every place the plan sets a throttling setting, global first, then per zone."""
    for name in RATE_SETTINGS:
        if name in plan.settings:
            yield _setting(name, plan.settings[name], "plan", ("settings", name))
    for z, zone in enumerate(plan.zones):
        for name in RATE_SETTINGS:
            if name in zone.settings:
                yield _setting(name, zone.settings[name], f"zone {zone.name}",
                               ("zones", z, "settings", name))


@dataclass(frozen=True)
class Offering:
    """An offering that carries a rate: declared in the plan (with its path) or CloudStack's own."""

    name: str
    kind: str  # "service", "network", "system" or "system-network"
    networkrate: int | None
    path: DataPath | None = None
    guestiptype: str = "Isolated"

    @property
    def label(self) -> str:
        words = {"service": "service offering", "network": "network offering",
                 "system": "system offering", "system-network": "system network offering"}
        return f"{words[self.kind]} '{self.name}'"


@dataclass(frozen=True)
class NicRate:
    """The effective rate of one NIC class on one offering, with the chain that produced it."""

    nic: str
    offering: Offering
    effective_mbps: int | None  # None: unlimited
    source: str  # what decided: "offering", "<setting> (<its source>)" or "never throttled"
    via: tuple[str, ...]
    setting: RateSetting | None = None  # the setting inherited, when the offering's rate is unset

    @property
    def unlimited(self) -> bool:
        return self.effective_mbps is None

    @property
    def kvm_kbps(self) -> int | None:
        """libvirt `<bandwidth average>` on KVM; no element at all when unlimited."""
        return None if self.effective_mbps is None else self.effective_mbps * KVM_KBPS_PER_MBPS

    @property
    def chain(self) -> str:
        return " -> ".join(self.via)


def offering_rate_problem(offering: Offering) -> str | None:
    """Why CloudStack would not store this offering's rate as given (R001), or None."""
    rate = offering.networkrate
    if rate is None:
        return None
    if rate > MAX_RATE:
        return f"above {MAX_RATE}, the largest value CloudStack's nw_rate column holds"
    if rate < 0 and offering.kind != "network":
        return "negative: createServiceOffering rejects it"
    return None


def _unlimited_if_zero(rate: int, via: list[str]) -> int | None:
    if rate == 0:
        via.append("0 = unlimited")
        return None
    return rate


def _stored_rate(offering: Offering, via: list[str]) -> int | None:
    """The rate CloudStack stores for the offering (None when unset), noting any correction."""
    rate = offering.networkrate
    problem = offering_rate_problem(offering)
    if rate is None:
        via.append(f"{offering.label}: networkrate unset")
        return None
    if problem:
        via.append(f"{offering.label}: networkrate {rate} is {problem} (shown as unset)")
        return None
    if rate < 0:  # createNetworkOffering silently stores 0
        via.append(f"{offering.label}: networkrate {rate} is stored as 0")
        return 0
    via.append(f"{offering.label}: networkrate {rate}")
    return rate


def offering_rate(offering: Offering, setting: RateSetting,
                  via: list[str]) -> tuple[int | None, str, RateSetting | None]:
    """The rate of an offering and where it came from, as ConfigurationManagerImpl computes it.

    getNetworkOfferingNetworkRate (network offerings, with `network.throttling.rate` of the
    network's zone) and getServiceOfferingNetworkRate (a user VM's compute offering, with the
    global `vm.network.throttling.rate`) are the same rule: the offering's rate, when unset the
    setting; then 0 becomes -1, unlimited.
    """
    rate = _stored_rate(offering, via)
    if rate is not None:
        return _unlimited_if_zero(rate, via), "offering", None
    via.append(setting.describe())
    source = f"{setting.name} ({setting.source})" if setting.valid else (
        f"{setting.name} (default; invalid {setting.source} value)")
    return _unlimited_if_zero(setting.value, via), source, setting


def _compute_offerings(plan: Plan) -> list[Offering]:
    declared = [o for o in declared_offerings(plan) if o.kind == "service"]
    return declared or [Offering(name, "service", None) for name in DEFAULT_COMPUTE_OFFERINGS]


def guest_offerings(plan: Plan, zone: Zone | None) -> list[Offering]:
    """The plan's guest network offerings, or CloudStack's defaults for this kind of zone."""
    declared = [o for o in declared_offerings(plan) if o.kind == "network"]
    if declared:
        return declared
    if zone is not None and zone.uses_security_groups:
        return [Offering(DEFAULT_SHARED_SG, "network", None, guestiptype="Shared")]
    defaults = [Offering(DEFAULT_ISOLATED, "network", None)]
    if zone is not None and zone.shared_networks:
        defaults.append(Offering(DEFAULT_SHARED, "network", None, guestiptype="Shared"))
    return defaults


def is_router_offering(offering: SystemOffering) -> bool:
    """createServiceOffering treats a system offering without systemvmtype as a router's."""
    return (offering.systemvmtype or "domainrouter").strip().lower() == "domainrouter"


def _system_offering(plan: Plan, vm_type: str, default: str, default_rate: int | None) -> Offering:
    for i, item in enumerate(plan.offerings.system):
        if (item.systemvmtype or "").strip().lower() == vm_type:
            return Offering(item.name, "system", item.networkrate, ("offerings", "system", i))
    return Offering(default, "system", default_rate)


def _system_networks(zone: Zone | None) -> list[str]:
    if zone is None:
        return [SYSTEM_MANAGEMENT, SYSTEM_CONTROL]
    names = []
    if (not zone.is_basic or zone.public_ranges
            or any(p.carries("Public") for p in zone.physical_networks)):
        names.append(SYSTEM_PUBLIC)
    names += [SYSTEM_MANAGEMENT, SYSTEM_CONTROL]
    if (any(p.carries("Storage") for p in zone.physical_networks)
            or any(pod.storage_ranges for pod in zone.pods)):
        names.append(SYSTEM_STORAGE)
    return names


def _router_note(plan: Plan) -> list[str]:
    return [f"router system offering '{o.name}' networkrate {o.networkrate} is never applied"
            for o in plan.offerings.system if is_router_offering(o) and o.networkrate is not None]


def _zone_rows(plan: Plan, zone: Zone | None, z: int | None,
               overrides: Mapping[str, Any] | None) -> Iterator[NicRate]:
    network_setting = zone_network_setting(plan, zone, z, overrides)
    vm_setting = global_setting(plan, VM_RATE, overrides)
    if zone is not None and VM_RATE in zone.settings:
        vm_note = [f"{VM_RATE} is global: zone {zone.name}'s value is not used"]
    else:
        vm_note = []
    for offering in _compute_offerings(plan):
        via = list(vm_note)
        rate, source, used = offering_rate(offering, vm_setting, via)
        yield NicRate("user-vm-default", offering, rate, source, tuple(via), used)
    guests = guest_offerings(plan, zone)
    for offering in guests:
        via = []
        rate, source, used = offering_rate(offering, network_setting, via)
        yield NicRate("user-vm-additional", offering, rate, source, tuple(via), used)
    router_note = _router_note(plan)
    for offering in guests:
        if offering.guestiptype == "L2":
            continue  # an L2 network has no virtual router
        via = []
        rate, source, used = offering_rate(offering, network_setting, via)
        yield NicRate("router-guest", offering, rate, source, (*via, *router_note),
                          used)
    for offering in guests:
        if offering.guestiptype != "Isolated":
            continue  # only isolated networks and VPC tiers give their router a public NIC
        via = ["the public NIC takes the guest network's offering"]
        rate, source, used = offering_rate(offering, network_setting, via)
        yield NicRate("router-public", offering, rate, source, (*via, *router_note),
                          used)
    for nic, vm_type, default, default_rate, who in (
            ("ssvm", "secondarystoragevm", DEFAULT_SSVM_OFFERING, None, "SSVM"),
            ("cpvm", "consoleproxy", DEFAULT_CPVM_OFFERING, 0, "CPVM")):
        offering = _system_offering(plan, vm_type, default, default_rate)
        yield NicRate(nic, offering, None, "never throttled",
                      (f"{who} NICs are never throttled (NetworkModelImpl.getNetworkRate)",))
    for name in _system_networks(zone):
        offering = Offering(name, "system-network", 0)
        via = [f"{offering.label}: networkrate 0", "0 = unlimited"]
        yield NicRate("system-network", offering, None, "offering", tuple(via))


@dataclass(frozen=True)
class RateTable:
    """What `netplan-cs rates` prints (the global settings and one row per NIC class and
    offering), plus the rows of each zone and every throttling setting the plan writes."""

    settings: dict[str, RateSetting]
    rows: tuple[NicRate, ...]
    by_zone: tuple[tuple[NicRate, ...], ...]  # per plan zone, in zone order
    occurrences: tuple[RateSetting, ...]


def declared_offerings(plan: Plan) -> list[Offering]:
    """Every offering the plan declares, with its path: compute, network, then system."""
    return [
        *(Offering(o.name, "service", o.networkrate, ("offerings", "service", i))
          for i, o in enumerate(plan.offerings.service)),
        *(Offering(o.name, "network", o.networkrate, ("offerings", "network", i), o.guestiptype)
          for i, o in enumerate(plan.offerings.network)),
        *(Offering(o.name, "system", o.networkrate, ("offerings", "system", i))
          for i, o in enumerate(plan.offerings.system))]


def resolve_rates(plan: Plan, overrides: Mapping[str, Any] | None = None) -> RateTable:
    """Every NIC class's effective rate; rows equal across zones are listed once, and rows that
    differ (a zone-scoped network.throttling.rate) say which zone's value they used."""
    by_zone = tuple(tuple(_zone_rows(plan, zone, z, overrides))
                    for z, zone in enumerate(plan.zones))
    rows: dict[NicRate, None] = {}
    for zone_rows in by_zone or (tuple(_zone_rows(plan, None, None, overrides)),):
        for row in zone_rows:
            rows.setdefault(row)
    order = {nic: i for i, nic in enumerate(NIC_CLASSES)}
    ordered = sorted(rows, key=lambda row: order[row.nic])  # stable: offering order kept
    settings = {name: global_setting(plan, name, overrides) for name in RATE_SETTINGS}
    return RateTable(settings, tuple(ordered), by_zone, tuple(setting_occurrences(plan)))
