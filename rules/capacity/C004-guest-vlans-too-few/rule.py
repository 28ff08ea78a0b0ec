"""C004 guest-vlans-too-few: the guest VLAN ranges cannot give every planned isolated network,
VPC tier and pool L2 network its VLAN."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.budget import describe

ID = "C004"
NAME = "guest-vlans-too-few"
SEVERITY = "error"
CLOUDSTACK = "fails-later"
SUMMARY = ("the guest VLAN ranges hold fewer VLANs than planned isolated networks + VPC tiers "
           "+ L2 networks from the pool")


def check(ctx: Any) -> Iterator[Finding]:
    for zone in ctx.facts.budgets:
        vlans = zone.guest_vlans
        if vlans is None or vlans.needed <= vlans.size or not zone.vlans_valid:
            continue
        yield Finding(
            zone.vlan_path,
            f"zone {zone.zone.name}: the guest VLAN ranges hold {vlans.size} VLANs but "
            f"{vlans.needed} are needed: {describe(vlans.breakdown)}; CloudStack: \"Unable to "
            "allocate vnet as a part of network ... implement\"",
            suggestion=f"widen the guest VLAN range by at least {vlans.needed - vlans.size}")
