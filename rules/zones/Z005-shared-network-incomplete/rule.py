"""Z005 shared-network-incomplete: a shared network createNetwork refuses as planned."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related, Severity
from netplan_cs.facts.vlans import offering_of

ID = "Z005"
NAME = "shared-network-incomplete"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = ("a shared network of an advanced zone lacks gateway or netmask, or its VLAN "
           "disagrees with its network offering's specifyvlan")
SEVERITY_VARIES = ("a warning for a VLAN on a Shared offering without specifyvlan, which "
                   "CloudStack refuses before 4.20 and accepts since")


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        if zone.is_basic:
            continue
        for s, network in enumerate(zone.shared_networks):
            path = ("zones", z, "shared_networks", s)
            missing = [key for key in ("gateway", "netmask") if getattr(network, key) is None]
            if missing and not ctx.document.damaged(path):
                yield Finding((*path, "name"),
                              f"shared network {network.name} has no {' or '.join(missing)}: "
                              "createNetwork refuses it (\"StartIp/endIp/gateway/netmask are "
                              "required when create network of type Shared ...\")",
                              suggestion="give the network's gateway and netmask (and its "
                              "startip/endip)")
            offering = offering_of(ctx.plan, network)
            if offering is None:
                continue
            o = ctx.plan.offerings.network.index(offering)
            related = (Related(("offerings", "network", o, "specifyvlan"),
                               f"network offering {offering.name}"),)
            if offering.specifyvlan and network.vlan is None:
                yield Finding((*path, "name"),
                              f"shared network {network.name} has no vlan, but its offering "
                              f"{offering.name} says specifyvlan: createNetwork refuses it "
                              "(\"Vlan has to be specified; corresponding offering says "
                              "specifyVlan=true\")", related=related,
                              suggestion="give the network its vlan")
            elif not offering.specifyvlan and network.vlan is not None:
                shared = offering.guestiptype == "Shared"
                yield Finding((*path, "vlan"),
                              f"shared network {network.name} sets vlan {network.vlan}, but its "
                              f"offering {offering.name} does not say specifyvlan: createNetwork "
                              "refuses it (\"Can't specify vlan; corresponding offering says "
                              "specifyVlan=false\")"
                              + (", except since 4.20 for a Shared offering, which then skips "
                                 "the VLAN overlap checks" if shared else ""),
                              related=related,
                              severity=Severity.WARNING if shared else None,
                              suggestion="use a network offering with specifyvlan: true")
