"""The VLAN index: every VLAN/VNI a zone uses, with its owner, and the overlaps between them.

Each use belongs to the physical network that carries it, as CloudStack decides:
a guest range to its own physical network, a public range to the one with
Public traffic, a shared network to its `physical_network` (else the zone's
default guest physical network), pod and management-range VLANs to the one with
Management traffic, pod guest ranges (basic and security-group zones) to the
default guest network, storage ranges to the one with Storage traffic (else
Management's, where CloudStack puts storage traffic when none is declared).

Overlaps are found by one sort and sweep over interval endpoints, per zone.
Only overlaps between different *groups* are kept: two guest ranges of one
physical network are merged by CloudStack (PN-09), and two public ranges or two
shared networks on one VLAN are normal, so those pairs are never produced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial

import netaddr

from netplan_cs.load.location import DataPath
from netplan_cs.model.plan import (
    AddressRange,
    ManagementRange,
    NetworkOffering,
    Plan,
    SharedNetwork,
    Zone,
)

GUEST_RANGE = "guest range"
PUBLIC = "public range"
SHARED = "shared network"
POD_GUEST = "pod guest range"
POD = "pod"
MANAGEMENT_RANGE = "management range"
STORAGE = "storage range"
TRAFFIC_VLAN = "management traffic VLAN"

# inclusive bounds of a VLAN ID / VNI by isolation method; methods not listed get no bounds
BOUNDS: dict[str, tuple[int, int]] = {
    "VLAN": (1, 4094),
    "VXLAN": (0, 16777214),
    "NETRIS": (0, 16777214),
    "GRE": (0, 4294967295),
}


@dataclass(frozen=True)
class VlanUse:
    """One VLAN ID or guest VLAN interval, with who uses it and for what."""

    zone: int
    network: int | None  # index of the owning physical network in the zone, if any
    start: int
    end: int
    kind: str  # GUEST_RANGE, PUBLIC, SHARED, POD_GUEST, POD, MANAGEMENT_RANGE, STORAGE...
    traffic: str  # Guest, Public, Management or Storage
    owner: str  # e.g. "public range 10.1.1.2-10.1.1.20"
    path: DataPath
    subnet: netaddr.IPNetwork | None = None
    isolation: str = "VLAN"

    @property
    def group(self) -> tuple[str, int | None]:
        """Uses of one group never conflict with each other (see the module docstring)."""
        if self.kind == GUEST_RANGE:
            return (GUEST_RANGE, self.network)
        return (self.traffic, None)

    @property
    def text(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}-{self.end}"

    def overlaps(self, other: VlanUse) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass
class ZoneVlans:
    """The VLAN uses of one zone and the overlaps between uses of different groups."""

    zone: int
    uses: list[VlanUse]
    overlaps: list[tuple[VlanUse, VlanUse]] = field(default_factory=list)
    untagged: dict[int, set[str]] = field(default_factory=dict)
    """Which traffic each physical network (by index) carries untagged, i.e. native.

    Unset VLANs count as untagged, as CloudStack treats them; a zone without pods still
    carries management traffic, untagged; a basic zone's guest traffic is untagged.
    """

    def network_uses(self, network: int) -> list[VlanUse]:
        """The uses one physical network carries (what its switch ports must trunk)."""
        return [use for use in self.uses if use.network == network]


@dataclass
class VlanIndex:
    zones: list[ZoneVlans]

    def all_uses(self) -> Iterator[VlanUse]:
        for zone in self.zones:
            yield from zone.uses


def _carrier(zone: Zone, traffic: str) -> int | None:
    """The physical network carrying a traffic type (the first, if several: T001's case)."""
    for index, network in enumerate(zone.physical_networks):
        if network.carries(traffic):
            return index
    return None


def _by_name(zone: Zone, name: str | None) -> int | None:
    for index, network in enumerate(zone.physical_networks):
        if network.name == name:
            return index
    return None


def default_guest_network(zone: Zone) -> int | None:
    """The guest physical network untagged offerings land on: the untagged one, else the first."""
    guests = [i for i, n in enumerate(zone.physical_networks) if n.carries("Guest")]
    untagged = [i for i in guests if not zone.physical_networks[i].tags]
    chosen = untagged or guests
    return chosen[0] if chosen else None


def storage_network(zone: Zone) -> int | None:
    """Storage traffic's physical network; CloudStack falls back to Management's."""
    found = _carrier(zone, "Storage")
    return found if found is not None else _carrier(zone, "Management")


def _isolation(zone: Zone, network: int | None) -> str:
    return zone.physical_networks[network].isolation if network is not None else "VLAN"


@dataclass(frozen=True)
class Placement:
    """One plan element's single VLAN (a number, `untagged`, or unset) on a physical network.

    `describe` names the element for messages; a function, so that callers that only ask
    where traffic goes (untagged_traffic, for every pod) never format addresses.
    """

    vlan: int | str | None
    network: int | None
    kind: str
    traffic: str
    describe: Callable[[], str]
    path: DataPath
    subnet: netaddr.IPNetwork | None = None


def _range_owner(kind: str, item: AddressRange | ManagementRange, suffix: str = "") -> str:
    """`public range 10.0.0.2-10.0.0.20`, plus `suffix` (` of pod p1`)."""
    return f"{kind} {item.startip}-{item.last}{suffix}"


def _placements(zone: Zone, base: DataPath) -> Iterator[Placement]:
    """Every element of a zone that puts one VLAN (or untagged traffic) on a network."""
    public = _carrier(zone, "Public")
    for r, public_range in enumerate(zone.public_ranges):
        owner = _by_name(zone, public_range.physical_network)
        yield Placement(public_range.vlan, public if owner is None else owner, PUBLIC, "Public",
                        partial(_range_owner, "public range", public_range),
                        (*base, "public_ranges", r, "vlan"), public_range.subnet)
    guest = default_guest_network(zone)
    for s, shared in enumerate(zone.shared_networks):
        owner = _by_name(zone, shared.physical_network)
        yield Placement(shared.vlan, guest if owner is None else owner, SHARED, "Guest",
                        partial(str, f"shared network {shared.name}"),
                        (*base, "shared_networks", s, "vlan"), shared.subnet)
    management = _carrier(zone, "Management")
    storage = storage_network(zone)
    for p, pod in enumerate(zone.pods):
        pod_path: DataPath = (*base, "pods", p)
        of_pod = f" of pod {pod.name}"
        yield Placement(pod.vlan, management, POD, "Management", partial(str, f"pod {pod.name}"),
                        (*pod_path, "vlan"), pod.cidr)
        for m, reserved in enumerate(pod.management_ranges):
            yield Placement(reserved.vlan, management, MANAGEMENT_RANGE, "Management",
                            partial(_range_owner, "management range", reserved, of_pod),
                            (*pod_path, "management_ranges", m, "vlan"), pod.cidr)
        for g, guest_range in enumerate(pod.guest_ranges):
            yield Placement(guest_range.vlan, guest, POD_GUEST, "Guest",
                            partial(_range_owner, "guest range", guest_range, of_pod),
                            (*pod_path, "guest_ranges", g, "vlan"), guest_range.subnet)
        for s, storage_range in enumerate(pod.storage_ranges):
            yield Placement(storage_range.vlan, storage, STORAGE, "Storage",
                            partial(_range_owner, "storage range", storage_range, of_pod),
                            (*pod_path, "storage_ranges", s, "vlan"), storage_range.subnet)


def _network_uses(z: int, zone: Zone, base: DataPath) -> Iterator[VlanUse]:
    """The guest VLAN ranges and traffic-type VLANs the physical networks declare."""
    for n, network in enumerate(zone.physical_networks):
        path: DataPath = (*base, "physical_networks", n)
        if network.vlan is not None and network.vlan.valid:
            for start, end in network.vlan.intervals:
                yield VlanUse(z, n, start, end, GUEST_RANGE, "Guest",
                              f"guest VLAN range {network.vlan.text} of physical network "
                              f"{network.name}", (*path, "vlan"), None, network.isolation)
        for t, traffic in enumerate(network.traffic_types):
            if isinstance(traffic.vlan, int):
                yield VlanUse(z, n, traffic.vlan, traffic.vlan, TRAFFIC_VLAN,
                              traffic.traffictype, f"{traffic.traffictype} traffic VLAN of "
                              f"physical network {network.name}",
                              (*path, "traffic_types", t, "vlan"), None, network.isolation)


def _zone_vlans(z: int, zone: Zone) -> ZoneVlans:
    """The zone's uses, overlaps and untagged traffic, from one pass over its placements."""
    base: DataPath = ("zones", z)
    uses = list(_network_uses(z, zone, base))
    untagged: dict[int, set[str]] = {}
    for place in _placements(zone, base):
        if isinstance(place.vlan, int):
            uses.append(VlanUse(z, place.network, place.vlan, place.vlan, place.kind,
                                place.traffic, place.describe(), place.path, place.subnet,
                                _isolation(zone, place.network)))
        elif place.network is not None:
            untagged.setdefault(place.network, set()).add(place.traffic)
    management = _carrier(zone, "Management")
    if management is not None and not zone.pods:
        untagged.setdefault(management, set()).add("Management")
    guest = default_guest_network(zone)
    if zone.is_basic and guest is not None:
        untagged.setdefault(guest, set()).add("Guest")
    return ZoneVlans(z, uses, sweep(uses), untagged)


def sweep(uses: Iterable[VlanUse]) -> list[tuple[VlanUse, VlanUse]]:
    """Every overlapping pair of uses from different groups, by one sort over the endpoints.

    Each interval opens at `start` and closes after `end`; closes sort before opens at the
    same coordinate. An opening interval is paired with the open intervals of the other
    groups only, so the work is O(n log n + groups * n + pairs found).
    """
    events: list[tuple[int, int, int, VlanUse]] = []
    for order, use in enumerate(uses):
        events.append((use.start, 1, order, use))
        events.append((use.end + 1, 0, order, use))
    events.sort(key=lambda event: event[:3])
    open_by_group: dict[tuple[str, int | None], dict[int, VlanUse]] = {}
    pairs: list[tuple[VlanUse, VlanUse]] = []
    for _, opening, order, use in events:
        group = use.group
        if not opening:
            del open_by_group[group][order]
            continue
        for other_group, members in open_by_group.items():
            if other_group != group:
                pairs.extend((other, use) for other in members.values())
        open_by_group.setdefault(group, {})[order] = use
    return pairs


def offering_of(plan: Plan, network: SharedNetwork) -> NetworkOffering | None:
    """The network offering a zone network names, if the plan declares it."""
    for offering in plan.offerings.network:
        if offering.name == network.networkoffering:
            return offering
    return None


def without_specifyvlan(plan: Plan, network: SharedNetwork) -> bool:
    """A Shared offering without specifyvlan (isSharedNetworkWithoutSpecifyVlan): then
    createVlanAndPublicIpRange skips checkZoneVlanIpOverlap and the vnet check."""
    offering = offering_of(plan, network)
    return offering is not None and offering.guestiptype == "Shared" and not offering.specifyvlan


def skips_vlan_checks(plan: Plan, network: SharedNetwork) -> bool:
    """Whether createGuestNetwork skips its VLAN-in-use checks for this zone network.

    It sets bypassVlanOverlapCheck itself for a Shared offering without specifyvlan, and
    honours the flag only for networks that are not Isolated
    (hasGuestBypassVlanOverlapCheck).
    """
    offering = offering_of(plan, network)
    if offering is not None and offering.guestiptype == "Isolated":
        return False
    return without_specifyvlan(plan, network) or network.bypassvlanoverlapcheck


def build_vlan_index(plan: Plan) -> VlanIndex:
    return VlanIndex([_zone_vlans(z, zone) for z, zone in enumerate(plan.zones)])


def partners(pairs: Iterable[tuple[VlanUse, VlanUse]],
             pick: Callable[[VlanUse, VlanUse], tuple[VlanUse, VlanUse] | None],
             ) -> dict[VlanUse, list[VlanUse]]:
    """Overlaps grouped by the use a rule reports on, so each is reported once.

    `pick(a, b)` returns (reported, other) for a pair the rule cares about, or None.
    """
    grouped: dict[VlanUse, list[VlanUse]] = {}
    for a, b in pairs:
        chosen = pick(a, b)
        if chosen is not None:
            grouped.setdefault(chosen[0], []).append(chosen[1])
    return grouped


SHOWN = 3  # how many others of an overlap a finding names (and links as related)


def listing(uses: list[VlanUse], shown: int = SHOWN) -> str:
    """`A, B and C` or `A, B, C and 4 more`: the first few others of an overlap."""
    names = [use.owner for use in uses[:shown]]
    rest = len(uses) - len(names)
    if rest:
        return ", ".join(names) + f" and {rest} more"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
