"""P009 changes-running-cloud: a plan checked `--against` a cloud changes what it has."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding, Related

ID = "P009"
NAME = "changes-running-cloud"
SEVERITY = "info"
CLOUDSTACK = "advice"
SUMMARY = ("a plan checked against a running cloud (`lint --against`) gives an element the "
           "cloud has a different value: a change to make, not an element to add")
NEEDS_PLAN = False


def check(ctx: Any) -> Iterator[Finding]:
    for note in ctx.document.imported.notes:
        if note.kind != "change":
            continue
        related = () if note.other is None else (Related(note.other, "the running cloud's"),)
        yield Finding(note.raw_path, note.message, related=related, space="source",
                      suggestion="CloudStack changes most of these only through their update "
                      "APIs (updatePod, updateVlanIpRange, updateConfiguration...) or not at "
                      "all: apply it as a change, or make the plan say what the cloud has")
