"""C008 vpc-tiers-above-max: the planned tiers per VPC exceed `vpc.max.networks`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related
from netplan_cs.model.types import whole_number

ID = "C008"
NAME = "vpc-tiers-above-max"
SEVERITY = "error"
ASSUMES_COMPLETE = ('settings',)
CLOUDSTACK = "refuses"
SUMMARY = ("a zone's demand plans more tiers per VPC than `vpc.max.networks` allows (3 unless "
           "changed)")

SETTING = "vpc.max.networks"


def check(ctx: Any) -> Iterator[Finding]:
    plan = ctx.plan
    for z, zone in enumerate(plan.zones):
        demand = zone.demand
        if not demand.vpcs or not demand.vpc_tiers:
            continue
        value = plan.setting(SETTING, zone)
        limit = value if isinstance(value, int) else whole_number(str(value))
        if limit is None or demand.vpc_tiers <= limit:
            continue
        declared = SETTING in zone.settings or SETTING in plan.settings
        where = (("zones", z, "settings", SETTING) if SETTING in zone.settings
                 else ("settings", SETTING))
        yield Finding(("zones", z, "demand", "vpc_tiers"),
                      f"zone {zone.name} plans {demand.vpc_tiers} tiers per VPC, but "
                      f"{SETTING} is {limit}{'' if declared else ' (the default)'}: tier "
                      f"{limit + 1} of each VPC is refused (CloudStack: \"Number of networks per "
                      f"VPC cannot surpass [{limit}].\")",
                      related=(Related(where, f"{SETTING} {limit}"),) if declared else (),
                      suggestion=f"raise {SETTING} to {demand.vpc_tiers} or more, or plan "
                      "fewer tiers per VPC")
