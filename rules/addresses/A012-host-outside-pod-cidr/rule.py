"""A012 host-outside-pod-cidr: a host's management address is outside its pod's CIDR."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related, Severity

ID = "A012"
NAME = "host-outside-pod-cidr"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "a host's management address is outside its pod's CIDR"
SEVERITY_VARIES = ("an error for XenServer hosts, whose addHost CloudStack refuses; a warning "
                   "for other hypervisors, which it does not check")

REFUSED = {"XenServer", "Hyperv"}


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        for p, pod in enumerate(zone.pods):
            first, last = pod.cidr.first, pod.cidr.last  # integers: no netaddr per host
            for c, cluster in enumerate(pod.clusters):
                for h, host in enumerate(cluster.hosts):
                    address = host.address
                    if address is None or first <= int(address) <= last:
                        continue
                    refused = cluster.hypervisor in REFUSED
                    field = "ipaddress" if host.ipaddress is not None else "url"
                    cs = ("CloudStack: \"The private ip address of the server "
                          f"({address}) is not compatible with the CIDR of pod: {pod.name} "
                          f"and zone: {zone.name}\"" if refused else
                          f"CloudStack does not check {cluster.hypervisor} hosts, but system "
                          "VMs and routing assume it")
                    who = (str(address) if host.label == str(address)
                           else f"{host.label} address {address}")
                    yield Finding(("zones", z, "pods", p, "clusters", c, "hosts", h, field),
                                  f"{cluster.hypervisor} host {who} "
                                  f"is outside pod {pod.name} CIDR {pod.cidr} ({cs})",
                                  related=(Related(("zones", z, "pods", p, "gateway"),
                                                   "pod gateway"),),
                                  severity=None if refused else Severity.WARNING)
