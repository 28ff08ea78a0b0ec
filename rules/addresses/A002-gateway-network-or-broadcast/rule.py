"""A002 gateway-network-or-broadcast: a gateway is the network or broadcast address of its
subnet.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "A002"
NAME = "gateway-network-or-broadcast"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "a gateway is the network or broadcast address of its subnet"


def check(ctx: Any) -> Iterator[Finding]:
    gateways = {("zones", z, "pods", p, "gateway"): (f"pod {pod.name}", pod.gateway, pod.cidr)
                for z, zone in enumerate(ctx.plan.zones) for p, pod in enumerate(zone.pods)}
    for item in ctx.facts.ranges:
        if item.gateway is not None and item.subnet is not None and \
                item.gateway_path[-1] == "gateway":
            gateways.setdefault(item.gateway_path,
                                (f"{item.kind} of {item.owner}", item.gateway, item.subnet))
    for path, (owner, gateway, subnet) in gateways.items():
        # integers: the network and broadcast addresses of a /30 or wider subnet
        if subnet.prefixlen < 31 and int(gateway) in (subnet.first, subnet.last):
            which = "network" if gateway == subnet.network else "broadcast"
            yield Finding(path, f"gateway {gateway} of {owner} is the {which} address of "
                                f"{subnet}",
                          suggestion="use a host address of the subnet, usually the first "
                                     "or the last")
