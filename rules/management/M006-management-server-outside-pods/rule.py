"""M006 management-server-outside-pods: hosts and system VMs may not reach the server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "M006"
NAME = "management-server-outside-pods"
SEVERITY = "warning"
ASSUMES_COMPLETE = ('routed_prefixes',)
SUMMARY = "a management server address is in no pod CIDR and in no declared routed prefix"


def check(ctx: Any) -> Iterator[Finding]:
    plan = ctx.plan
    if any(ctx.document.damaged(("zones", z, "pods")) for z in range(len(plan.zones))):
        return  # a pod the model had to drop may be the one that holds the server
    reach = [*plan.routed_prefixes, *(pod.cidr for zone in plan.zones for pod in zone.pods)]
    for i, server in enumerate(plan.management_servers):
        address = server.ipaddress
        if address.is_loopback() or any(address in network for network in reach):
            continue  # loopback: the address a test client used, not one hosts reach
        label = f"{server.name} ({address})" if server.name else str(address)
        yield Finding(("management_servers", i, "ipaddress"),
                      f"management server {label} is in no pod CIDR and in no routed prefix: "
                      "hosts and system VMs must reach it on port 8250",
                      suggestion="declare the routed path in `routed_prefixes`, or place the "
                      "server in a pod's management subnet")
