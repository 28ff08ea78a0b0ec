"""T010 vxlan-non-kvm-cluster: VXLAN guest isolation in a zone with hosts that cannot carry it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related

ID = "T010"
NAME = "vxlan-non-kvm-cluster"
SEVERITY = "error"
CLOUDSTACK = "fails-later"
SUMMARY = ("a physical network isolates guest traffic with VXLAN, but the zone has clusters of "
           "a hypervisor other than KVM, which cannot join VXLAN guest networks")

# KVM runs modifyvxlan.sh; the simulator fakes every network; bare-metal hosts run no guests
# of CloudStack's networks on a hypervisor bridge
_CARRIES_VXLAN = ("KVM", "Simulator", "BareMetal")


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        vxlan = [(n, net) for n, net in enumerate(zone.physical_networks)
                 if net.isolation == "VXLAN" and net.carries("Guest")]
        if not vxlan:
            continue
        n, net = vxlan[0]
        for p, pod in enumerate(zone.pods):
            for c, cluster in enumerate(pod.clusters):
                if cluster.hypervisor in _CARRIES_VXLAN:
                    continue
                yield Finding(
                    ("zones", z, "pods", p, "clusters", c, "hypervisor"),
                    f"cluster {cluster.name} runs {cluster.hypervisor}, but zone {zone.name} "
                    f"isolates guest networks with VXLAN on {net.name}: CloudStack's VXLAN "
                    "support creates the VXLAN interfaces on KVM hosts only (modifyvxlan.sh), "
                    f"so guest VMs and routers placed on {cluster.hypervisor} hosts cannot join "
                    "their networks",
                    related=(Related(("zones", z, "physical_networks", n, "isolationmethods"),
                                     f"VXLAN isolation of {net.name}"),),
                    suggestion="put the non-KVM clusters in a zone with VLAN isolation, or use "
                    "KVM clusters here")
