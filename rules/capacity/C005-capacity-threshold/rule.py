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
ASSUMES_COMPLETE = ('public_ranges',)
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


def _warn(path: DataPath, owner: str, kind: str, budget: Budget | None,
          limits: dict[str, float]) -> Iterator[Finding]:
    if budget is None or budget.needed > budget.size:  # a shortfall is C001-C006's
        return
    threshold = limits[kind]
    if budget.above(threshold):
        yield _finding(path, owner, kind, budget, threshold, THRESHOLD_SETTINGS[kind])


def _limits(ctx: Any, zone: Any) -> dict[str, float]:
    """The threshold of each kind of budget in a zone: read once, not once per pod."""
    limits: dict[str, float] = {}
    for kind in THRESHOLD_SETTINGS:
        option = ctx.options.get("direct" if kind in ("guest", "shared") else kind)
        threshold = (alert_threshold(ctx.plan, zone, kind) if option is None
                     else as_threshold(option))
        assert threshold is not None
        limits[kind] = threshold
    return limits


def check(ctx: Any) -> Iterator[Finding]:
    for zone in ctx.facts.budgets:
        z = zone.zone
        limits = _limits(ctx, z)
        for pod in zone.pods:
            owner = f"pod {pod.pod.name}"
            yield from _warn(pod.reserved_path, owner, "reserved", pod.reserved, limits)
            if pod.pod.guest_ranges:
                yield from _warn(pod.guest_path, owner, "guest", pod.guest, limits)
        yield from _warn(zone.public_path, f"zone {z.name}", "public", zone.public, limits)
        if zone.vlans_valid:
            yield from _warn(zone.vlan_path, f"zone {z.name}", "guest_vlans", zone.guest_vlans,
                             limits)
        for shared in zone.shared_networks:
            yield from _warn(shared.path, f"shared network {shared.name}", "shared",
                             shared.budget, limits)
