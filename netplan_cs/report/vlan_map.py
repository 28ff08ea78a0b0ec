"""VLAN maps: 1-4094 as a strip per physical network, each use drawn where it sits.

Uses come from the VLAN index (facts/vlans.py); the overlaps it found between
different purposes are drawn red on top.
"""

from __future__ import annotations

from html import escape

from netplan_cs.document import PlanDocument
from netplan_cs.facts.vlans import (
    GUEST_RANGE,
    MANAGEMENT_RANGE,
    POD,
    POD_GUEST,
    PUBLIC,
    SHARED,
    STORAGE,
    TRAFFIC_VLAN,
    VlanUse,
    ZoneVlans,
)
from netplan_cs.model.plan import Zone
from netplan_cs.report.address_map import element_id

WIDTH = 760
STRIP = 18
TOP = 4094
CLASSES = {GUEST_RANGE: "guest", PUBLIC: "public", SHARED: "shared", POD_GUEST: "guest",
           POD: "reserved", MANAGEMENT_RANGE: "reserved", STORAGE: "storage",
           TRAFFIC_VLAN: "reserved"}


def _x(vlan: int) -> float:
    return (min(max(vlan, 1), TOP) - 1) / TOP * WIDTH


def _rect(x0: int, x1: int, css: str, title: str, ident: str = "") -> str:
    x = _x(x0)
    width = max(_x(x1 + 1) - x, 2.0)
    attribute = f' id="{ident}"' if ident else ""
    return (f'<rect{attribute} x="{x:.1f}" y="14" width="{width:.1f}" height="{STRIP}" '
            f'class="{css}"><title>{escape(title)}</title></rect>')


def network_strip(document: PlanDocument, label: str, uses: list[VlanUse],
                  overlaps: list[tuple[VlanUse, VlanUse]]) -> str:
    parts = [f'<svg class="bar" viewBox="0 0 {WIDTH} {STRIP + 18}" width="{WIDTH}" '
             f'height="{STRIP + 18}" role="img" aria-label="{escape(label)}">',
             f'<text x="0" y="11" class="label">{escape(label)} (VLAN 1-4094)</text>',
             f'<rect x="0" y="14" width="{WIDTH}" height="{STRIP}" class="subnet"/>']
    seen: set[str] = set()
    for use in sorted(uses, key=lambda u: (u.kind != GUEST_RANGE, u.start)):
        ident = element_id(document, use.path)
        parts.append(_rect(use.start, use.end, CLASSES.get(use.kind, "reserved"),
                           f"{use.owner}: VLAN {use.start}" +
                           (f"-{use.end}" if use.end != use.start else ""),
                           "" if ident in seen else ident))
        seen.add(ident)
    for a, b in overlaps:
        first, last = max(a.start, b.start), min(a.end, b.end)
        parts.append(_rect(first, last, "conflict",
                           f"VLAN {first}" + (f"-{last}" if last != first else "") +
                           f": {a.owner} and {b.owner}"))
    parts.append("</svg>")
    return "".join(parts)


def zone_vlan_map(document: PlanDocument, zone: Zone, vlans: ZoneVlans) -> str:
    strips = []
    for n, network in enumerate(zone.physical_networks):
        uses = [u for u in vlans.uses if u.network == n and u.isolation == "VLAN"]
        overlaps = [(a, b) for a, b in vlans.overlaps if n in (a.network, b.network)]
        strips.append(network_strip(document, f"physical network {network.name} "
                                    f"({network.isolation})", uses, overlaps))
    return "\n".join(strips)
