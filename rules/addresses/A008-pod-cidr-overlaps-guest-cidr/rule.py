"""A008 pod-cidr-overlaps-guest-cidr: a pod CIDR overlaps the zone guest CIDR."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related

ID = "A008"
NAME = "pod-cidr-overlaps-guest-cidr"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "a pod CIDR overlaps the zone guest CIDR"


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        guest = zone.guestcidraddress
        if guest is None:
            continue
        for p, pod in enumerate(zone.pods):
            if pod.cidr.first <= guest.last and guest.first <= pod.cidr.last:
                yield Finding(("zones", z, "pods", p, "gateway"),
                              f"pod {pod.name} CIDR {pod.cidr} overlaps zone {zone.name} guest "
                              f"CIDR {guest.cidr} (CloudStack: \"The subnet of the pod you are "
                              "adding conflicts with the subnet of the Guest IP Network\")",
                              related=(Related(("zones", z, "guestcidraddress"), "guest CIDR"),))
