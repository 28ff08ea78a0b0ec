"""R006 system-vm-offering-rate: createServiceOffering refuses a rate on a non-router system
offering."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.rates import is_router_offering
from netplan_cs.model.types import SYSTEM_VM_TYPES

ID = "R006"
NAME = "system-vm-offering-rate"
SEVERITY = "error"
ASSUMES_COMPLETE = ('settings',)
CLOUDSTACK = "refuses"
SUMMARY = ("a console proxy, secondary storage VM or internal load balancer system offering sets "
           "networkrate, which createServiceOffering refuses")

CLOUDSTACK_SAYS = ("Network rate can be specified only for non-System offering and system "
                   'offerings having "domainrouter" systemvmtype')


def check(ctx: Any) -> Iterator[Finding]:
    for i, offering in enumerate(ctx.plan.offerings.system):
        kind = (offering.systemvmtype or "").strip().lower()
        if (offering.networkrate is None or is_router_offering(offering)
                or kind not in SYSTEM_VM_TYPES):  # an unknown type is P007's
            continue
        yield Finding(("offerings", "system", i, "networkrate"),
                      f"system offering '{offering.name}' (systemvmtype {kind}) sets networkrate "
                      f"{offering.networkrate}: CloudStack refuses to create it "
                      f'("{CLOUDSTACK_SAYS}")',
                      suggestion="drop networkrate here; system VM NICs take the rates of the "
                      "networks they sit on")
