"""The trunk plan: which VLANs every host port of each physical network must carry.

CloudStack does not configure switches, and any VM can start on any host, so
every host port of a physical network trunks every VLAN the zone may put there:
its guest VLAN range, the VLANs of public ranges (on the network carrying Public
traffic), shared-network VLANs, tagged pod management and storage ranges.
Untagged public ranges and untagged management make that traffic native.
Where the plan declares switches, the plan is per port; otherwise it is per
physical network ("every host NIC carrying it").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netplan_cs.facts.labels import ResolvedLabel, resolve_labels, traffic_order
from netplan_cs.facts.vlans import GUEST_RANGE, VlanIndex, ZoneVlans
from netplan_cs.model.plan import Plan, Zone, address_of, host_of_url
from netplan_cs.model.vlans import VlanRanges, format_vlans

MAX_VLAN = 4094


@dataclass(frozen=True)
class VlanUse:
    """Tagged VLANs one plan element puts on a physical network."""

    traffic: str
    vlans: frozenset[int]
    source: str


@dataclass(frozen=True)
class Port:
    switch: str
    port: str
    host: str
    nic: str | None


NATIVE_PLACEHOLDER = "<NATIVE_VLAN>"
"""Printed where untagged traffic has no `native_vlan`: no switch or parser accepts it."""


@dataclass(frozen=True)
class NetworkTrunk:
    """One physical network of a zone, as its host ports must be configured."""

    zone: str
    name: str
    path: tuple[str | int, ...]
    traffic: tuple[str, ...]
    isolation: str
    untagged: tuple[str, ...]
    uses: tuple[VlanUse, ...]
    native_vlan: int | None
    mtu: int | None
    labels: dict[str, dict[str, ResolvedLabel]]
    ports: tuple[Port, ...] = ()
    encapsulated: VlanRanges | None = None
    """Guest VNIs/keys of a non-VLAN isolation method: they ride the underlay, not a trunk."""

    @property
    def tagged(self) -> list[tuple[str, frozenset[int]]]:
        """(traffic, VLANs) for each traffic type with tagged VLANs, in a fixed order."""
        merged: dict[str, set[int]] = {}
        for use in self.uses:
            merged.setdefault(use.traffic, set()).update(use.vlans)
        return [(t, frozenset(merged[t])) for t in sorted(merged, key=traffic_order)]

    @property
    def kvm_vlan_bridges(self) -> list[tuple[str, frozenset[int]]]:
        """(traffic, VLANs) a KVM host bridges as `br<nic>-<vlan>` over `<nic>.<vlan>`: tagged
        Public on every isolation method, tagged Guest only with VLAN isolation (a VXLAN
        guest network gets `brvx-<vni>` instead, modifyvxlan.sh). L003 and the host
        checklist both read this."""
        return [(traffic, vlans) for traffic, vlans in self.tagged
                if traffic == "Public" or (traffic == "Guest" and self.isolation == "VLAN")]

    @property
    def tagged_vlans(self) -> frozenset[int]:
        return frozenset(v for use in self.uses for v in use.vlans)

    @property
    def tagged_text(self) -> str:
        return format_vlans(set(self.tagged_vlans))

    @property
    def allowed_vlans(self) -> frozenset[int]:
        """What a switch port must allow: the tagged VLANs plus the native one, if known."""
        native = {self.native_vlan} if self.untagged and self.native_vlan else set()
        return self.tagged_vlans | native


@dataclass(frozen=True)
class ZoneTrunks:
    name: str
    index: int
    networktype: str
    security_groups: bool
    hypervisors: tuple[str, ...]
    networks: tuple[NetworkTrunk, ...]


@dataclass(frozen=True)
class TrunkPlan:
    zones: tuple[ZoneTrunks, ...]
    unplaced_ports: tuple[Port, ...] = field(default=())
    """Declared ports whose host or physical network matches nothing in the plan."""


def _tagged(vlan: int | str | None) -> int | None:
    """A VLAN tag as a switch VLAN, or None for untagged (CloudStack's default)."""
    return vlan if isinstance(vlan, int) and 1 <= vlan <= MAX_VLAN else None


def _trunk_uses(zone: Zone, index: ZoneVlans) -> dict[int, list[VlanUse]]:
    """Tagged switch VLANs per physical network (by index), from the zone's VLAN index.

    Guest ranges count only on guest networks isolated by VLAN (VXLAN VNIs and GRE keys
    ride the underlay); IDs outside 1..4094 are V002's, no switch can trunk them.
    """
    uses: dict[int, list[VlanUse]] = {}
    guest_ranges: dict[int, set[int]] = {}
    for use in index.uses:
        network = use.network
        if network is None:
            continue
        vlans = range(max(use.start, 1), min(use.end, MAX_VLAN) + 1)
        if use.kind == GUEST_RANGE:
            pnet = zone.physical_networks[network]
            if pnet.isolation == "VLAN" and pnet.carries("Guest"):
                guest_ranges.setdefault(network, set()).update(vlans)
        elif vlans:
            uses.setdefault(network, []).append(VlanUse(use.traffic, frozenset(vlans),
                                                        use.owner))
    for network, ids in guest_ranges.items():
        if not ids:  # a range wholly outside 1..4094 (V002's): nothing a switch can trunk
            continue
        text = zone.physical_networks[network].vlan
        uses.setdefault(network, []).insert(0, VlanUse("Guest", frozenset(ids),
                                                       f"guest VLAN range {text}"))
    return uses


def _host_zones(plan: Plan, wanted: set[str]) -> dict[str, int]:
    """The zone index of each `wanted` host name of a port: a host's name, URL host or
    address (as str() spells it), the first zone having it winning.

    Addresses are compared as integers: formatting every host's address to look up a
    few ports would cost more than the rest of the trunk plan.
    """
    found: dict[str, int] = {}
    if not wanted:  # no switch ports declared: nothing to look up
        return found
    by_value = {value: name for name in wanted if (value := _address_value(name)) is not None}
    for z, zone in enumerate(plan.zones):
        for pod in zone.pods:
            for cluster in pod.clusters:
                for host in cluster.hosts:
                    names = [host.name, host_of_url(host.url)]
                    names += [by_value.get(int(address)) for address in (host.ipaddress,
                              host.address) if address is not None]
                    for name in names:
                        if name in wanted:
                            found.setdefault(name, z)
    return found


def _address_value(name: str) -> int | None:
    """`name` as an integer, when it is an IPv4 address spelled as str() spells one."""
    address = address_of(name)
    if address is None or str(address) != name:
        return None
    return int(address)


def _ports(plan: Plan) -> tuple[dict[tuple[int, str], list[Port]], list[Port]]:
    """Declared switch ports by (zone index, physical network); the unplaceable ones."""
    host_zone = _host_zones(plan, {decl.host for switch in plan.switches
                                   for decl in switch.ports})
    placed: dict[tuple[int, str], list[Port]] = {}
    unplaced: list[Port] = []
    for switch in plan.switches:
        for decl in switch.ports:
            port = Port(switch.name, decl.name, decl.host, decl.nic)
            z = host_zone.get(decl.host)
            if z is None and len(plan.zones) == 1:
                z = 0
            names = [p.name for p in plan.zones[z].physical_networks] if z is not None else []
            if decl.physical_network is not None:
                names = [n for n in names if n == decl.physical_network]
            if z is None or not names:
                unplaced.append(port)
                continue
            for name in names:  # no physical network given: the port carries them all
                placed.setdefault((z, name), []).append(port)
    return placed, unplaced


def trunk_plan(plan: Plan, vlan_index: VlanIndex) -> TrunkPlan:
    """The trunk plan of every zone (see the module docstring)."""
    ports, unplaced = _ports(plan)
    zones: list[ZoneTrunks] = []
    for z, zone in enumerate(plan.zones):
        tagged = _trunk_uses(zone, vlan_index.zones[z])
        untagged = vlan_index.zones[z].untagged
        hypervisors = sorted(zone.hypervisors)
        networks = []
        for p, pnet in enumerate(zone.physical_networks):
            encapsulated = (pnet.vlan if pnet.vlan is not None and pnet.isolation != "VLAN"
                            and pnet.carries("Guest") else None)
            networks.append(NetworkTrunk(
                zone=zone.name, name=pnet.name, path=("zones", z, "physical_networks", p),
                traffic=tuple(sorted((t.traffictype for t in pnet.traffic_types),
                                     key=traffic_order)),
                isolation=pnet.isolation,
                untagged=tuple(sorted(untagged.get(p, ()), key=traffic_order)),
                uses=tuple(tagged.get(p, ())), native_vlan=_tagged(pnet.native_vlan),
                mtu=pnet.mtu, labels=resolve_labels(plan, zone, pnet, hypervisors),
                ports=tuple(ports.get((z, pnet.name), [])), encapsulated=encapsulated))
        zones.append(ZoneTrunks(zone.name, z, zone.networktype, zone.uses_security_groups,
                                tuple(hypervisors), tuple(networks)))
    return TrunkPlan(tuple(zones), tuple(unplaced))
