"""C005 capacity-threshold: a budget is planned above CloudStack's capacity alert threshold."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.budget import (
    THRESHOLD_SETTINGS,
    Budget,
    alert_threshold,
    as_threshold,
    with_threshold,
)
from netplan_cs.load.location import DataPath

ID = "C005"
NAME = "capacity-threshold"
SEVERITY = "warning"
SUMMARY = ("a pod reserved range, the public ranges, the guest VLANs or a direct (shared or "
           "basic guest) range is planned above CloudStack's capacity alert threshold")
# None: the plan's CloudStack setting (0.75 unless the plan changes it); a number overrides it
OPTIONS: dict[str, float | None] = {"reserved": None, "public": None, "guest_vlans": None,
                                    "direct": None}

_WHAT = {"reserved": "reserved system range", "public": "public ranges",
         "guest_vlans": "guest VLAN ranges", "guest": "guest range", "shared": "range"}


def _finding(path: DataPath, owner: str, kind: str, budget: Budget, limit: float,
             setting: str) -> Finding:
    return Finding(
        path,
        f"{owner}: the {_WHAT[kind]} will be {budget.needed / budget.size:.0%} used "
        f"({budget.needed} of {budget.size}), above the {limit:.0%} alert threshold "
        f"(`{setting}`); CloudStack raises a capacity alert from the start",
        suggestion=f"size it to at least {with_threshold(budget.needed, limit)} to stay under "
                   "the threshold")


def check(ctx: Any) -> Iterator[Finding]:
    plan = ctx.plan

    def limit(zone: Any, kind: str) -> float:
        option = ctx.options.get("direct" if kind in ("guest", "shared") else kind)
        threshold = alert_threshold(plan, zone, kind) if option is None else as_threshold(option)
        assert threshold is not None
        return threshold

    def warn(path: DataPath, owner: str, kind: str, budget: Budget | None,
             zone: Any) -> Iterator[Finding]:
        if budget is None or budget.needed > budget.size:  # a shortfall is C001-C006's
            return
        threshold = limit(zone, kind)
        if budget.above(threshold):
            yield _finding(path, owner, kind, budget, threshold, THRESHOLD_SETTINGS[kind])

    for zone in ctx.facts.budgets:
        z = zone.zone
        for pod in zone.pods:
            owner = f"pod {pod.pod.name}"
            yield from warn(pod.reserved_path, owner, "reserved", pod.reserved, z)
            if pod.pod.guest_ranges:
                yield from warn(pod.guest_path, owner, "guest", pod.guest, z)
        yield from warn(zone.public_path, f"zone {z.name}", "public", zone.public, z)
        if zone.vlans_valid:
            yield from warn(zone.vlan_path, f"zone {z.name}", "guest_vlans", zone.guest_vlans, z)
        for shared in zone.shared_networks:
            yield from warn(shared.path, f"shared network {shared.name}", "shared", shared.budget,
                            z)
