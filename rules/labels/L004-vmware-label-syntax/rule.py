"""L004 vmware-label-syntax: a VMware label is not `name[,vlan[,switchtype]]`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Severity
from netplan_cs.facts.labels import parse_vmware_label

ID = "L004"
NAME = "vmware-label-syntax"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = ("a VMware traffic label is not `name[,vlan[,switchtype]]` with switchtype vmwaresvs, "
           "vmwaredvs or nexusdvs (info in zones without VMware clusters)")
SEVERITY_VARIES = ("a warning in zones without VMware clusters, where CloudStack does not read "
                   "the label yet")


def _has_vmware(zone: Any) -> bool:
    return any(c.hypervisor == "VMware" for pod in zone.pods for c in pod.clusters)


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        # CloudStack parses the label only for VMware hosts (VmwareResource / VmwareManagerImpl)
        severity = None if _has_vmware(zone) else Severity.INFO
        for n, pnet in enumerate(zone.physical_networks):
            for t, traffic in enumerate(pnet.traffic_types):
                label = traffic.vmwarenetworklabel
                parsed = parse_vmware_label(label)
                if label and parsed.error:
                    yield Finding(
                        ("zones", z, "physical_networks", n, "traffic_types", t,
                         "vmwarenetworklabel"),
                        f"VMware label {label!r} of {traffic.traffictype} traffic on physical "
                        f"network {pnet.name}: {parsed.error}"
                        + ("" if severity is None else " (zone " + zone.name + " has no VMware "
                           "cluster yet, so CloudStack will not read it until one is added)"),
                        severity=severity,
                        suggestion="write `switch[,vlan[,type]]`, e.g. `vSwitch1,,vmwaresvs` "
                        "or `dvSwitch0,200,vmwaredvs`")
