"""T009 basic-zone-public-traffic: public traffic in a basic zone without elastic IP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "T009"
NAME = "basic-zone-public-traffic"
SEVERITY = "warning"
SUMMARY = "a basic zone carries public traffic without an elastic IP/LB offering"

# the name marks CloudStack's own DefaultSharedNetscalerEIPandELBNetworkOffering and its copies
ELASTIC = "eip"


def _elastic(ctx: Any, zone: Any, first: bool) -> bool:
    """Does the zone's guest network use an elastic-IP offering?

    Marvin picks DefaultSharedNetscalerEIPandELBNetworkOffering itself when the first
    physical network carries Public traffic (deployDataCenter.py, research/formats.md 1.4).
    """
    if ctx.document.dialect == "marvin" and first:
        return True
    return any(ELASTIC in (network.networkoffering or "").lower()
               for network in zone.shared_networks)


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        if not zone.is_basic:
            continue
        for n, network in enumerate(zone.physical_networks):
            for t, traffic in enumerate(network.traffic_types):
                if traffic.traffictype != "Public" or _elastic(ctx, zone, n == 0):
                    continue
                yield Finding(
                    ("zones", z, "physical_networks", n, "traffic_types", t, "traffictype"),
                    f"basic zone {zone.name} carries Public traffic on {network.name}, but no "
                    "shared network uses an elastic IP/LB offering: basic zones use public "
                    "addresses only through NetScaler elastic IP and elastic load balancing",
                    suggestion="remove the Public traffic type, or give the zone's shared "
                    "network an EIP/ELB offering (DefaultSharedNetscalerEIPandELBNetworkOffering)")
