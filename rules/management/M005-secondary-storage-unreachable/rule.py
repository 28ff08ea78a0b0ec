"""M005 secondary-storage-unreachable: the SSVM has no management-side route to the NFS server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "M005"
NAME = "secondary-storage-unreachable"
SEVERITY = "warning"
ASSUMES_COMPLETE = ('routed_prefixes', 'settings')
SUMMARY = ("a secondary storage server's address is in no pod CIDR, not in "
           "`management.network.cidr` and in no declared routed prefix")

# image stores the SSVM mounts over its management (or storage) NIC; S3/Swift go out publicly
MOUNTED = ("nfs", "smb", "cifs")


def _mounted(url: str, provider: str | None) -> bool:
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    return scheme in MOUNTED or (not scheme and (provider or "").lower() in MOUNTED)


def check(ctx: Any) -> Iterator[Finding]:
    plan = ctx.plan
    shared = [*ctx.facts.management.cidrs, *plan.routed_prefixes]
    for z, zone in enumerate(plan.zones):
        if ctx.document.damaged(("zones", z, "pods")):
            continue  # a pod the model had to drop may be the one that reaches the server
        reach = [*shared, *(pod.cidr for pod in zone.pods),
                 *(r.subnet for pod in zone.pods for r in pod.storage_ranges if r.subnet)]
        for s, store in enumerate(zone.secondary_storage):
            server = store.server
            if not store.url or not server or not _mounted(store.url, store.provider):
                continue
            address = store.address
            if address is None:
                continue  # a name: where it resolves is not in the plan
            if any(address in network for network in reach):
                continue
            yield Finding(("zones", z, "secondary_storage", s, "url"),
                          f"secondary storage server {address} of zone {zone.name} is in no pod "
                          "CIDR, storage range, management.network.cidr or routed prefix: the "
                          "secondary storage VM mounts it over its management NIC and has no "
                          "route there (templates stick at a few percent)",
                          suggestion="add its subnet to management.network.cidr or to "
                          "`routed_prefixes`, or move the server into a pod's management subnet")
