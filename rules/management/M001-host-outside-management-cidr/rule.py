"""M001 host-outside-management-cidr: `host` is not inside `management.network.cidr`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related
from netplan_cs.facts.management import HOST, MANAGEMENT_CIDR

ID = "M001"
NAME = "host-outside-management-cidr"
SEVERITY = "error"
ASSUMES_COMPLETE = ('settings',)
CLOUDSTACK = "fails-later"
SUMMARY = ("the global setting `host` is neither inside `management.network.cidr` nor inside a "
           "pod's subnet")


def _in_a_pod(ctx: Any, address: Any) -> bool:
    """A pod subnet is on every system VM's management NIC: reachable without any route."""
    return any(address in pod.cidr for zone in ctx.plan.zones for pod in zone.pods)


def check(ctx: Any) -> Iterator[Finding]:
    settings = ctx.facts.management
    if not settings.cidrs:
        return
    cidrs = ", ".join(settings.cidrs_text)
    for address in settings.host_addresses:
        if (settings.in_management_cidr(address) or _in_a_pod(ctx, address)
                or address.is_loopback()):
            continue  # a loopback entry is M007's
        yield Finding(("settings", HOST),
                      f"host {address} is outside management.network.cidr {cidrs} and outside "
                      "every pod's subnet: system VMs route only management.network.cidr "
                      "through the pod gateway, so they cannot reach the management server on "
                      "port 8250",
                      related=(Related(("settings", MANAGEMENT_CIDR),
                                       f"management.network.cidr {cidrs}"),),
                      suggestion="make management.network.cidr cover the management server's "
                      "address (or set host to an address inside it)")
