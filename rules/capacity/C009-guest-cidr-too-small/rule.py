"""C009 guest-cidr-too-small: an isolated network on the zone guest CIDR cannot hold its VMs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "C009"
NAME = "guest-cidr-too-small"
SEVERITY = "error"
CLOUDSTACK = "fails-later"
SUMMARY = ("the zone guest CIDR, which every isolated network takes, leaves no address for a VM "
           "after the router's, or fewer than the planned VMs per network")


def check(ctx: Any) -> Iterator[Finding]:
    for zone in ctx.facts.budgets:
        cidr = zone.guest_cidr
        if cidr is None:
            continue
        demand = zone.zone.demand
        redundant = demand.redundant_routers
        room = cidr.vms_per_network_redundant if redundant else cidr.vms_per_network
        wanted = demand.vms_per_network if (demand.isolated_networks or demand.vpcs) else 0
        if room >= max(wanted, 1):
            continue
        routers = "the redundant routers' addresses" if redundant else "the router's gateway"
        need = f"the {wanted} planned VMs" if wanted else "a single VM"
        yield Finding(("zones", zone.index, "guestcidraddress"),
                      f"zone {zone.zone.name}: guest CIDR {cidr.cidr} leaves {room} addresses "
                      f"per isolated network after {routers}, too few for {need}; deployments "
                      "into a full network fail (CloudStack: \"Unable to acquire guest "
                      "IP address for network ...\")",
                      suggestion="use a larger guestcidraddress (a /24 holds 253 VMs per "
                      "network)")
