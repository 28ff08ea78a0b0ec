"""A013 host-in-reserved-range: a host's address lies inside its pod's reserved system range."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related
from netplan_cs.facts.addresses import Span

ID = "A013"
NAME = "host-in-reserved-range"
SEVERITY = "warning"
CLOUDSTACK = "fails-later"
SUMMARY = "a host's address lies inside its pod's reserved system range"


def check(ctx: Any) -> Iterator[Finding]:
    index = ctx.facts.addresses
    for z in range(len(ctx.plan.zones)):
        spans = index.in_zone(z)
        reserved: dict[Any, list[Span]] = {}
        for span in spans:
            if span.kind in ("reserved range", "management range"):
                for key in span.keys:
                    reserved.setdefault(key, []).append(span)
        for host in spans:
            if host.kind != "host":
                continue
            for block in reserved.get(host.key, []):
                if block.first <= host.first <= block.last:
                    yield Finding(host.path,
                                  f"{host.describe()} lies inside its pod's {block.describe()}: "
                                  "CloudStack marks it taken when the host is added, so system "
                                  "VMs get one address fewer, and adding the host fails (\"The "
                                  "private ip address of the server ... is already in use in "
                                  "pod\") once a system VM holds it",
                                  related=(Related(block.path, block.describe()),),
                                  suggestion="move the host out of the range, or end the range "
                                  "before it")
                    break
