"""C003 public-ips-too-few: the public ranges cannot serve the system VMs, the source-NAT
addresses and the planned extra addresses."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.budget import PUBLIC_STRICT, describe, strict

ID = "C003"
NAME = "public-ips-too-few"
SEVERITY = "error"
ASSUMES_COMPLETE = ('public_ranges',)
CLOUDSTACK = "fails-later"
SUMMARY = ("public ranges hold fewer addresses than SSVMs + CPVMs + one source-NAT IP per "
           "isolated network and VPC + planned extra IPs")

CLOUDSTACK_SAYS = "CloudStack: \"Insufficient address capacity\""


def check(ctx: Any) -> Iterator[Finding]:
    for zone in ctx.facts.budgets:
        public = zone.public
        if public is None or ctx.document.damaged((*zone.path, "public_ranges")):
            continue
        name = zone.zone.name
        if strict(ctx.plan, zone.zone, PUBLIC_STRICT):
            # strict reservation: tenants never take forsystemvms addresses (C007 checks the
            # system VMs' side)
            tenants = public.needed - public.part("ssvm") - public.part("cpvm")
            pool = public.size - zone.public_system_pool
            if tenants > pool:
                yield Finding(
                    zone.public_path,
                    f"zone {name}: with strict system VM reservation, tenants can use only the "
                    f"{pool} public addresses outside `forsystemvms` ranges, but need {tenants} "
                    f"({describe(public.breakdown[2:])}); {CLOUDSTACK_SAYS}",
                    suggestion=f"add at least {tenants - pool} public addresses")
            continue
        if public.needed > public.size:
            yield Finding(
                zone.public_path,
                f"zone {name}: the public ranges hold {public.size} addresses but "
                f"{public.needed} are needed: {describe(public.breakdown)}; {CLOUDSTACK_SAYS}",
                suggestion=f"add at least {public.needed - public.size} public addresses")
