"""The address index: every range and single address of the plan, with its owner.

Rules A009 (overlaps inside a zone) and A010 (overlaps across zones) read the
overlaps computed here. They come from ONE sort and sweep over interval
endpoints (O(n log n) plus the size of the report), never from comparing all
pairs; a range that many others overlap is reported once, with the count and
the first few of them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import NamedTuple

import netaddr

from netplan_cs.load.location import DataPath
from netplan_cs.model.plan import AddressRange, Host, Plan, Pod, Storage, Zone

SHOWN = 3
"""How many of the other ranges an overlap names; the count covers them all."""

Key = Hashable | None


class Span(NamedTuple):
    """One address range (first < last) or single address (first == last) of the plan.

    `keys` are the groups a range belongs to, `key` the group of a single
    address or of a range as seen by other ranges: the sweep leaves out pairs
    that share a group (a range and its own gateway, a host and its own pod's
    reserved range, or two spans of one zone in the cross-zone index).
    A named tuple, not a dataclass: the index builds one per host, and a tuple
    is built three times faster.
    """

    first: int
    last: int
    kind: str
    owner: str
    path: DataPath
    zone: int | None = None
    gateway: int | None = None
    key: Key = None
    keys: frozenset[Hashable] = frozenset()

    @property
    def single(self) -> bool:
        return self.first == self.last

    @property
    def text(self) -> str:
        start = netaddr.IPAddress(self.first)
        return str(start) if self.single else f"{start}-{netaddr.IPAddress(self.last)}"

    def describe(self) -> str:
        """`public range 10.0.0.10-10.0.0.20 of zone zone1` as messages quote it."""
        return f"{self.kind} {self.text}" + (f" of {self.owner}" if self.owner else "")


@dataclass(frozen=True)
class Overlap:
    """`span` meets `count` spans that started before it; `others` are the first few."""

    span: Span
    count: int
    others: tuple[Span, ...]


def _no_group(span: Span) -> Key:
    return None


def _own_keys(span: Span) -> frozenset[Hashable]:
    return span.keys


def sweep(spans: Iterable[Span], apart: Callable[[Span], Key] = _no_group,
          shown: int = SHOWN, points_meet: bool = False,
          keys: Callable[[Span], frozenset[Hashable]] = _own_keys) -> list[Overlap]:
    """Overlaps of `spans`, each reported once, on the span that starts later.

    One sort of the endpoints (starts before single addresses before ends at the
    same address, since ranges are inclusive), then one pass that keeps the open
    ranges in start order and counts them per group. A single address is
    checked against open ranges only (two equal single addresses are no conflict,
    unless `points_meet`); a range against the open ranges, minus those in its
    `apart` group. A span's groups are its `keys` (by default its own) plus its
    `apart` group. Spans that meet no other span are left out first (`_meeting`);
    in a sound plan that is nearly all of them. Each endpoint is one integer,
    (address, kind, span number) packed in that order, because sorting integers is
    several times faster than sorting tuples.
    """
    items = _meeting(list(spans))
    size = len(items)
    own = [apart(span) for span in items]
    groups_of = [_groups(keys(span), group) for span, group in zip(items, own, strict=True)]
    events: list[int] = []
    for number, span in enumerate(items):
        if span.first == span.last and not points_meet:
            events.append((span.first * 3 + 1) * size + number)
        else:
            events += [span.first * 3 * size + number, (span.last * 3 + 2) * size + number]
    events.sort()
    open_ranges: dict[int, Span] = {}
    open_in: dict[Hashable, int] = {}
    found: list[Overlap] = []
    for event in events:
        position, number = divmod(event, size)
        what = position % 3
        if what == 2:
            del open_ranges[number]
            for group_name in groups_of[number]:
                open_in[group_name] -= 1
            continue
        span = items[number]
        group = span.key if what == 1 else own[number]
        count = len(open_ranges) - (open_in.get(group, 0) if group is not None else 0)
        if count:
            others = (other for n, other in open_ranges.items()
                      if group is None or group not in groups_of[n])
            found.append(Overlap(span, count, tuple(islice(others, shown))))
        if what == 0:
            open_ranges[number] = span
            for group_name in groups_of[number]:
                open_in[group_name] = open_in.get(group_name, 0) + 1
    return found


def _meeting(spans: list[Span]) -> list[Span]:
    """The spans that meet at least one other span (whatever its group), in their order.

    The others can be in no overlap, so the sweep need not see them. Sorted by start
    (a C-level sort of the span numbers), a span meets an earlier one when the furthest
    end before it reaches its start, and a later one when the next start lies within it.
    """
    if len(spans) < 2:
        return []
    firsts = [span.first for span in spans]
    order = sorted(range(len(spans)), key=firsts.__getitem__)
    starts = [firsts[number] for number in order]
    ends = [spans[number].last for number in order]
    before: list[int] = []  # the furthest end of the spans sorted before each one
    furthest = starts[0] - 1
    for end in ends:  # a plain loop: accumulate(ends, max) is four times slower
        before.append(furthest)
        if end > furthest:
            furthest = end
    after = [*starts[1:], furthest + 1]
    meets = sorted(number for number, start, end, earlier, later
                   in zip(order, starts, ends, before, after, strict=True)
                   if earlier >= start or later <= end)
    return [spans[number] for number in meets]


def _groups(keys: frozenset[Hashable], own: Key) -> frozenset[Hashable]:
    return keys if own is None or own in keys else keys | {own}


@dataclass
class AddressIndex:
    """Every address span of the plan, per zone and across zones."""

    zones: list[list[Span]] = field(default_factory=list)
    shared: list[Span] = field(default_factory=list)

    def in_zone(self, zone: int) -> list[Span]:
        """The zone's own spans plus the plan-wide ones (management servers)."""
        return self.zones[zone] + self.shared

    def zone_overlaps(self, zone: int) -> list[Overlap]:
        return sweep(self.in_zone(zone))

    def cross_zone_overlaps(self) -> list[Overlap]:
        """Public ranges, reserved ranges and hosts that meet one of another zone.

        Each zone is one group, so only pairs of different zones are kept; the spans'
        own groups (gateways, pods) play no part across zones.
        """
        zone_groups: dict[Key, frozenset[Hashable]] = {
            z: frozenset({z}) for z in range(len(self.zones))}
        spans = [span for spans in self.zones for span in spans if span.kind in CROSS_ZONE]
        return sweep(spans, apart=_zone_of, points_meet=True,
                     keys=lambda span: zone_groups[span.zone])


