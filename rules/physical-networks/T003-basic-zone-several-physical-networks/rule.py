"""T003 basic-zone-several-physical-networks: a basic zone has more than one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related

ID = "T003"
NAME = "basic-zone-several-physical-networks"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "a basic zone has more than one physical network"


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        if not zone.is_basic or len(zone.physical_networks) < 2:
            continue
        first = zone.physical_networks[0].name
        for n, network in enumerate(zone.physical_networks[1:], start=1):
            yield Finding(("zones", z, "physical_networks", n, "name"),
                          f"basic zone {zone.name} already has physical network {first}; "
                          f"{network.name} is refused (CloudStack: \"Cannot add the physical "
                          "network to basic zone ..., there is a physical network already "
                          "existing in this basic Zone\")",
                          related=(Related(("zones", z, "physical_networks", 0, "name"),
                                           f"physical network {first}"),),
                          suggestion="put every traffic type on one physical network, or make "
                          "the zone advanced")
