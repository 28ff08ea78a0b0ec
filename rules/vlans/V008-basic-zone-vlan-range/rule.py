"""V008 basic-zone-vlan-range: a basic zone's physical network has a guest VLAN range."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "V008"
NAME = "basic-zone-vlan-range"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "a basic zone's physical network has a guest VLAN range"


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        if not zone.is_basic:
            continue
        for n, network in enumerate(zone.physical_networks):
            if network.vlan is not None:
                yield Finding(("zones", z, "physical_networks", n, "vlan"),
                              f"physical network {network.name} of basic zone {zone.name} has "
                              f"guest VLAN range {network.vlan.text!r} (CloudStack: \"Can't add "
                              "vnet range to the physical network in the Basic zone\")",
                              suggestion="remove `vlan`: basic-zone guests are isolated by "
                              "security groups, not VLANs")
