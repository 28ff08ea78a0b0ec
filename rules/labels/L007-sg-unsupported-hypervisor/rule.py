"""L007 sg-unsupported-hypervisor: VMware or Hyper-V clusters in a security-group zone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "L007"
NAME = "sg-unsupported-hypervisor"
SEVERITY = "error"
SUMMARY = "a security-group zone (basic, or advanced with SG) contains VMware or Hyper-V clusters"

UNSUPPORTED = ("VMware", "Hyperv")


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        if not zone.uses_security_groups:
            continue
        for p, pod in enumerate(zone.pods):
            for c, cluster in enumerate(pod.clusters):
                if cluster.hypervisor not in UNSUPPORTED:
                    continue
                why = (f"CloudStack: \"Don't support hypervisor type {cluster.hypervisor} in "
                       "advanced security enabled zone\"" if not zone.is_basic else
                       "CloudStack's documentation lists no security-group support for it in "
                       "basic zones")
                yield Finding(("zones", z, "pods", p, "clusters", c, "hypervisor"),
                              f"cluster {cluster.name} runs {cluster.hypervisor} in "
                              f"security-group zone {zone.name}: {why}",
                              suggestion="use KVM or XenServer clusters in security-group "
                              "zones, or a zone without security groups")
