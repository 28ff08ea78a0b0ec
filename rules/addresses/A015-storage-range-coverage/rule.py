"""A015 storage-range-coverage: some pod of a zone has a storage range and another pod that
can host the SSVM has none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related

ID = "A015"
NAME = "storage-range-coverage"
SEVERITY = "error"
ASSUMES_COMPLETE = ('storage_ranges',)
CLOUDSTACK = "fails-later"
SUMMARY = ("some pod of a zone has a storage range and another pod that can host "
           "the SSVM has none")


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        covered = [p for p, pod in enumerate(zone.pods) if pod.storage_ranges]
        if not covered:
            continue
        first = zone.pods[covered[0]]
        for p, pod in enumerate(zone.pods):
            if pod.clusters and not pod.storage_ranges:
                yield Finding(("zones", z, "pods", p, "name"),
                              f"pod {pod.name} has no storage range while pod {first.name} has "
                              "one: every SSVM of the zone then needs a storage address from its "
                              "own pod (CloudStack: \"Unable to get a storage network ip "
                              "address\")",
                              related=(Related(("zones", z, "pods", covered[0],
                                                "storage_ranges", 0, "startip"),
                                               f"storage range of pod {first.name}"),),
                              suggestion="give every pod a storage range, or none")
