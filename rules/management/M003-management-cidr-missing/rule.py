"""M003 management-cidr-missing: `management.network.cidr` is unset."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related
from netplan_cs.facts.management import MANAGEMENT_CIDR

ID = "M003"
NAME = "management-cidr-missing"
SEVERITY = "warning"
ASSUMES_COMPLETE = ('settings',)
CLOUDSTACK = "advice"
SUMMARY = ("`management.network.cidr` is unset, so CloudStack picks the management server's "
           "first local CIDR at start")


def _first_vmware(ctx: Any) -> tuple[Any, ...] | None:
    for z, zone in enumerate(ctx.plan.zones):
        for p, pod in enumerate(zone.pods):
            for c, cluster in enumerate(pod.clusters):
                if cluster.hypervisor == "VMware":
                    return ("zones", z, "pods", p, "clusters", c, "hypervisor")
    return None


def check(ctx: Any) -> Iterator[Finding]:
    if ctx.facts.management.cidr_set or not ctx.plan.zones:
        return
    vmware = _first_vmware(ctx)
    users = ("system VMs and VMware virtual routers route" if vmware is not None
             else "system VMs route")
    yield Finding(("settings", MANAGEMENT_CIDR),
                  "management.network.cidr is unset: at start CloudStack sets it to the first "
                  "CIDR of the management server's own interfaces (\"Management network CIDR is "
                  "not configured originally. Set it default to ...\"), which on a multi-homed "
                  f"server may not be the management network, and {users} only that CIDR to "
                  "the management servers",
                  related=() if vmware is None else (Related(vmware, "VMware cluster"),),
                  suggestion="set management.network.cidr to the management servers' subnet")
