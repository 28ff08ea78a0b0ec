"""P005 duplicate-name: two zones, pods, clusters or physical networks share a name."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from netplan_cs.engine.findings import Finding, Related, Severity
from netplan_cs.load.location import DataPath

ID = "P005"
NAME = "duplicate-name"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = ("two zones, two pods of a zone, two clusters of a pod or two physical networks of a "
           "zone share a name")
SEVERITY_VARIES = ("a warning for physical networks, whose names createPhysicalNetwork stores "
                   "unchecked")


def _cloudstack_says(what: str, name: str) -> str:
    """CloudStack's answer to the second element of that name."""
    if what == "zone":
        return "CloudStack: \"A zone with that name already exists\""
    if what == "pod":
        return f"CloudStack: \"A pod with name: {name} already exists in zone ...\""
    if what == "cluster":
        return f"CloudStack: \"Unable to create cluster {name} in pod and data center ...\""
    return "CloudStack stores it; tools that address physical networks by name cannot tell " \
           "them apart"


def _repeats(items: Sequence[Any], base: DataPath, what: str, scope: str) -> Iterator[Finding]:
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        name = item.name
        if name in first:
            yield Finding((*base, index, "name"),
                          f"{what} name {name!r} is already used{scope} "
                          f"({_cloudstack_says(what, name)})",
                          related=(Related((*base, first[name], "name"), f"first {what} "
                                           f"{name!r}"),),
                          suggestion=f"give each {what} a unique name",
                          severity=Severity.WARNING if what == "physical network" else None)
        else:
            first[name] = index


def check(ctx: Any) -> Iterator[Finding]:
    zones = ctx.plan.zones
    yield from _repeats(zones, ("zones",), "zone", "")
    for z, zone in enumerate(zones):
        base: DataPath = ("zones", z)
        yield from _repeats(zone.pods, (*base, "pods"), "pod", f" in zone {zone.name}")
        yield from _repeats(zone.physical_networks, (*base, "physical_networks"),
                            "physical network", f" in zone {zone.name}")
        for p, pod in enumerate(zone.pods):
            yield from _repeats(pod.clusters, (*base, "pods", p, "clusters"), "cluster",
                                f" in pod {pod.name}")
