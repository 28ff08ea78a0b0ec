"""M004 management-cidr-list: a CIDR list with VMware or Hyper-V clusters."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related
from netplan_cs.facts.management import MANAGEMENT_CIDR

ID = "M004"
NAME = "management-cidr-list"
SEVERITY = "warning"
ASSUMES_COMPLETE = ('settings',)
SUMMARY = ("`management.network.cidr` is a comma-separated list while VMware or Hyper-V "
           "clusters exist")

ROUTER_NEEDS_ONE = ("VMware", "Hyperv")


def check(ctx: Any) -> Iterator[Finding]:
    cidrs = ctx.facts.management.cidrs_text
    if len(cidrs) < 2:
        return
    for z, zone in enumerate(ctx.plan.zones):
        for p, pod in enumerate(zone.pods):
            for c, cluster in enumerate(pod.clusters):
                if cluster.hypervisor not in ROUTER_NEEDS_ONE:
                    continue
                yield Finding(("settings", MANAGEMENT_CIDR),
                              f"management.network.cidr lists {len(cidrs)} CIDRs "
                              f"({', '.join(cidrs)}) and {cluster.hypervisor} cluster "
                              f"{cluster.name} exists: its virtual routers accept only a single "
                              "CIDR and silently get no route to the management servers",
                              related=(Related(("zones", z, "pods", p, "clusters", c,
                                                "hypervisor"), f"{cluster.hypervisor} cluster"),),
                              suggestion="use one CIDR that covers every management server")
                return
