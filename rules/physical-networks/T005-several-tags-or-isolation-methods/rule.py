"""T005 several-tags-or-isolation-methods: CloudStack takes one of each per network."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "T005"
NAME = "several-tags-or-isolation-methods"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "a physical network has more than one tag or more than one isolation method"


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        for n, network in enumerate(zone.physical_networks):
            base = ("zones", z, "physical_networks", n)
            if len(network.tags) > 1:
                yield Finding((*base, "tags"),
                              f"physical network {network.name} has {len(network.tags)} tags "
                              f"({', '.join(network.tags)}) (CloudStack: \"Only one tag can be "
                              "specified for a physical network at this time\")",
                              suggestion="keep one tag")
            if len(network.isolationmethods) > 1:
                yield Finding((*base, "isolationmethods"),
                              f"physical network {network.name} has "
                              f"{len(network.isolationmethods)} isolation methods "
                              f"({', '.join(network.isolationmethods)}) (CloudStack: \"Only one "
                              "isolationMethod can be specified for a physical network at this "
                              "time\")",
                              suggestion="keep one isolation method; use another physical "
                              "network for the other")
