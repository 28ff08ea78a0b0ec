"""A009 address-overlap: two address ranges of a zone intersect, or a range contains a
declared address.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related
from netplan_cs.facts.addresses import Overlap, Span

ID = "A009"
NAME = "address-overlap"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "two address ranges of a zone intersect, or a range contains a declared address"

RESERVED = {"reserved range", "management range"}


def check(ctx: Any) -> Iterator[Finding]:
    index = ctx.facts.addresses
    for z, zone in enumerate(ctx.plan.zones):
        for overlap in index.zone_overlaps(z):
            yield _finding(overlap)
        yield from _public_gateways(zone, ("zones", z, "public_ranges"))


def _finding(overlap: Overlap) -> Finding:
    span = overlap.span
    names = ", ".join(other.describe() for other in overlap.others)
    more = f" and {overlap.count - len(overlap.others)} more" if overlap.count > len(
        overlap.others) else ""
    verb = "lies inside" if span.single else "overlaps"
    quote = _cloudstack_says(span, overlap.others[0])
    return Finding(span.path, f"{span.describe()} {verb} {names}{more}{quote}",
                   related=tuple(Related(other.path, other.describe())
                                 for other in overlap.others),
                   suggestion="give each owner its own addresses")


def _cloudstack_says(span: Span, other: Span) -> str:
    """CloudStack's own words where it checks this pair when the later one is added."""
    kinds = {span.kind, other.kind}
    if "storage range" in kinds:
        return ""  # checked only against the ranges of the storage range's own pod
    if kinds & RESERVED and len(kinds) == 2 and not span.single and not other.single:
        return " (CloudStack: \"The Start IP and EndIP address range overlap with private IP\")"
    if kinds == {"public range"}:
        return (" (CloudStack: \"The IP range already has IPs that overlap with the new "
                "range.\")")
    return ""


def _public_gateways(zone: Any, base: tuple[Any, ...]) -> Iterator[Finding]:
    """Two public ranges on one VLAN with meeting subnets must share gateway and netmask."""
    first: dict[tuple[Any, int], int] = {}
    ranges = zone.public_ranges
    for i, public in enumerate(ranges):
        if public.subnet is None:
            continue
        vlan = str(public.vlan if public.vlan is not None else "untagged").lower()
        key = (vlan, public.subnet.first)
        for (other_vlan, _), j in first.items():
            other = ranges[j]
            if other_vlan == vlan and other.subnet is not None and \
                    public.subnet.first <= other.subnet.last and \
                    other.subnet.first <= public.subnet.last and \
                    (public.gateway, public.netmask) != (other.gateway, other.netmask):
                yield Finding((*base, i, "gateway"),
                              f"public range {public.startip}-{public.last} on VLAN {vlan} has "
                              f"gateway {public.gateway}/{public.netmask}, but public range "
                              f"{other.startip}-{other.last} on the same VLAN and subnet has "
                              f"{other.gateway}/{other.netmask} (CloudStack: \"The IP range has "
                              f"already been added with gateway {other.gateway} ,and netmask "
                              f"{other.netmask}\")",
                              related=(Related((*base, j, "gateway"), "the other range"),))
                break
        first.setdefault(key, i)
