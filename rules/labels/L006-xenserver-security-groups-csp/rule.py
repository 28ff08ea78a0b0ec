"""L006 xenserver-security-groups-csp: the CloudStack Supplemental Pack and security groups."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Severity

ID = "L006"
NAME = "xenserver-security-groups-csp"
SEVERITY = "error"
ASSUMES_COMPLETE = ('csp_installed',)
CLOUDSTACK = "fails-later"
SUMMARY = ("security groups on XenServer clusters without the CloudStack Supplemental Pack "
           "declared installed; or the pack declared installed without security groups")
SEVERITY_VARIES = ("a warning where the plan does not say whether the Supplemental Pack is "
                   "installed")

_CSP = ("CloudStack: \"Failed to configure bridge firewall\" (\"Check host ... for CSP is "
        "installed or not and check network mode for bridge\")")


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        for p, pod in enumerate(zone.pods):
            for c, cluster in enumerate(pod.clusters):
                if cluster.hypervisor != "XenServer":
                    continue
                path = ("zones", z, "pods", p, "clusters", c)
                sg = zone.uses_security_groups
                kind = "basic zone" if zone.is_basic else "security-group zone"
                if sg and cluster.csp_installed is False:
                    yield Finding((*path, "csp_installed"),
                                  f"XenServer cluster {cluster.name} in {kind} {zone.name} "
                                  f"has no CloudStack Supplemental Pack: {_CSP}",
                                  suggestion="install the pack (XenServer 6.1 and later: "
                                  "`xe-switch-network-backend bridge` and the bridge-nf "
                                  "sysctls), then set csp_installed: true")
                elif sg and cluster.csp_installed is None:
                    yield Finding((*path, "hypervisor"),
                                  f"XenServer cluster {cluster.name} in {kind} {zone.name} "
                                  "needs the CloudStack Supplemental Pack for security groups, "
                                  f"and the plan does not say it is installed: {_CSP}",
                                  suggestion="install it and set csp_installed: true on the "
                                  "cluster", severity=Severity.WARNING)
                elif not sg and cluster.csp_installed:
                    yield Finding((*path, "csp_installed"),
                                  f"XenServer cluster {cluster.name} declares the CloudStack "
                                  f"Supplemental Pack installed, but zone {zone.name} uses no "
                                  "security groups: the pack must not be installed then",
                                  suggestion="remove the pack (or enable security groups)",
                                  severity=Severity.WARNING)
