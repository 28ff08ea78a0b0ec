"""R001 rate-out-of-range: an offering's networkrate CloudStack cannot store as written."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Severity
from netplan_cs.facts.rates import MAX_RATE, declared_offerings

ID = "R001"
NAME = "rate-out-of-range"
SEVERITY = "error"
ASSUMES_COMPLETE = ('settings',)
CLOUDSTACK = "refuses"
SUMMARY = ("an offering's networkrate is above 65535 Mb/s, or negative (rejected on compute and "
           "system offerings, silently stored as 0 = unlimited on network offerings)")
SEVERITY_VARIES = ("a warning for a negative rate, which CloudStack stores as 0 (unlimited)")


def check(ctx: Any) -> Iterator[Finding]:
    for offering in declared_offerings(ctx.plan):
        rate = offering.networkrate
        if rate is None or offering.path is None:
            continue
        path = (*offering.path, "networkrate")
        if rate > MAX_RATE:
            yield Finding(path, f"{offering.label} networkrate {rate} Mb/s is above {MAX_RATE}, "
                          "the largest value CloudStack's nw_rate column (smallint unsigned) "
                          "holds: creating the offering fails",
                          suggestion=f"use at most {MAX_RATE} Mb/s, or 0 for unlimited")
        elif rate < 0 and offering.kind == "network":
            yield Finding(path, f"{offering.label} networkrate {rate} is negative: CloudStack "
                          "silently stores 0, which means unlimited, not throttled",
                          suggestion="write 0 if unlimited is meant, or the rate in Mb/s",
                          severity=Severity.WARNING)
        elif rate < 0:
            yield Finding(path, f"{offering.label} networkrate {rate} is negative (CloudStack: "
                          f"\"Failed to create service offering {offering.name}: specify the "
                          "network rate value more than 0\")",
                          suggestion="write the rate in Mb/s, or 0 for unlimited")
