"""A006 range-includes-network-or-broadcast: a range contains its subnet's network or
broadcast address.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import netaddr

from netplan_cs.engine.findings import Finding

ID = "A006"
NAME = "range-includes-network-or-broadcast"
SEVERITY = "error"
CLOUDSTACK = "fails-later"
SUMMARY = "a range contains its subnet's network or broadcast address"


def check(ctx: Any) -> Iterator[Finding]:
    for item in ctx.facts.ranges:
        if item.subnet is None or item.point_to_point:
            continue
        start, last = int(item.startip), int(item.last)  # integers: no netaddr per range
        for first_or_last, which in ((item.subnet.first, "network"),
                                     (item.subnet.last, "broadcast")):
            if start <= first_or_last <= last:
                address = netaddr.IPAddress(first_or_last)
                field = "startip" if which == "network" else "endip"
                if item.endip is None:
                    field = "startip"
                yield Finding((*item.path, field),
                              f"{item.owner} {item.kind} {item.startip}-{item.last} contains the "
                              f"{which} address {address} of {item.subnet} (CloudStack does not "
                              "check; the address is handed out and never works)",
                              suggestion=f"start at {netaddr.IPAddress(item.subnet.first + 1)} "
                                         f"and end by {netaddr.IPAddress(item.subnet.last - 1)}")
