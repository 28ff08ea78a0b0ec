"""T007 missing-management-traffic: no physical network of a zone carries management."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "T007"
NAME = "missing-management-traffic"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "a zone has no management traffic (the zone cannot be enabled)"


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        if any(network.carries("Management") for network in zone.physical_networks):
            continue
        if ctx.document.damaged(("zones", z, "physical_networks")):
            continue  # an invalid network or traffic type was dropped: P001 reports it
        yield Finding(("zones", z, "name"),
                      f"no physical network of zone {zone.name} carries Management traffic: "
                      "CloudStack refuses to enable the zone (\"Cannot enable this Zone since: "
                      "Unable to find the default physical network with traffic=Management in "
                      "the specified zone id\")",
                      suggestion="add `traffictype: management` to one physical network")
