"""V005 vlan-in-guest-range: an explicit VLAN inside a dynamic guest VLAN range."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related, Severity
from netplan_cs.facts.vlans import (
    GUEST_RANGE,
    POD_GUEST,
    PUBLIC,
    SHARED,
    SHOWN,
    VlanUse,
    listing,
    partners,
    skips_vlan_checks,
)

ID = "V005"
NAME = "vlan-in-guest-range"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = ("a public, shared-network, storage or management VLAN lies inside a dynamic guest "
           "VLAN range (error on the same physical network, warning on another)")
SEVERITY_VARIES = ("a warning when the guest range is on another physical network, or the "
                   "shared network bypasses CloudStack's check")

# the kinds whose creation CloudStack refuses (createVlanIpRange, createNetwork: findVnet)
CHECKED = (PUBLIC, SHARED, POD_GUEST)


def _pick(a: VlanUse, b: VlanUse) -> tuple[VlanUse, VlanUse] | None:
    """Report on the explicit VLAN, against the guest range(s) it falls in."""
    if (a.kind == GUEST_RANGE) == (b.kind == GUEST_RANGE):
        return None
    return (b, a) if a.kind == GUEST_RANGE else (a, b)


def _refused(ctx: Any, zone: Any, use: VlanUse) -> bool:
    """CloudStack refuses the VLAN, unless createGuestNetwork bypasses its check for this
    shared network (bypassvlanoverlapcheck, or a Shared offering without specifyvlan)."""
    if use.kind != SHARED:
        return use.kind in CHECKED
    return not skips_vlan_checks(ctx.plan, zone.shared_networks[use.path[-2]])


def check(ctx: Any) -> Iterator[Finding]:
    for zone_vlans in ctx.facts.vlans.zones:
        zone = ctx.plan.zones[zone_vlans.zone]
        for use, ranges in partners(zone_vlans.overlaps, _pick).items():
            same = [r for r in ranges if r.network == use.network]
            refused = bool(same) and _refused(ctx, zone, use)
            if refused:
                # createNetwork words it differently from createVlanIpRange
                tag = ("The VLAN tag to use for new guest network, " if use.kind == SHARED
                       else "The VLAN tag ")
                message = (f"{use.owner} uses VLAN {use.text}, inside {listing(same)} "
                           f"(CloudStack: \"{tag}{use.start} is already being used for "
                           f"dynamic vlan allocation for the guest network in zone "
                           f"{zone.name}\")")
            elif same:
                why = ("createNetwork skips its check for this network (bypassvlanoverlapcheck "
                       "or a Shared offering without specifyvlan)" if use.kind == SHARED else
                       "CloudStack does not check it")
                message = (f"{use.owner} uses VLAN {use.text}, inside {listing(same)}: "
                           f"{why}, but will hand the same VLAN to a "
                           f"tenant's guest network, putting it on the {use.traffic.lower()} "
                           "segment")
            else:
                message = (f"{use.owner} uses VLAN {use.text}, inside {listing(ranges)}, "
                           "another physical network than the one carrying it: a guest network "
                           "may get the same VLAN unless the two are separate L2 domains")
            yield Finding(use.path, message,
                          related=tuple(Related(r.path, r.owner) for r in ranges[:SHOWN]),
                          suggestion="move the VLAN outside the guest range, or shrink the range",
                          severity=None if refused or (same and use.kind != SHARED)
                          else Severity.WARNING)
