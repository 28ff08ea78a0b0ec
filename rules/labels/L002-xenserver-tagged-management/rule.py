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
_FIX = ("carry management untagged (the switch port's native VLAN) for XenServer hosts; KVM "
        "and VMware may tag it")


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        if "XenServer" not in zone.hypervisors:
            continue
        for p, pod in enumerate(zone.pods):
            clusters = [c.name for c in pod.clusters if c.hypervisor == "XenServer"]
            base = ("zones", z, "pods", p)
            if isinstance(pod.vlan, int):
                yield Finding((*base, "vlan"), f"pod {pod.name} puts management traffic on VLAN "
                              f"{pod.vlan}, and its XenServer cluster(s) {', '.join(clusters)} "
                              f"cannot use it: {_WHY}" if clusters else
                              f"pod {pod.name} puts management traffic on VLAN {pod.vlan} in "
                              f"zone {zone.name}, which has XenServer clusters: {_WHY}",
                              suggestion=_FIX)
            for r, mrange in enumerate(pod.management_ranges):
                if isinstance(mrange.vlan, int):
                    yield Finding((*base, "management_ranges", r, "vlan"),
                                  f"management range {mrange.startip} of pod {pod.name} is on "
                                  f"VLAN {mrange.vlan} in zone {zone.name}, which has "
                                  f"XenServer clusters: {_WHY}", suggestion=_FIX)
        for n, pnet in enumerate(zone.physical_networks):
            for t, traffic in enumerate(pnet.traffic_types):
                if traffic.traffictype == "Management" and isinstance(traffic.vlan, int):
                    yield Finding(("zones", z, "physical_networks", n, "traffic_types", t,
                                   "vlan"),
                                  f"management traffic of physical network {pnet.name} is on "
                                  f"VLAN {traffic.vlan} in zone {zone.name}, which has "
                                  f"XenServer clusters: {_WHY}", suggestion=_FIX)
