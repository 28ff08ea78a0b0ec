"""V011 shared-network-vlan-in-use: a zone network's VLAN is already another network's."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related
from netplan_cs.facts.vlans import SHARED, VlanUse, skips_vlan_checks

ID = "V011"
NAME = "shared-network-vlan-in-use"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = ("a shared (or explicit-VLAN) network of a zone on a VLAN another network of the zone "
           "already has, without bypassvlanoverlapcheck")


def check(ctx: Any) -> Iterator[Finding]:
    for zone_vlans in ctx.facts.vlans.zones:
        zone = ctx.plan.zones[zone_vlans.zone]
        first: dict[tuple[str, int], VlanUse] = {}
        for use in zone_vlans.uses:
            if use.kind != SHARED:
                continue
            # createGuestNetwork compares broadcast URIs (vlan://100, vxlan://100) zone-wide
            key = (use.isolation, use.start)
            earlier = first.setdefault(key, use)
            if earlier is use:
                continue
            network = zone.shared_networks[use.path[3]]
            if skips_vlan_checks(ctx.plan, network):
                continue
            yield Finding(use.path,
                          f"{use.owner} uses VLAN {use.start}, which {earlier.owner} already "
                          f"has in zone {zone.name} (CloudStack: \"Network with vlan "
                          f"{use.start} already exists or overlaps with other network vlans in "
                          f"zone {zone.name}\")",
                          related=(Related(earlier.path, earlier.owner),),
                          suggestion="give each network its own VLAN, or set "
                          "bypassvlanoverlapcheck: true on a shared network that is meant to "
                          "share it")
