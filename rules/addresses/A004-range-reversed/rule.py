"""A004 range-reversed: a range's start is above its end."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related

ID = "A004"
NAME = "range-reversed"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "a range's start is above its end"


def check(ctx: Any) -> Iterator[Finding]:
    for item in ctx.facts.ranges:
        if item.endip is not None and item.startip > item.endip:
            if item.kind == "storage range":
                cs = "CloudStack silently creates no address"
            elif item.kind in ("reserved range", "management range"):
                cs = ("CloudStack: \"The start IP address must have a lower value than the end "
                      "IP address.\"")
            else:
                cs = "CloudStack: \"Please specify a valid IP range.\""
            yield Finding((*item.path, "endip"),
                          f"{item.owner} {item.kind} ends at {item.endip}, below its start "
                          f"{item.startip} ({cs})",
                          related=(Related((*item.path, "startip"), "start address"),),
                          suggestion="swap startip and endip")
