"""L001 missing-traffic-label: a traffic type has no label for a hypervisor the zone runs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.labels import LABEL_FIELDS, declared_label

ID = "L001"
NAME = "missing-traffic-label"
SEVERITY = "warning"
SUMMARY = "a traffic type has no label for a hypervisor that some cluster of the zone runs"


def check(ctx: Any) -> Iterator[Finding]:
    for zone_trunks in ctx.facts.trunks.zones:
        zone = ctx.plan.zones[zone_trunks.index]
        for net, pnet in zip(zone_trunks.networks, zone.physical_networks, strict=True):
            for t, traffic in enumerate(pnet.traffic_types):
                for hypervisor in sorted(h for h in zone.hypervisors if h in LABEL_FIELDS):
                    if declared_label(traffic, hypervisor) is not None:
                        continue
                    label = net.labels[hypervisor][traffic.traffictype]
                    key = ctx.document.key_name("traffic_type", LABEL_FIELDS[hypervisor])
                    yield Finding(
                        (*net.path, "traffic_types", t, "traffictype"),
                        f"{traffic.traffictype} traffic of physical network {pnet.name} has no "
                        f"{hypervisor} label ({LABEL_FIELDS[hypervisor]}) for the {hypervisor} "
                        f"clusters of zone {zone.name}: {label.fallback}",
                        suggestion=f"set `{key}` to the name that exists on "
                        f"every {hypervisor} host")
