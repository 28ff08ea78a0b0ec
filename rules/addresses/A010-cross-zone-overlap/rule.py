"""A010 cross-zone-overlap: public ranges, reserved ranges or host addresses of different
zones intersect.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related
from netplan_cs.facts.addresses import Span

ID = "A010"
NAME = "cross-zone-overlap"
SEVERITY = "warning"
CLOUDSTACK = "advice"
SUMMARY = "public ranges, reserved ranges or host addresses of different zones intersect"


def check(ctx: Any) -> Iterator[Finding]:
    zones = ctx.plan.zones
    for overlap in ctx.facts.addresses.cross_zone_overlaps():
        span = overlap.span
        names = ", ".join(_where(other, zones) for other in overlap.others)
        more = overlap.count - len(overlap.others)
        yield Finding(span.path,
                      f"{_where(span, zones)} meets {names}"
                      + (f" and {more} more" if more else "")
                      + " (CloudStack docs: public IP addresses from different zones do not "
                        "overlap; reserved and host addresses are unique across the cloud)",
                      related=tuple(Related(other.path, other.describe())
                                    for other in overlap.others))


def _where(span: Span, zones: Any) -> str:
    """A span with its zone, unless its owner already names it."""
    zone = f"zone {zones[span.zone].name}"
    return span.describe() if zone in span.owner else f"{span.describe()} in {zone}"
