"""A007 pod-cidr-overlap: two pods of a zone have overlapping CIDRs while check.pod.cidrs is
true.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related
from netplan_cs.facts.addresses import Span, sweep
from netplan_cs.model.settings_read import setting_flag

ID = "A007"
NAME = "pod-cidr-overlap"
SEVERITY = "error"
ASSUMES_COMPLETE = ('settings',)
CLOUDSTACK = "refuses"
SUMMARY = "two pods of a zone have overlapping CIDRs while check.pod.cidrs is true"


def check(ctx: Any) -> Iterator[Finding]:
    plan = ctx.plan
    for z, zone in enumerate(plan.zones):
        if not setting_flag(plan, "check.pod.cidrs", zone):
            continue
        spans = [Span(pod.cidr.first, pod.cidr.last, "CIDR", f"pod {pod.name}",
                      ("zones", z, "pods", p, "gateway")) for p, pod in enumerate(zone.pods)]
        for overlap in sweep(spans):
            pod = zone.pods[overlap.span.path[3]]
            others = [zone.pods[other.path[3]] for other in overlap.others]
            more = overlap.count - len(others)
            yield Finding(overlap.span.path,
                          f"pod {pod.name} CIDR {pod.cidr} overlaps "
                          + ", ".join(f"pod {other.name} CIDR {other.cidr}" for other in others)
                          + (f" and {more} more" if more else "")
                          + " (CloudStack: \"The subnet of the pod you are adding conflicts "
                            f"with the subnet of pod {others[0].name} in zone {zone.name}\")",
                          related=tuple(Related(other.path, f"{other.owner} gateway")
                                        for other in overlap.others),
                          suggestion="give each pod its own subnet, or set check.pod.cidrs "
                                     "to false if they really share one L2 network")
