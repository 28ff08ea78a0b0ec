"""M007 host-setting-loopback: `host` names the machine itself, not a management server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.facts.management import HOST, is_loopback

ID = "M007"
NAME = "host-setting-loopback"
SEVERITY = "error"
ASSUMES_COMPLETE = ('settings',)
CLOUDSTACK = "fails-later"
SUMMARY = ("an entry of the `host` setting is localhost or a 127.0.0.0/8 address, which every "
           "agent and system VM would take for itself")


def check(ctx: Any) -> Iterator[Finding]:
    for entry in ctx.facts.management.host_list:
        if not is_loopback(entry):
            continue
        yield Finding(("settings", HOST),
                      f"host lists {entry}: CloudStack sends `host` to every KVM agent and "
                      "system VM as the management server to connect to on port 8250, and "
                      f"on each of them {entry} is that machine itself, so they never connect",
                      suggestion="set host to the management servers' addresses (or a load "
                      "balancer's virtual IP) on the management network")
