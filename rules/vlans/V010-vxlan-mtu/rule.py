"""V010 vxlan-mtu: a VXLAN underlay MTU too small for the guest MTU plus the VXLAN header."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "V010"
NAME = "vxlan-mtu"
SEVERITY = "error"
ASSUMES_COMPLETE = ('settings',)
CLOUDSTACK = "fails-later"
SUMMARY = "VXLAN isolation and an underlay MTU below guest MTU + 50"

OVERHEAD = 50  # outer Ethernet, IP, UDP and VXLAN headers
GUEST_MTU = "vr.private.interface.max.mtu"


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        try:
            guest_mtu = int(ctx.plan.setting(GUEST_MTU, zone))
        except (TypeError, ValueError):
            continue
        for n, network in enumerate(zone.physical_networks):
            if network.isolation != "VXLAN" or network.mtu is None:
                continue
            if network.mtu < guest_mtu + OVERHEAD:
                yield Finding(("zones", z, "physical_networks", n, "mtu"),
                              f"physical network {network.name} uses VXLAN with an underlay MTU "
                              f"of {network.mtu}, below the guest MTU {guest_mtu} ({GUEST_MTU}) "
                              f"+ {OVERHEAD} bytes of VXLAN encapsulation: full-size guest "
                              "packets are dropped",
                              suggestion=f"raise the underlay MTU to at least "
                              f"{guest_mtu + OVERHEAD} (9000 is recommended)")
