"""P007 unknown-value: a value outside the set CloudStack knows for that field."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.load.location import DataPath
from netplan_cs.model.types import ISOLATION_METHODS, STORAGE_SCOPES, SYSTEM_VM_TYPES
from netplan_cs.spelling import nearest

ID = "P007"
NAME = "unknown-value"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = ("an isolation method, storage scope or system VM type that CloudStack does not know "
           "(with the nearest valid spelling)")

def _unknown(value: str, known: tuple[str, ...]) -> bool:
    return value.strip().lower() not in {k.lower() for k in known}


def _finding(path: DataPath, field: str, value: str, known: tuple[str, ...],
             effect: str) -> Finding:
    hint = nearest(value, list(known))
    guess = f" (did you mean {hint}?)" if hint else ""
    return Finding(path, f"{value!r} is not a CloudStack {field}{guess}: {effect}",
                   suggestion=f"write {hint}" if hint else f"use one of {', '.join(known)}")


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        for n, pnet in enumerate(zone.physical_networks):
            for m, method in enumerate(pnet.isolationmethods):
                if _unknown(method, ISOLATION_METHODS):
                    yield _finding(
                        ("zones", z, "physical_networks", n, "isolationmethods", m),
                        "isolation method", method, ISOLATION_METHODS,
                        "createPhysicalNetwork stores it unchecked, then no network guru "
                        "designs guest networks on this physical network, and the isolation "
                        "checks here (L003, trunks) cannot tell how its VLANs are carried")
        storages = [(("zones", z, "primary_storage", s), storage)
                    for s, storage in enumerate(zone.primary_storage)]
        storages += [(("zones", z, "pods", p, "clusters", c, "primary_storage", s), storage)
                     for p, pod in enumerate(zone.pods) for c, cluster in enumerate(pod.clusters)
                     for s, storage in enumerate(cluster.primary_storage)]
        for path, storage in storages:
            if storage.scope is not None and _unknown(storage.scope, STORAGE_SCOPES):
                yield _finding((*path, "scope"), "storage scope", storage.scope,
                               STORAGE_SCOPES,
                               "createStoragePool refuses it ('invalid scope for pool')")
    for o, offering in enumerate(ctx.plan.offerings.system):
        kind = offering.systemvmtype
        if kind is not None and _unknown(kind, SYSTEM_VM_TYPES):
            yield _finding(("offerings", "system", o, "systemvmtype"), "system VM type", kind,
                           SYSTEM_VM_TYPES,
                           "createServiceOffering refuses it ('Invalid systemVmType')")
