"""L007 sg-unsupported-hypervisor: a hypervisor CloudStack refuses in a security-group zone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Severity

ID = "L007"
NAME = "sg-unsupported-hypervisor"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = ("an advanced security-group zone contains clusters other than KVM, XenServer, LXC "
           "or Simulator (a warning for VMware and Hyper-V in basic zones, not refused there)")
SEVERITY_VARIES = ("a warning in basic zones, where discoverCluster does not refuse the hypervisor")

# ResourceManagerImpl.discoverCluster accepts only these in advanced security-group zones
SG_CAPABLE = ("KVM", "XenServer", "LXC", "Simulator")
# basic zones are not refused; the documentation lists no security groups for these
BASIC_WITHOUT_SG = ("VMware", "Hyperv")


def _unsupported(zone: Any, hypervisor: str) -> bool:
    return hypervisor in BASIC_WITHOUT_SG if zone.is_basic else hypervisor not in SG_CAPABLE


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        if not zone.uses_security_groups:
            continue
        for p, pod in enumerate(zone.pods):
            for c, cluster in enumerate(pod.clusters):
                if not _unsupported(zone, cluster.hypervisor):
                    continue
                why = (f"CloudStack refuses the cluster (\"Don't support hypervisor type "
                       f"{cluster.hypervisor} in advanced security enabled zone\")"
                       if not zone.is_basic else
                       "CloudStack accepts it in a basic zone, but its documentation lists no "
                       "security-group support for it, so its guests get no isolation")
                yield Finding(("zones", z, "pods", p, "clusters", c, "hypervisor"),
                              f"cluster {cluster.name} runs {cluster.hypervisor} in "
                              f"security-group zone {zone.name}: {why}",
                              suggestion="use KVM or XenServer clusters in security-group "
                              "zones, or a zone without security groups",
                              severity=Severity.WARNING if zone.is_basic else None)
