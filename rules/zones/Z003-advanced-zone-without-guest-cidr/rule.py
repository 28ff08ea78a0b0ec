"""Z003 advanced-zone-without-guest-cidr: an advanced zone without security groups has no
guest CIDR.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "Z003"
NAME = "advanced-zone-without-guest-cidr"
SEVERITY = "error"
CLOUDSTACK = "fails-later"
SUMMARY = "an advanced zone without security groups has no guest CIDR"


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        if not zone.uses_security_groups and zone.guestcidraddress is None \
                and not _contrail_only(zone):
            yield Finding(("zones", z, "networktype"),
                          f"advanced zone {zone.name} has no guestcidraddress: its isolated "
                          "networks fail to implement (CloudStack: \"Can't design network "
                          "...; guest CIDR is not configured per zone\")",
                          suggestion="set guestcidraddress, e.g. 10.1.1.0/24 as the "
                                     "CloudStack wizard does")


def _contrail_only(zone: Any) -> bool:
    """Guest networks on L3VPN (Juniper Contrail) are designed by ContrailGuru, which
    does not read the zone guest CIDR."""
    guests = [net for net in zone.physical_networks if net.carries("Guest")]
    return bool(guests) and all(net.isolation == "L3VPN" for net in guests)
