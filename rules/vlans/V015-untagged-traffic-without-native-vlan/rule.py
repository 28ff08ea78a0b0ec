"""V015 untagged-traffic-without-native-vlan: untagged traffic, but no switch VLAN named for it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.trunks import NATIVE_PLACEHOLDER

ID = "V015"
NAME = "untagged-traffic-without-native-vlan"
SEVERITY = "warning"
CLOUDSTACK = "advice"
SUMMARY = ("a plan that declares switches has a physical network with untagged traffic and no "
           "`native_vlan`, so switch snippets cannot say which VLAN the host ports leave untagged")


def check(ctx: Any) -> Iterator[Finding]:
    """The same fact `trunks` prints the placeholder from: one source for both. Only plans
    that declare switches are configured from the plan; elsewhere the placeholder suffices."""
    if not ctx.plan.switches:
        return
    for zone in ctx.facts.trunks.zones:
        for net in zone.networks:
            if not net.untagged or net.native_vlan:
                continue
            ports = len(net.ports)
            where = (f"{ports} declared switch port(s) carry it" if ports else
                     "no switch port is declared for it")
            yield Finding(net.path,
                          f"physical network {net.name} of zone {zone.name} carries "
                          f"{', '.join(net.untagged)} traffic untagged, but the plan does not "
                          "say which switch VLAN that is: `trunks` prints "
                          f"{NATIVE_PLACEHOLDER} for it ({where}), and a trunk port without "
                          "that native VLAN drops the hosts' untagged traffic",
                          suggestion="set native_vlan on the physical network to the switch "
                          "VLAN of its untagged segment")
