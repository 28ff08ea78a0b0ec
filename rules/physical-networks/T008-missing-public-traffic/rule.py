"""T008 missing-public-traffic: an advanced zone without SG lacks public traffic or ranges."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "T008"
NAME = "missing-public-traffic"
SEVERITY = "error"
ASSUMES_COMPLETE = ('physical_networks', 'public_ranges', 'traffic_types')
CLOUDSTACK = "refuses"
SUMMARY = ("an advanced zone without security groups has no public traffic, or no public IP "
           "range")


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        if zone.uses_security_groups:
            continue
        carrier = next(((n, t) for n, network in enumerate(zone.physical_networks)
                        for t, traffic in enumerate(network.traffic_types)
                        if traffic.traffictype == "Public"), None)
        # an invalid network or range was dropped from the model: P001 reports it instead
        if carrier is None and not ctx.document.damaged(("zones", z, "physical_networks")):
            yield Finding(("zones", z, "name"),
                          f"no physical network of advanced zone {zone.name} carries Public "
                          "traffic: CloudStack refuses to enable the zone (\"Cannot enable this "
                          "Zone since: Unable to find the default physical network with "
                          "traffic=Public in the specified zone id\")",
                          suggestion=f"add {ctx.document.traffic_entry('Public')} one "
                          "physical network")
        elif carrier and not zone.public_ranges and not ctx.document.damaged(
                ("zones", z, "public_ranges")):
            n, t = carrier
            yield Finding(("zones", z, "physical_networks", n, "traffic_types", t, "traffictype"),
                          f"advanced zone {zone.name} carries Public traffic but has no public "
                          "IP range: the secondary storage VM, the console proxy and every "
                          "isolated network's virtual router cannot get a public address",
                          suggestion="add a `public_ranges` entry (gateway, netmask, startip, "
                          "endip, vlan)")
