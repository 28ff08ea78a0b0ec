"""L002 xenserver-tagged-management: XenServer hosts with management traffic on a VLAN."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "L002"
NAME = "xenserver-tagged-management"
SEVERITY = "error"
SUMMARY = "a zone with XenServer clusters carries management traffic on a tagged VLAN"

_WHY = ("CloudStack refuses a XenServer host whose management interface is on a VLAN "
        "(CloudStack: \"Unsupported configuration. Management network is on a VLAN\")")
_FIX = ("carry management untagged (the switch port's native VLAN) in pods with XenServer "
        "hosts; KVM and VMware may tag it")


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        for p, pod in enumerate(zone.pods):
            clusters = ", ".join(c.name for c in pod.clusters if c.hypervisor == "XenServer")
            if not clusters:
                continue  # a pod's management VLAN concerns its own hosts only
            base = ("zones", z, "pods", p)
            if isinstance(pod.vlan, int):
                yield Finding((*base, "vlan"),
                              f"pod {pod.name} puts management traffic on VLAN {pod.vlan}, "
                              f"and its XenServer cluster(s) {clusters} cannot use it: {_WHY}",
                              suggestion=_FIX)
            for r, mrange in enumerate(pod.management_ranges):
                if isinstance(mrange.vlan, int):
                    yield Finding((*base, "management_ranges", r, "vlan"),
                                  f"management range {mrange.startip} of pod {pod.name} is on "
                                  f"VLAN {mrange.vlan}, and the pod's XenServer cluster(s) "
                                  f"{clusters} cannot use it: {_WHY}", suggestion=_FIX)
