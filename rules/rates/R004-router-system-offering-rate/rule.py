"""R004 router-system-offering-rate: a rate on a router's system offering is never applied."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.rates import is_router_offering

ID = "R004"
NAME = "router-system-offering-rate"
SEVERITY = "warning"
ASSUMES_COMPLETE = ('settings',)
SUMMARY = ("a virtual router's system offering sets networkrate, which CloudStack never applies "
           "(router NICs follow the guest network offering)")


def check(ctx: Any) -> Iterator[Finding]:
    for i, offering in enumerate(ctx.plan.offerings.system):
        if offering.networkrate is None or not is_router_offering(offering):
            continue
        kind = offering.systemvmtype or "none given, so domainrouter"
        yield Finding(("offerings", "system", i, "networkrate"),
                      f"system offering '{offering.name}' (systemvmtype {kind}) sets networkrate "
                      f"{offering.networkrate}, but CloudStack never applies it: a router's guest "
                      "and public NICs take the rate of the guest network's offering "
                      "(NetworkModelImpl.getNetworkRate; apache/cloudstack#2780)",
                      suggestion="set networkrate on the network offering instead, and drop it "
                      "here")
