"""Z004 sg-zone-isolated-network: an advanced zone with security groups plans isolated
networks, VPCs or public ranges.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "Z004"
NAME = "sg-zone-isolated-network"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = ("an advanced zone with security groups plans isolated networks, VPCs or "
           "public ranges")


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        if zone.is_basic or not zone.securitygroupenabled:
            continue
        for i, public in enumerate(zone.public_ranges):
            yield Finding(("zones", z, "public_ranges", i, "startip"),
                          f"security-group zone {zone.name} has public range "
                          f"{public.startip}-{public.last} (CloudStack: \"Can't add virtual ip "
                          "range into a zone with security group enabled\")",
                          suggestion="put these addresses in a shared network range instead")
        for field, what in (("isolated_networks", "isolated networks"), ("vpcs", "VPCs")):
            planned = getattr(zone.demand, field)
            if planned:
                yield Finding(("zones", z, "demand", field),
                              f"security-group zone {zone.name} plans {planned} {what}; "
                              "CloudStack allows only shared and L2 networks there")
