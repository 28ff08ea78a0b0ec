"""A013 host-in-reserved-range: a host's address lies inside its pod's reserved system range."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related
from netplan_cs.facts.addresses import pod_reserved_end

ID = "A013"
NAME = "host-in-reserved-range"
SEVERITY = "error"
SUMMARY = "a host's address lies inside its pod's reserved system range"


def check(ctx: Any) -> Iterator[Finding]:
    by_pod: dict[tuple[int, int], list[Any]] = {}
    for item in ctx.facts.ranges:
        if item.kind in ("reserved range", "management range"):
            by_pod.setdefault((item.zone, item.path[3]), []).append(item)
    for z, zone in enumerate(ctx.plan.zones):
        for p, pod in enumerate(zone.pods):
            reserved = by_pod.get((z, p), [])
            for c, cluster in enumerate(pod.clusters):
                for h, host in enumerate(cluster.hosts):
                    address = host.address
                    inside = [item for item in reserved if address is not None and
                              item.startip <= address <= _end(item, pod)]
                    field = "ipaddress" if host.ipaddress is not None else "url"
                    for item in inside[:1]:
                        yield Finding(("zones", z, "pods", p, "clusters", c, "hosts", h, field),
                                      f"host {host.label} address {address} lies inside pod "
                                      f"{pod.name} {item.kind} {item.startip}-{_end(item, pod)}; "
                                      "CloudStack will hand it to a system VM",
                                      related=(Related((*item.path, "startip"), item.kind),),
                                      suggestion="move the host, or shrink the reserved range")


def _end(item: Any, pod: Any) -> Any:
    if item.kind == "reserved range":
        return pod_reserved_end(pod)
    return item.last
