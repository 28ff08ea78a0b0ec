"""C001 reserved-range-too-small: a pod's reserved system range cannot serve its system VMs
and (VMware, Hyper-V) router control NICs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.budget import MANAGEMENT_STRICT, PodBudget, ZoneBudget, describe, strict

ID = "C001"
NAME = "reserved-range-too-small"
SEVERITY = "error"
CLOUDSTACK = "fails-later"
SUMMARY = ("a pod's reserved system range holds fewer addresses than its SSVM and CPVM "
           "management NICs and, on VMware/Hyper-V, its virtual routers' control NICs")
OPTIONS = {"headroom": 0}  # addresses to keep free beyond the computed need (docs: ~10)

CLOUDSTACK_SAYS = "CloudStack: \"Unable to get a management ip address\""


def _spread(zone: ZoneBudget, pod: PodBudget) -> str:
    if not pod.reserved.part("router_control") or zone.zone.is_basic or len(zone.pods) < 2:
        return ""
    return (f" ({zone.routers} routers spread evenly over {len(zone.pods)} pod(s), this pod's "
            "share rounded up)")


def _check_pod(zone: ZoneBudget, pod: PodBudget, headroom: int,
               strictly: bool) -> Iterator[Finding]:
    reserved = pod.reserved
    name = pod.pod.name
    control = reserved.part("router_control")
    if control > pod.general_pool and (pod.system_pool or strictly):
        yield Finding(
            pod.reserved_path,
            f"pod {name}: {control} router control NICs need reserved addresses outside the "
            f"`forsystemvms` ranges, but only {pod.general_pool} are there{_spread(zone, pod)}; "
            f"{CLOUDSTACK_SAYS}",
            suggestion=f"widen the pod's reserved ranges without `forsystemvms` to at least "
                       f"{control} addresses")
        return
    if strictly:
        return  # the system VMs' own pool is C007's; the routers fit theirs
    if reserved.needed + headroom > reserved.size:
        extra = f" plus {headroom} headroom" if headroom else ""
        yield Finding(
            pod.reserved_path,
            f"pod {name}: the reserved system range holds {reserved.size} addresses but must "
            f"serve {reserved.needed}{extra}: {describe(reserved.breakdown)}"
            f"{_spread(zone, pod)}; {CLOUDSTACK_SAYS}",
            suggestion=f"reserve at least {reserved.needed + headroom} addresses (startip-endip "
                       "plus management ranges)")


def check(ctx: Any) -> Iterator[Finding]:
    headroom = int(ctx.options.get("headroom", 0))
    for zone in ctx.facts.budgets:
        strictly = strict(ctx.plan, zone.zone, MANAGEMENT_STRICT)  # a zone-scope setting
        for pod in zone.pods:
            if not ctx.document.damaged(pod.path):
                yield from _check_pod(zone, pod, headroom, strictly)