CROSS_ZONE = {"public range", "reserved range", "management range", "host"}


def _zone_of(span: Span) -> Key:
    return span.zone


def _int(address: netaddr.IPAddress | None) -> int | None:
    return None if address is None else int(address)


def build_index(plan: Plan) -> AddressIndex:
    """Index the plan's addresses; reversed ranges are left to A004."""
    index = AddressIndex()
    index.shared = [
        Span(int(server.ipaddress), int(server.ipaddress), "management server",
             server.name or "", ("management_servers", m, "ipaddress"))
        for m, server in enumerate(plan.management_servers)]
    for z, zone in enumerate(plan.zones):
        index.zones.append([span for span in _zone_spans(zone, ("zones", z), z)
                            if span.first <= span.last])
    return index


# The helpers below return lists, not generators: they run for every pod and cluster,
# mostly on empty lists, where starting a generator costs more than the work.

def _gateway(address: netaddr.IPAddress | None, owner: str, path: DataPath,
             z: int) -> list[Span]:
    if address is None:
        return []
    value = int(address)
    return [Span(value, value, "gateway", owner, path, z, key=("gateway", value))]


def _ranges(items: Sequence[AddressRange], kind: str, owner: str, path: DataPath, z: int,
            gw: netaddr.IPAddress | None = None) -> list[Span]:
    spans = []
    for i, item in enumerate(items):
        own_gw = item.gateway or gw
        spans.append(Span(int(item.startip), int(item.last), kind, owner,
                          (*path, i, "startip"), z, gateway=_int(own_gw),
                          keys=_gateway_key(own_gw)))
        spans += _gateway(item.gateway, f"{kind} of {owner}", (*path, i, "gateway"), z)
    return spans


