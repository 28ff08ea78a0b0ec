"""A011 link-local-overlap: a pod, guest, public or storage subnet overlaps control.cidr."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import netaddr

from netplan_cs.engine.findings import Finding
from netplan_cs.load.location import DataPath

ID = "A011"
NAME = "link-local-overlap"
SEVERITY = "error"
SUMMARY = "a pod, guest, public or storage subnet overlaps control.cidr"


def check(ctx: Any) -> Iterator[Finding]:
    plan = ctx.plan
    for z, zone in enumerate(plan.zones):
        control = _control(plan.setting("control.cidr", zone))
        if control is None:
            continue
        subnets: list[tuple[DataPath, str, Any]] = [
            (("zones", z, "guestcidraddress"), "guest CIDR", zone.guestcidraddress)]
        subnets += [(("zones", z, "pods", p, "gateway"), f"pod {pod.name} CIDR", pod.cidr)
                    for p, pod in enumerate(zone.pods)]
        subnets += [(item.gateway_path if item.gateway is not None else
                     (*item.path, "startip"), f"{item.owner} {item.kind} subnet", item.subnet)
                    for item in ctx.facts.ranges
                    if item.zone == z and item.kind not in ("reserved range", "management range")]
        seen: set[Any] = set()
        for path, what, subnet in subnets:
            if subnet is None or subnet.cidr in seen:
                continue  # a basic-zone guest range in its pod's subnet: the pod says it
            seen.add(subnet.cidr)
            if subnet.first <= control.last and control.first <= subnet.last:
                yield Finding(path, f"{what} {subnet.cidr} overlaps control.cidr {control} "
                                    "(link-local addresses of system VM control NICs)",
                              suggestion="move the subnet out of " + str(control))


def _control(value: Any) -> netaddr.IPNetwork | None:
    try:
        return netaddr.IPNetwork(str(value)).cidr
    except (netaddr.AddrFormatError, ValueError, TypeError):
        return None
