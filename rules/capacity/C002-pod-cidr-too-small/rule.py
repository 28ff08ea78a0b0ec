"""C002 pod-cidr-too-small: the pod CIDR cannot hold its gateway, hosts, reserved range and the
other addresses the plan puts in it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.budget import count_of, smallest_prefix, usable

ID = "C002"
NAME = "pod-cidr-too-small"
SEVERITY = "error"
CLOUDSTACK = "fails-later"
SUMMARY = ("the pod CIDR cannot hold gateway + hosts + reserved range + declared infrastructure "
           "addresses")


def check(ctx: Any) -> Iterator[Finding]:
    for zone in ctx.facts.budgets:
        for pod in zone.pods:
            if pod.hosts <= pod.host_capacity or ctx.document.damaged(pod.path):
                continue
            cidr = pod.pod.cidr
            addresses = count_of(usable(cidr))
            taken = addresses - pod.host_capacity
            prefix = smallest_prefix(pod.hosts + taken)
            counted = pod.host_count
            have = (f"the pod has {counted}" if counted.need == counted.declared else
                    f"{counted.need} of the pod's {counted} need one")
            yield Finding(
                (*pod.path, "netmask"),
                f"pod {pod.pod.name}: {cidr} has room for {pod.host_capacity} host addresses "
                f"({taken} of its {addresses} usable addresses go to the gateway, the reserved "
                f"range and other ranges or servers), but {have}",
                suggestion=f"use a /{prefix} or larger pod CIDR, shrink the reserved range, or "
                           "split the hosts over more pods")
