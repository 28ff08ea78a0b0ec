"""A014 basic-pod-without-guest-range: a basic-zone pod with clusters has no pod-scoped guest
range.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "A014"
NAME = "basic-pod-without-guest-range"
SEVERITY = "error"
ASSUMES_COMPLETE = ('guest_ranges',)
CLOUDSTACK = "fails-later"
SUMMARY = "a basic-zone pod with clusters has no pod-scoped guest range"


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        if not zone.is_basic:
            continue
        for p, pod in enumerate(zone.pods):
            if pod.clusters and not pod.guest_ranges:
                yield Finding(("zones", z, "pods", p, "name"),
                              f"basic-zone pod {pod.name} has clusters but no guest range: "
                              "VM deployments there fail (CloudStack: \"Insufficient address "
                              "capacity\")",
                              suggestion="add a guest_ranges entry (gateway, netmask, startip, "
                                         "endip) to the pod")
