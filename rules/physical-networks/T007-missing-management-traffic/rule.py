"""T007 missing-management-traffic: no physical network of a zone carries management."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "T007"
NAME = "missing-management-traffic"
SEVERITY = "error"
ASSUMES_COMPLETE = ('physical_networks', 'traffic_types')
CLOUDSTACK = "refuses"
SUMMARY = "a zone has no management traffic (the zone cannot be enabled)"


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        if any(network.carries("Management") for network in zone.physical_networks):
            continue
        if ctx.document.damaged(("zones", z, "physical_networks")):
            continue  # an invalid network or traffic type was dropped: P001 reports it
        what = (f"zone {zone.name} has no physical network at all, so nothing carries "
                "Management traffic" if not zone.physical_networks else
                f"no physical network of zone {zone.name} carries Management traffic")
        where = "a new physical network" if not zone.physical_networks else "one physical network"
        yield Finding(("zones", z, "name"),
                      f"{what}: "
                      "CloudStack refuses to enable the zone (\"Cannot enable this Zone since: "
                      "Unable to find the default physical network with traffic=Management in "
                      "the specified zone id\")",
                      suggestion=f"add {ctx.document.traffic_entry('Management')} {where}")
