"""Z007 zone-without-storage: a zone with clusters but no secondary or no primary storage."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "Z007"
NAME = "zone-without-storage"
SEVERITY = "error"
ASSUMES_COMPLETE = ('clusters', 'primary_storage', 'secondary_storage')
CLOUDSTACK = "fails-later"
SUMMARY = ("a zone with clusters has no secondary storage, or no primary storage (zone-wide, in "
           "a cluster or local), so its system VMs never start")

_WAIT = ("CloudStack enables the zone, then never starts its secondary storage VM (\"Zone ... "
         "is not ready to launch secondary storage VM\"), and no template, router or VM follows")


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        clusters = [cluster for pod in zone.pods for cluster in pod.clusters]
        if (not clusters or ctx.document.damaged(("zones", z))
                or all(c.hypervisor == "BareMetal" for c in clusters)):
            continue  # bare-metal hosts run no system VMs on CloudStack's storage
        if not zone.secondary_storage:
            yield Finding(("zones", z, "name"),
                          f"zone {zone.name} has clusters but no secondary storage: the system "
                          f"VM template has nowhere to live; {_WAIT}",
                          suggestion="add a secondary_storage entry (an NFS export, or an "
                          "object store for images)")
        primary = zone.primary_storage or any(c.primary_storage for c in clusters)
        if not primary and not zone.localstorageenabled:
            yield Finding(("zones", z, "name"),
                          f"zone {zone.name} has clusters but no primary storage, zone-wide or "
                          f"in a cluster, and local storage is not enabled: no system VM has a "
                          f"disk; {_WAIT}",
                          suggestion="add primary_storage to the zone or its clusters, or set "
                          "localstorageenabled: true")
