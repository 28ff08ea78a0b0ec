"""T002 duplicate-traffic-type: one physical network lists a traffic type twice."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related

ID = "T002"
NAME = "duplicate-traffic-type"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "one physical network carries the same traffic type twice"


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        for n, network in enumerate(zone.physical_networks):
            base = ("zones", z, "physical_networks", n, "traffic_types")
            first: dict[str, int] = {}
            for t, traffic in enumerate(network.traffic_types):
                kind = traffic.traffictype
                if kind not in first:
                    first[kind] = t
                    continue
                yield Finding((*base, t, "traffictype"),
                              f"physical network {network.name} lists {kind} traffic twice "
                              "(CloudStack: \"This physical network already supports the "
                              f"traffic type: {kind}\")",
                              related=(Related((*base, first[kind], "traffictype"),
                                               f"first {kind} traffic type"),),
                              suggestion="merge the two entries (one label per hypervisor)")
