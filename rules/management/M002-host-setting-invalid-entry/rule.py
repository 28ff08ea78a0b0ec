"""M002 host-setting-invalid-entry: an entry of `host` no agent or system VM can connect to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Severity
from netplan_cs.facts.management import HOST
from netplan_cs.model.types import ipv4_of

ID = "M002"
NAME = "host-setting-invalid-entry"
SEVERITY = "error"
ASSUMES_COMPLETE = ('settings',)
CLOUDSTACK = "fails-later"
SUMMARY = ("an entry of the comma-separated `host` setting is empty, repeated, or neither an "
           "IPv4 address nor a host name")
SEVERITY_VARIES = ("a warning while at least one entry of the list can be reached")

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST_NAME = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\.?\Z")
_DOTTED_NUMBERS = re.compile(r"[0-9.]+\Z")


def _problem(entry: str) -> str | None:
    """Why agents cannot connect to this entry, or None when it is an address or a name."""
    if not entry:
        return "an empty entry"
    if _DOTTED_NUMBERS.match(entry):
        if ipv4_of(entry) is None:
            return f"the entry {entry!r}, which is not an IPv4 address"
        return None
    if len(entry) > 253 or not _HOST_NAME.match(entry):
        return f"the entry {entry!r}, which is neither an IPv4 address nor a host name"
    return None


def check(ctx: Any) -> Iterator[Finding]:
    entries = ctx.facts.management.host_list
    problems = [p for p in map(_problem, entries) if p is not None]
    usable = len(entries) - len(problems)
    for problem in problems:
        yield Finding(("settings", HOST),
                      f"host has {problem}: CloudStack sends the list as written to every "
                      "agent and system VM, which try each entry in turn"
                      + ("" if usable else ", and no entry can be reached"),
                      suggestion="list the management servers' addresses (or a load balancer's "
                      "virtual IP), separated by commas",
                      severity=None if not usable else Severity.WARNING)
    seen: set[str] = set()
    for entry in entries:
        if entry and entry in seen:
            yield Finding(("settings", HOST),
                          f"host lists {entry} twice: an agent that loses that management "
                          "server tries it again before the next one in the list",
                          suggestion="list each management server once",
                          severity=Severity.WARNING)
        seen.add(entry)
