"""V007 isolated-network-explicit-vlan: an isolated network or offering names a VLAN."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related

ID = "V007"
NAME = "isolated-network-explicit-vlan"
SEVERITY = "warning"
SUMMARY = "an isolated network or Isolated network offering names a VLAN"

WHY = ("an isolated network takes its VLAN from the zone's guest VLAN range when it is "
       "implemented, and the pod it lands in is not known in advance")


def check(ctx: Any) -> Iterator[Finding]:
    offerings = ctx.plan.offerings.network
    isolated = {o.name: i for i, o in enumerate(offerings) if o.guestiptype == "Isolated"}
    for i, offering in enumerate(offerings):
        if offering.guestiptype == "Isolated" and offering.vlan is not None:
            yield Finding(("offerings", "network", i, "vlan"),
                          f"Isolated network offering {offering.name} names VLAN "
                          f"{offering.vlan}: {WHY}",
                          suggestion="remove `vlan`; size the guest VLAN range instead")
    for z, zone in enumerate(ctx.plan.zones):
        for s, network in enumerate(zone.shared_networks):
            if network.vlan is None or network.networkoffering not in isolated:
                continue
            index = isolated[network.networkoffering]
            yield Finding(("zones", z, "shared_networks", s, "vlan"),
                          f"network {network.name} uses the Isolated offering "
                          f"{network.networkoffering} and names VLAN {network.vlan}: {WHY}",
                          related=(Related(("offerings", "network", index, "name"),
                                           f"Isolated offering {network.networkoffering}"),),
                          suggestion="remove `vlan`, or use a Shared offering for a network "
                          "with a fixed VLAN")
