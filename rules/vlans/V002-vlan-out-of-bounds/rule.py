"""V002 vlan-out-of-bounds: a VLAN ID or VNI outside the bounds of its isolation method."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.vlans import BOUNDS

ID = "V002"
NAME = "vlan-out-of-bounds"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = ("a VLAN ID is outside 1..4094, a VXLAN VNI outside 0..16777214 or a GRE key outside "
           "0..4294967295")

WHY = {
    "VLAN": "802.1Q reserves 0 and 4095, and VMware treats 4095 as a trunk",
    "VXLAN": "a VNI has 24 bits, and CloudStack stops at 16777214",
    "NETRIS": "CloudStack gives Netris the VXLAN bounds",
    "GRE": "a GRE key has 32 bits",
}


def check(ctx: Any) -> Iterator[Finding]:
    for use in ctx.facts.vlans.all_uses():
        bounds = BOUNDS.get(use.isolation)
        if bounds is None:
            continue
        low, high = bounds
        if use.start < low or use.end > high:
            yield Finding(use.path,
                          f"{use.owner} uses {use.isolation} ID {use.text}, outside "
                          f"{low}..{high} ({WHY[use.isolation]})",
                          suggestion=f"keep {use.isolation} IDs within {low}-{high}")
