"""Z001 basic-zone-guest-cidr: a basic zone sets guestcidraddress."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "Z001"
NAME = "basic-zone-guest-cidr"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "a basic zone sets guestcidraddress"


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        if zone.is_basic and zone.guestcidraddress is not None:
            yield Finding(("zones", z, "guestcidraddress"),
                          f"basic zone {zone.name} sets guestcidraddress "
                          f"{zone.guestcidraddress} (CloudStack: \"guestCidrAddress parameter "
                          "is not supported for Basic zone\")",
                          suggestion="remove guestcidraddress; basic zones take guest "
                                     "addresses from each pod's guest range")
