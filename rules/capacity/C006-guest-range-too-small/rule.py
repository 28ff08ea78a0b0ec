"""C006 guest-range-too-small: a basic-zone pod guest range or a shared network's range cannot
serve its VMs, its virtual router and the system VMs drawing from it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.budget import describe

ID = "C006"
NAME = "guest-range-too-small"
SEVERITY = "error"
CLOUDSTACK = "fails-later"
SUMMARY = ("a basic-zone pod guest range or a shared-network range holds fewer addresses than "
           "planned VMs + its virtual router + the system VMs drawing from it")

CLOUDSTACK_SAYS = "CloudStack: \"Insufficient address capacity\""


def check(ctx: Any) -> Iterator[Finding]:
    for zone in ctx.facts.budgets:
        for pod in zone.pods:
            guest = pod.guest
            # a pod with no guest range at all is A014's
            if guest is None or not pod.pod.guest_ranges or guest.needed <= guest.size:
                continue
            if ctx.document.damaged((*pod.path, "guest_ranges")):
                continue
            yield Finding(
                pod.guest_path,
                f"pod {pod.pod.name}: the guest range holds {guest.size} addresses but must "
                f"serve {guest.needed}: {describe(guest.breakdown)}; {CLOUDSTACK_SAYS}",
                suggestion=f"widen the pod's guest range to at least {guest.needed} addresses")
        for shared in zone.shared_networks:
            budget = shared.budget
            if budget.needed <= budget.size:
                continue
            yield Finding(
                shared.path,
                f"shared network {shared.name}: its range holds {budget.size} addresses but "
                f"must serve {budget.needed}: {describe(budget.breakdown)}; {CLOUDSTACK_SAYS}",
                suggestion=f"widen the range to at least {budget.needed} addresses")
