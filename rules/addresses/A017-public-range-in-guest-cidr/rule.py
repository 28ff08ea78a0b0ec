"""A017 public-range-in-guest-cidr: a public range's subnet overlaps the zone guest CIDR."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related

ID = "A017"
NAME = "public-range-in-guest-cidr"
SEVERITY = "warning"
CLOUDSTACK = "fails-later"
SUMMARY = ("a public range's subnet overlaps the zone guest CIDR: isolated networks' routers get "
           "a guest and a public NIC in overlapping subnets")


def check(ctx: Any) -> Iterator[Finding]:
    for item in ctx.facts.ranges:
        if item.kind != "public range" or item.subnet is None:
            continue
        zone = ctx.plan.zones[item.zone]
        guest = zone.guestcidraddress
        if guest is None or zone.is_basic:
            continue
        if item.subnet.first <= guest.last and guest.first <= item.subnet.last:
            yield Finding(item.gateway_path,
                          f"{item.describe()} is in subnet {item.subnet}, which overlaps zone "
                          f"{zone.name} guest CIDR {guest.cidr}: CloudStack accepts it, but every "
                          "isolated network on the zone CIDR gets a virtual router with its "
                          "guest NIC and its public NIC in overlapping subnets, so source NAT "
                          "and traffic to the public gateway leave by the wrong interface",
                          related=(Related(("zones", item.zone, "guestcidraddress"),
                                           "guest CIDR"),),
                          suggestion="move the guest CIDR (or the public subnet) so the two do "
                          "not overlap")
