"""L008 cluster-size: more hosts in a cluster than the documented limit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "L008"
NAME = "cluster-size"
SEVERITY = "warning"
SUMMARY = "more hosts in a cluster than the documented limit (XenServer 8, KVM 16, VMware 8)"
OPTIONS = {"xenserver": 8, "kvm": 16, "vmware": 8}


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        for p, pod in enumerate(zone.pods):
            for c, cluster in enumerate(pod.clusters):
                limit = ctx.options.get(cluster.hypervisor.lower())
                if limit is None or len(cluster.hosts) <= int(limit):
                    continue
                yield Finding(
                    ("zones", z, "pods", p, "clusters", c, "hosts", int(limit)),
                    f"{cluster.hypervisor} cluster {cluster.name} has {len(cluster.hosts)} "
                    f"hosts, above the documented limit of {limit} per cluster; this is host "
                    f"{int(limit) + 1}",
                    suggestion="split the hosts into several clusters")
