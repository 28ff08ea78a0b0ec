"""V001 vlan-range-syntax: a guest VLAN range CloudStack's validateVlanRange rejects."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "V001"
NAME = "vlan-range-syntax"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "a guest VLAN range is not a comma-separated list of start-end pairs with start <= end"

CLOUDSTACK_SAYS = ("CloudStack: \"Please provide valid vnet range. vnet range should be a comma "
              "separated list of vlan ranges. example 500-500,600-601\"")


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        for n, network in enumerate(zone.physical_networks):
            if network.vlan is None or network.vlan.valid:
                continue
            yield Finding(("zones", z, "physical_networks", n, "vlan"),
                          f"guest VLAN range {network.vlan.text!r} of physical network "
                          f"{network.name}: {network.vlan.error} ({CLOUDSTACK_SAYS})",
                          suggestion="write each range as start-end, e.g. 500-500,600-601")
