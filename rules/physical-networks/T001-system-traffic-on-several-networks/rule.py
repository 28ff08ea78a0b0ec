"""T001 system-traffic-on-several-networks: management, public or storage on two networks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related

ID = "T001"
NAME = "system-traffic-on-several-networks"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "management, public or storage traffic sits on more than one physical network of a zone"

SINGLE = ("Management", "Public", "Storage")


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        first: dict[str, tuple[int, int]] = {}
        for n, network in enumerate(zone.physical_networks):
            for t, traffic in enumerate(network.traffic_types):
                kind = traffic.traffictype
                if kind not in SINGLE:
                    continue
                if kind not in first:
                    first[kind] = (n, t)
                    continue
                if first[kind][0] == n:
                    continue  # the same network twice is T002's
                m, u = first[kind]
                other = zone.physical_networks[m].name
                yield Finding(
                    ("zones", z, "physical_networks", n, "traffic_types", t, "traffictype"),
                    f"{kind} traffic on physical network {network.name} is already carried by "
                    f"physical network {other} of zone {zone.name} (CloudStack: \"Fail to add "
                    "the traffic type to physical network because Zone already has a physical "
                    f"network with this traffic type: {kind}\")",
                    related=(Related(("zones", z, "physical_networks", m, "traffic_types", u,
                                      "traffictype"), f"{kind} traffic on {other}"),),
                    suggestion=f"keep {kind} traffic on one physical network per zone")
