"""M002 host-setting-not-single: `host` holds several addresses."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.management import HOST

ID = "M002"
NAME = "host-setting-not-single"
SEVERITY = "error"
SUMMARY = "`host` holds several addresses (system VMs need one address or a load-balancer VIP)"


def check(ctx: Any) -> Iterator[Finding]:
    hosts = ctx.facts.management.hosts
    if len(hosts) > 1:
        yield Finding(("settings", HOST),
                      f"host lists {len(hosts)} addresses ({', '.join(hosts)}): system VMs "
                      "connect to one management-server address, and when that server is down "
                      "\"the system VMs will not be able to contact the management server\"",
                      suggestion="set host to the load balancer's virtual IP in front of the "
                      "management servers")
