"""A001 cidr-host-bits: a CIDR has host bits set."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.load.location import DataPath

ID = "A001"
NAME = "cidr-host-bits"
SEVERITY = "warning"
SUMMARY = "a CIDR has host bits set"


def check(ctx: Any) -> Iterator[Finding]:
    plan = ctx.plan
    cidrs: list[tuple[DataPath, Any]] = [(("routed_prefixes", i), cidr)
                                         for i, cidr in enumerate(plan.routed_prefixes)]
    cidrs += [(("zones", z, "guestcidraddress"), zone.guestcidraddress)
              for z, zone in enumerate(plan.zones) if zone.guestcidraddress is not None]
    for path, cidr in cidrs:
        if cidr.ip != cidr.network:
            yield Finding(path, f"CIDR {cidr} has host bits set; CloudStack accepts it as "
                                f"{cidr.cidr}, which may not be what was meant",
                          suggestion=f"write {cidr.cidr}")
