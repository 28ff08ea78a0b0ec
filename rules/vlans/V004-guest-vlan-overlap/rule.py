"""V004 guest-vlan-overlap: guest VLAN ranges of two physical networks of one zone overlap."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related, Severity
from netplan_cs.facts.vlans import GUEST_RANGE, SHOWN, VlanUse, listing, partners

ID = "V004"
NAME = "guest-vlan-overlap"
SEVERITY = "warning"
SUMMARY = ("guest VLAN ranges of two physical networks in one zone overlap (an error for VXLAN "
           "VNIs)")
SEVERITY_VARIES = ("an error when the overlapping ranges are VXLAN, whose VNIs CloudStack "
                   "refuses to repeat in a zone")

VNI_UNIQUE = ("VXLAN", "NETRIS")


def _pick(a: VlanUse, b: VlanUse) -> tuple[VlanUse, VlanUse] | None:
    """Report on the physical network that comes later in the plan."""
    if a.kind != GUEST_RANGE or b.kind != GUEST_RANGE:
        return None
    assert a.network is not None and b.network is not None
    return (a, b) if a.network > b.network else (b, a)


def check(ctx: Any) -> Iterator[Finding]:
    for zone_vlans in ctx.facts.vlans.zones:
        zone = ctx.plan.zones[zone_vlans.zone]
        for use, others in partners(zone_vlans.overlaps, _pick).items():
            vxlan = any(u.isolation in VNI_UNIQUE for u in (use, *others))
            if vxlan:
                message = (f"{use.owner} overlaps {listing(others)} (CloudStack: \"VNI "
                           f"{max(use.start, others[0].start)} already exists on another network "
                           f"in zone ({zone.name}), please specify a unique range\")")
            else:
                message = (f"{use.owner} overlaps {listing(others)} in zone {zone.name}: the "
                           "same VLAN IDs on two physical networks work only if they are "
                           "separate L2 domains (switches)")
            yield Finding(use.path, message,
                          related=tuple(Related(o.path, o.owner) for o in others[:SHOWN]),
                          suggestion="give each physical network its own numerical VLAN range",
                          severity=Severity.ERROR if vxlan else None)
