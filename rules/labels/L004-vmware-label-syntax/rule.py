"""L004 vmware-label-syntax: a VMware label is not `name[,vlan[,switchtype]]`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.labels import parse_vmware_label

ID = "L004"
NAME = "vmware-label-syntax"
SEVERITY = "error"
SUMMARY = ("a VMware traffic label is not `name[,vlan[,switchtype]]` with switchtype vmwaresvs, "
           "vmwaredvs or nexusdvs")


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        for n, pnet in enumerate(zone.physical_networks):
            for t, traffic in enumerate(pnet.traffic_types):
                label = traffic.vmwarenetworklabel
                parsed = parse_vmware_label(label)
                if label and parsed.error:
                    yield Finding(
                        ("zones", z, "physical_networks", n, "traffic_types", t,
                         "vmwarenetworklabel"),
                        f"VMware label {label!r} of {traffic.traffictype} traffic on physical "
                        f"network {pnet.name}: {parsed.error}",
                        suggestion="write `switch[,vlan[,type]]`, e.g. `vSwitch1,,vmwaresvs` "
                        "or `dvSwitch0,200,vmwaredvs`")
