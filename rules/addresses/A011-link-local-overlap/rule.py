"""A011 link-local-overlap: a pod, guest, public or storage subnet overlaps control.cidr."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import netaddr

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.ranges import PlannedRange
from netplan_cs.load.location import DataPath

ID = "A011"
NAME = "link-local-overlap"
SEVERITY = "error"
ASSUMES_COMPLETE = ('settings',)
CLOUDSTACK = "fails-later"
SUMMARY = "a pod, guest, public or storage subnet overlaps control.cidr"


def check(ctx: Any) -> Iterator[Finding]:
    plan = ctx.plan
    ranges = _ranges_by_zone(ctx.facts.ranges)
    for z, zone in enumerate(plan.zones):
        control = _control(plan.setting("control.cidr", zone))
        if control is None:
            continue
        low, high = control.first, control.last
        seen: set[tuple[int, int]] = set()
        for path, what, subnet in _subnets(z, zone, ranges.get(z, [])):
            if subnet is None:
                continue
            # first and last are what two IPv4 CIDRs compare by: no `.cidr` object each
            first, last = subnet.first, subnet.last
            if (first, last) in seen:
                continue  # a basic-zone guest range in its pod's subnet: the pod says it
            seen.add((first, last))
            if first <= high and low <= last:
                yield Finding(path, f"{what} {subnet.cidr} overlaps control.cidr {control} "
                                    "(link-local addresses of system VM control NICs)",
                              suggestion="move the subnet out of " + str(control))


def _ranges_by_zone(ranges: list[PlannedRange]) -> dict[int, list[PlannedRange]]:
    """Each zone's ranges with a subnet of their own (a pod's reserved and management
    ranges share the pod's), grouped once rather than sought in every zone."""
    grouped: dict[int, list[PlannedRange]] = {}
    for item in ranges:
        if item.kind not in ("reserved range", "management range"):
            grouped.setdefault(item.zone, []).append(item)
    return grouped


def _subnets(z: int, zone: Any,
             ranges: list[PlannedRange]) -> Iterator[tuple[DataPath, str, Any]]:
    yield ("zones", z, "guestcidraddress"), "guest CIDR", zone.guestcidraddress
    for p, pod in enumerate(zone.pods):
        yield ("zones", z, "pods", p, "gateway"), f"pod {pod.name} CIDR", pod.cidr
    for item in ranges:
        yield (item.gateway_path if item.gateway is not None else (*item.path, "startip"),
               f"{item.owner} {item.kind} subnet", item.subnet)


def _control(value: Any) -> netaddr.IPNetwork | None:
    try:
        return netaddr.IPNetwork(str(value)).cidr
    except (netaddr.AddrFormatError, ValueError, TypeError):
        return None
