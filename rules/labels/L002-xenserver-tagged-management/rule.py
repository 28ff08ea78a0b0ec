"""L002 xenserver-tagged-management: a XenServer host's own management interface is on a VLAN."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "L002"
NAME = "xenserver-tagged-management"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "a XenServer host's own management interface (its management PIF) is on a VLAN"


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        for p, pod in enumerate(zone.pods):
            for c, cluster in enumerate(pod.clusters):
                if cluster.hypervisor != "XenServer":
                    continue
                for h, host in enumerate(cluster.hosts):
                    if not isinstance(host.management_vlan, int):
                        continue
                    yield Finding(
                        ("zones", z, "pods", p, "clusters", c, "hosts", h, "management_vlan"),
                        f"XenServer host {host.label} has its management interface on VLAN "
                        f"{host.management_vlan}: CloudStack refuses the host (\"Unsupported "
                        "configuration.  Management network is on a VLAN.\")",
                        suggestion="put the host's management interface on an untagged PIF (the "
                        "switch port's native VLAN); system VMs may still tag management "
                        "through the pod's VLAN")
