"""P006 duplicate-host: the same host (address or URL) is listed twice in a zone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related
from netplan_cs.load.location import DataPath

ID = "P006"
NAME = "duplicate-host"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "the same host (management address or URL) is listed twice in a zone"
# The simulator takes host URLs as labels, not addresses: upstream configs reuse them.
_EXEMPT = {"Simulator"}


def _url_key(url: str) -> str:
    return url.rstrip("/").lower()


def _may_repeat(zone: Any) -> bool:
    """Whether two hosts of the zone may share a key: addresses compared as integers (no
    text to format), URLs on their own; a URL without a slash might read as an address."""
    hosts = [host for pod in zone.pods for cluster in pod.clusters
             if cluster.hypervisor not in _EXEMPT for host in cluster.hosts]
    addresses = [int(address) for host in hosts if (address := host.address) is not None]
    urls = [_url_key(host.url) for host in hosts if host.url]
    return (len(set(addresses)) < len(addresses) or len(set(urls)) < len(urls)
            or any("/" not in url for url in urls))


def _repeats(z: int, zone: Any) -> Iterator[Finding]:
    first: dict[str, DataPath] = {}
    for p, pod in enumerate(zone.pods):
        for c, cluster in enumerate(pod.clusters):
            if cluster.hypervisor in _EXEMPT:
                continue
            for h, host in enumerate(cluster.hosts):
                path: DataPath = ("zones", z, "pods", p, "clusters", c, "hosts", h)
                keys = {str(host.address)} if host.address is not None else set()
                if host.url:
                    keys.add(_url_key(host.url))
                for key in sorted(keys):
                    if key in first:
                        field = "ipaddress" if host.ipaddress is not None else "url"
                        yield Finding((*path, field),
                                      f"host {key} is listed twice in zone {zone.name}; "
                                      "CloudStack refuses to add a host it already has",
                                      related=(Related(first[key], "first listed here"),),
                                      suggestion="remove the second entry")
                        break
                    first[key] = path


def check(ctx: Any) -> Iterator[Finding]:
    for z, zone in enumerate(ctx.plan.zones):
        if _may_repeat(zone):  # most zones list each host once: no text, no paths
            yield from _repeats(z, zone)
