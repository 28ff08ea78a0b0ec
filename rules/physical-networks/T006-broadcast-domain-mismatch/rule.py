"""T006 broadcast-domain-mismatch: POD is for basic zones, ZONE for advanced ones."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "T006"
NAME = "broadcast-domain-mismatch"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "broadcast domain range is not POD in a basic zone or not ZONE in an advanced zone"


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        wanted = "POD" if zone.is_basic else "ZONE"
        for n, network in enumerate(zone.physical_networks):
            value = network.broadcastdomainrange
            if value is None or value == wanted:
                continue
            text = ("Basic zone can have broadcast domain type of value POD only" if zone.is_basic
                    else "Advance zone can have broadcast domain type of value ZONE only")
            yield Finding(("zones", z, "physical_networks", n, "broadcastdomainrange"),
                          f"physical network {network.name} of {zone.networktype.lower()} zone "
                          f"{zone.name} has broadcast domain range {value} (CloudStack: "
                          f"\"{text}\")",
                          suggestion=f"use {wanted}, or leave it out (CloudStack defaults to it)")
