"""A016 public-subnet-overlap: ranges on different VLANs with overlapping subnets, one public."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import netaddr

from netplan_cs.engine.findings import Finding, Related
from netplan_cs.facts.ranges import PlannedRange
from netplan_cs.facts.vlans import without_specifyvlan

ID = "A016"
NAME = "public-subnet-overlap"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = ("a public, shared-network or basic guest range whose subnet overlaps the subnet of a "
           "range on another VLAN, one of the two being public")

PUBLIC = "public range"
# the ranges createVlanAndPublicIpRange stores in the zone's vlan table
CHECKED = (PUBLIC, "shared network range", "guest range")

Key = tuple[int | str, bool]  # (VLAN, public)


def _vlan(item: PlannedRange) -> int | str:
    return item.vlan if item.tagged and item.vlan is not None else "untagged"


def _nesting(subnets: list[netaddr.IPNetwork]) -> dict[netaddr.IPNetwork, list[netaddr.IPNetwork]]:
    """For each subnet, the others it contains or lies in (subnets nest or are apart).

    Sorted by start, widest first, the subnets still open when one starts all contain it.
    """
    related: dict[netaddr.IPNetwork, list[netaddr.IPNetwork]] = {s: [] for s in subnets}
    stack: list[netaddr.IPNetwork] = []
    for subnet in sorted(subnets, key=lambda s: (s.first, -s.last)):
        while stack and stack[-1].last < subnet.first:
            stack.pop()
        for outer in stack:
            related[subnet].append(outer)
            related[outer].append(subnet)
        stack.append(subnet)
    return related


def check(ctx: Any) -> Iterator[Finding]:
    by_zone: dict[int, list[PlannedRange]] = {}
    for item in ctx.facts.ranges:
        if item.kind in CHECKED and item.subnet is not None and item.gateway is not None:
            by_zone.setdefault(item.zone, []).append(item)
    for z, items in by_zone.items():
        if not any(item.kind == PUBLIC for item in items):
            continue
        yield from _zone(ctx, ctx.plan.zones[z], items)


def _zone(ctx: Any, zone: Any, items: list[PlannedRange]) -> Iterator[Finding]:
    # the first range (in plan order) of each VLAN and kind, per subnet
    firsts: dict[netaddr.IPNetwork, dict[Key, tuple[int, PlannedRange]]] = {}
    for order, item in enumerate(items):
        assert item.subnet is not None
        firsts.setdefault(item.subnet, {}).setdefault((_vlan(item), item.kind == PUBLIC),
                                                      (order, item))
    related = _nesting(list(firsts))
    for order, item in enumerate(items):
        assert item.subnet is not None
        if not item.tagged or (item.kind == "shared network range" and without_specifyvlan(
                ctx.plan, zone.shared_networks[item.path[3]])):
            continue  # untagged: checked as an extension of the range (A009); or not checked
        vlan, public = _vlan(item), item.kind == PUBLIC
        earlier = min(((o, other) for subnet in (item.subnet, *related[item.subnet])
                       for (other_vlan, other_public), (o, other) in firsts[subnet].items()
                       if o < order and other_vlan != vlan and (public or other_public)),
                      default=None, key=lambda pair: pair[0])
        if earlier is None:
            continue
        other = earlier[1]
        yield Finding(item.gateway_path,
                      f"{item.describe()} ({item.subnet}, VLAN {vlan}) overlaps the subnet "
                      f"{other.subnet} of {other.describe()} on VLAN {_vlan(other)}: one subnet "
                      f"on two VLANs (CloudStack: \"The IP range with tag: {_vlan(other)} in zone "
                      f"{zone.name} has overlapped with the subnet. Please specify a different "
                      "gateway/netmask.\")",
                      related=(Related(other.gateway_path, other.describe()),),
                      suggestion="give the range a subnet of its own, or put it on the other "
                      "range's VLAN")
