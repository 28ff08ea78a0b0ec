"""A005 gateway-in-range: a gateway lies inside its own start-end range."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import netaddr

from netplan_cs.engine.findings import Finding, Related, Severity

ID = "A005"
NAME = "gateway-in-range"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "a gateway lies inside its own start-end range"
SEVERITY_VARIES = ("a warning when the range has no endip and CloudStack's default end would "
                   "take in the gateway")


def check(ctx: Any) -> Iterator[Finding]:
    for item in ctx.facts.ranges:
        if item.gateway is None or (item.subnet is not None and item.subnet.prefixlen == 31):
            continue
        if item.startip <= item.gateway <= item.last:
            yield Finding((*item.path, "startip"),
                          f"{item.owner} {item.kind} {item.startip}-{item.last} contains its "
                          f"gateway {item.gateway} (CloudStack: \"The gateway shouldn't "
                          "overlap start/end ip addresses\")",
                          related=(Related(item.gateway_path, "gateway"),),
                          suggestion="move the range clear of the gateway")
        elif item.kind == "reserved range" and item.endip is None and item.subnet is not None \
                and item.startip < item.gateway < item.subnet.broadcast:
            yield Finding((*item.path, "startip"),
                          f"{item.owner} has no endip: CloudStack defaults it to "
                          f"{netaddr.IPAddress(item.subnet.last - 1)} (broadcast - 1), which puts "
                          f"gateway {item.gateway} inside the reserved range and the pod is "
                          "refused", severity=Severity.WARNING,
                          related=(Related(item.gateway_path, "gateway"),),
                          suggestion="set endip below the gateway")
