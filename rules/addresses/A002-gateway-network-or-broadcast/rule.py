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
SUMMARY = 'a gateway is the network or broadcast address of its subnet'

def check(ctx: Any) -> Iterator[Finding]:
    seen = set()
    for item in ctx.facts.ranges:
        if item.gateway is None or item.subnet is None or item.point_to_point:
            continue
        if item.gateway_path in seen or item.gateway_path[-1] != "gateway":
            continue
        seen.add(item.gateway_path)
        if item.gateway in (item.subnet.network, item.subnet.broadcast):
            which = "network" if item.gateway == item.subnet.network else "broadcast"
            yield Finding(item.gateway_path,
                          f"gateway {item.gateway} of {item.owner} is the {which} address of "
                          f"{item.subnet}", suggestion="use a host address of the subnet, "
                          "usually the first or the last")
