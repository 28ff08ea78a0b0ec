"""T004 untagged-guest-networks: two guest physical networks of a zone without a tag."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related

ID = "T004"
NAME = "untagged-guest-networks"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "more than one guest physical network of a zone has no tag"


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        untagged = [n for n, network in enumerate(zone.physical_networks)
                    if network.carries("Guest") and not network.tags]
        for n in untagged[1:]:
            first = zone.physical_networks[untagged[0]].name
            name = zone.physical_networks[n].name
            yield Finding(("zones", z, "physical_networks", n, "name"),
                          f"guest physical network {name} has no tag, like {first} in zone "
                          f"{zone.name}: offerings cannot tell them apart (CloudStack: \"There "
                          "are more than 1 physical network without tags in the zone\")",
                          related=(Related(("zones", z, "physical_networks", untagged[0],
                                            "name"), f"untagged guest physical network {first}"),),
                          suggestion=f"give {name} a tag and name it in the network offerings "
                          "meant for it")
