"""M003 management-cidr-missing: `management.network.cidr` is unset."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related, Severity
from netplan_cs.facts.management import MANAGEMENT_CIDR

ID = "M003"
NAME = "management-cidr-missing"
SEVERITY = "error"
SUMMARY = ("VMware clusters exist and `management.network.cidr` is unset; a warning for other "
           "hypervisors")


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
    if vmware is not None:
        yield Finding(("settings", MANAGEMENT_CIDR),
                      "management.network.cidr is unset while VMware clusters exist: VMware "
                      "virtual routers get their route to the management servers from it (the "
                      "documentation: it \"must be set for deployments that use vSphere\")",
                      related=(Related(vmware, "VMware cluster"),),
                      suggestion="set management.network.cidr to the management servers' subnet")
        return
    yield Finding(("settings", MANAGEMENT_CIDR),
                  "management.network.cidr is unset: CloudStack sets it to the first local "
                  "CIDR of the management server at start, which is wrong on a multi-homed "
                  "server, and system VMs route only that CIDR to the management servers",
                  suggestion="set management.network.cidr to the management servers' subnet",
                  severity=Severity.WARNING)
