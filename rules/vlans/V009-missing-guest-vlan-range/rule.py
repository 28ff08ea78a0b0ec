"""V009 missing-guest-vlan-range: an advanced zone's VLAN guest network has no VLAN range."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "V009"
NAME = "missing-guest-vlan-range"
SEVERITY = "error"
CLOUDSTACK = "fails-later"
SUMMARY = "an advanced zone's guest physical network with VLAN isolation has no VLAN range"


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        # security-group zones have only shared networks, whose VLANs are given explicitly
        if zone.is_basic or zone.securitygroupenabled:
            continue
        for n, network in enumerate(zone.physical_networks):
            if not network.carries("Guest") or network.isolation != "VLAN":
                continue
            if ctx.document.damaged(("zones", z, "physical_networks", n, "vlan")):
                continue  # an invalid range was dropped: P001 reports it
            if network.vlan is None or (network.vlan.valid and not network.vlan.intervals):
                yield Finding(("zones", z, "physical_networks", n, "name"),
                              f"guest physical network {network.name} of advanced zone "
                              f"{zone.name} has no guest VLAN range: every isolated network, "
                              "VPC tier and L2 network fails to start (CloudStack: \"Unable to "
                              "allocate vnet as a part of network ... implement\")",
                              suggestion="add `vlan: <start>-<end>` with room for every isolated "
                              "network and VPC tier")
