"""Z002 guest-cidr-not-private: a zone guest CIDR is outside 10/8, 172.16/12, 192.168/16 and
100.64/10.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import netaddr

from netplan_cs.engine.findings import Finding
from netplan_cs.model.settings_read import setting_flag

ID = "Z002"
NAME = "guest-cidr-not-private"
SEVERITY = "error"
ASSUMES_COMPLETE = ('settings',)
CLOUDSTACK = "refuses"
SUMMARY = "a zone guest CIDR is outside 10/8, 172.16/12, 192.168/16 and 100.64/10"

PRIVATE = [netaddr.IPNetwork(block) for block in
           ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10")]


def check(ctx: Any) -> Iterator[Finding]:
    plan = ctx.plan
    for z, zone in enumerate(plan.zones):
        cidr = zone.guestcidraddress
        if cidr is None or setting_flag(plan, "allow.non.rfc1918.compliant.ips", zone):
            continue
        if not any(cidr.cidr in block for block in PRIVATE):
            yield Finding(("zones", z, "guestcidraddress"),
                          f"zone {zone.name} guest CIDR {cidr} is not inside 10.0.0.0/8, "
                          "172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10 (CloudStack: "
                          "\"Please enter a valid guest cidr\")",
                          suggestion="use a private block, or set "
                                     "allow.non.rfc1918.compliant.ips to true")