def _zone_spans(zone: Zone, base: DataPath, z: int) -> list[Span]:
    """The zone's spans; a list built by extension, since hosts make most of them."""
    spans = _ranges(zone.public_ranges, "public range", f"zone {zone.name}",
                    (*base, "public_ranges"), z)
    for n, network in enumerate(zone.shared_networks):
        net_path = (*base, "shared_networks", n)
        if network.startip is not None:
            spans.append(Span(int(network.startip), int(network.last or network.startip),
                              "shared network range",
                              f"shared network {network.name}", (*net_path, "startip"), z,
                              gateway=_int(network.gateway),
                              keys=_gateway_key(network.gateway)))
        spans += _gateway(network.gateway, f"shared network {network.name}",
                          (*net_path, "gateway"), z)
    for p, pod in enumerate(zone.pods):
        spans += _pod_spans(pod, (*base, "pods", p), z)
    for label, address in (("dns1", zone.dns1), ("dns2", zone.dns2),
                           ("internaldns1", zone.internaldns1),
                           ("internaldns2", zone.internaldns2)):
        if address is not None:
            spans.append(Span(int(address), int(address), "DNS server",
                              f"zone {zone.name} {label}", (*base, label), z))
    spans += _storage_spans(zone.primary_storage, "primary storage server",
                            (*base, "primary_storage"), z)
    spans += _storage_spans(zone.secondary_storage, "secondary storage server",
                            (*base, "secondary_storage"), z)
    return spans


def _pod_spans(pod: Pod, path: DataPath, z: int) -> list[Span]:
    owner = f"pod {pod.name}"
    own = ("pod", z, path[3])
    gateway = int(pod.gateway)
    reserved = frozenset({own, *_gateway_key(pod.gateway)})
    spans = []
    end = pod.reserved_end
    if pod.startip is not None and end is not None:
        spans.append(Span(int(pod.startip), int(end), "reserved range", owner,
                          (*path, "startip"), z, gateway, None, reserved))
    for m, extra in enumerate(pod.management_ranges):
        spans.append(Span(int(extra.startip), int(extra.last), "management range",
                          owner, (*path, "management_ranges", m, "startip"), z,
                          gateway, None, reserved))
    spans += _gateway(pod.gateway, owner, (*path, "gateway"), z)
    spans += _ranges(pod.guest_ranges, "guest range", owner, (*path, "guest_ranges"), z,
                     pod.gateway)
    spans += _ranges(pod.storage_ranges, "storage range", owner, (*path, "storage_ranges"), z)
    for c, cluster in enumerate(pod.clusters):
        cluster_path = (*path, "clusters", c)
        spans += _host_spans(cluster.hosts, cluster_path, owner, z, own)
        spans += _storage_spans(cluster.primary_storage, "primary storage server",
                                (*cluster_path, "primary_storage"), z)
    return spans


def _host_spans(hosts: list[Host], path: DataPath, owner: str, z: int,
                pod: Key) -> list[Span]:
    """One span per host with a known address, in the group of its pod."""
    spans = []
    for h, host in enumerate(hosts):
        address = host.address
        if address is not None:
            value = int(address)
            named = f"{owner} ({host.name})" if host.name else owner
            field_name = "ipaddress" if host.ipaddress is not None else "url"
            spans.append(Span(value, value, "host", named, (*path, "hosts", h, field_name), z,
                              None, pod))
    return spans


def _storage_spans(items: list[Storage], kind: str, path: DataPath, z: int) -> list[Span]:
    return [Span(int(address), int(address), kind, storage.name or str(address),
                 (*path, s, "url"), z)
            for s, storage in enumerate(items) if (address := storage.address) is not None]


def _gateway_key(address: netaddr.IPAddress | None) -> frozenset[Hashable]:
    return frozenset() if address is None else frozenset({("gateway", int(address))})
