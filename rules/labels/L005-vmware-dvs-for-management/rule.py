"""L005 vmware-dvs-for-management: VMware management or storage traffic on a distributed switch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.labels import parse_vmware_label

ID = "L005"
NAME = "vmware-dvs-for-management"
SEVERITY = "warning"
SUMMARY = ("VMware management or storage traffic uses a distributed switch (only public and "
           "guest traffic support it)")


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        for n, pnet in enumerate(zone.physical_networks):
            for t, traffic in enumerate(pnet.traffic_types):
                parsed = parse_vmware_label(traffic.vmwarenetworklabel)
                if traffic.traffictype not in ("Management", "Storage") or parsed.error \
                        or not parsed.distributed:
                    continue
                yield Finding(
                    ("zones", z, "physical_networks", n, "traffic_types", t,
                     "vmwarenetworklabel"),
                    f"{traffic.traffictype} traffic of physical network {pnet.name} uses the "
                    f"{parsed.switch_type} switch {parsed.switch!r}: CloudStack supports "
                    "distributed switches only for public and guest traffic; management and "
                    "storage need a standard vSwitch",
                    suggestion=f"use a standard vSwitch, e.g. `vSwitch0,,vmwaresvs`, for "
                    f"{traffic.traffictype.lower()} traffic")
