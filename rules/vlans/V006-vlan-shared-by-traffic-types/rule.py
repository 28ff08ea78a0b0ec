"""V006 vlan-shared-by-traffic-types: one VLAN ID carries two traffic types with two subnets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related
from netplan_cs.facts.vlans import GUEST_RANGE, SHOWN, VlanUse, listing, partners

ID = "V006"
NAME = "vlan-shared-by-traffic-types"
SEVERITY = "warning"
SUMMARY = "one VLAN ID carries two different traffic types with different subnets"


def _pick(a: VlanUse, b: VlanUse) -> tuple[VlanUse, VlanUse] | None:
    """Explicit VLANs of two traffic types whose subnets are known and differ.

    The sweep lists the use that opened later second: report on it.
    """
    if GUEST_RANGE in (a.kind, b.kind) or a.subnet is None or b.subnet is None:
        return None
    return None if a.subnet == b.subnet else (b, a)


def check(ctx: Any) -> Iterator[Finding]:
    for zone_vlans in ctx.facts.vlans.zones:
        for use, others in partners(zone_vlans.overlaps, _pick).items():
            yield Finding(use.path,
                          f"{use.owner} ({use.traffic} traffic, {use.subnet}) is on VLAN "
                          f"{use.text}, which also carries {listing(others)} "
                          f"({others[0].traffic} traffic, {others[0].subnet}): two subnets and "
                          "two traffic types on one L2 segment",
                          related=tuple(Related(o.path, f"{o.owner} ({o.traffic}, {o.subnet})")
                                        for o in others[:SHOWN]),
                          suggestion="give each traffic type its own VLAN")
