"""V005 vlan-in-guest-range: an explicit VLAN inside a dynamic guest VLAN range."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related, Severity
from netplan_cs.facts.vlans import GUEST_RANGE, VlanUse, listing, partners

ID = "V005"
NAME = "vlan-in-guest-range"
SEVERITY = "error"
SUMMARY = ("a public, shared-network, storage or management VLAN lies inside a dynamic guest "
           "VLAN range (error on the same physical network, warning on another)")


def _pick(a: VlanUse, b: VlanUse) -> tuple[VlanUse, VlanUse] | None:
    """Report on the explicit VLAN, against the guest range(s) it falls in."""
    if (a.kind == GUEST_RANGE) == (b.kind == GUEST_RANGE):
        return None
    return (b, a) if a.kind == GUEST_RANGE else (a, b)


def check(ctx: Any) -> Iterator[Finding]:
    for zone_vlans in ctx.facts.vlans.zones:
        zone = ctx.plan.zones[zone_vlans.zone]
        for use, ranges in partners(zone_vlans.overlaps, _pick).items():
            same = [r for r in ranges if r.network == use.network]
            if same:
                message = (f"{use.owner} uses VLAN {use.text}, inside {listing(same)} "
                           f"(CloudStack: \"The VLAN tag {use.start} is already being used for "
                           f"dynamic vlan allocation for the guest network in zone "
                           f"{zone.name}\")")
            else:
                message = (f"{use.owner} uses VLAN {use.text}, inside {listing(ranges)} of "
                           "another physical network: a guest network may be given the same "
                           "VLAN unless the two physical networks are separate L2 domains")
            yield Finding(use.path, message,
                          related=tuple(Related(r.path, r.owner) for r in ranges),
                          suggestion="move the VLAN outside the guest range, or shrink the range",
                          severity=None if same else Severity.WARNING)
