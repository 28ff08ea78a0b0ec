"""P004 placeholder-value: a template placeholder was never filled in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.model.placeholders import is_placeholder
from netplan_cs.model.secrets import MASK, is_secret_key

ID = "P004"
NAME = "placeholder-value"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = "a value is a template placeholder (10.x.x.x, xx:xx:..., [NAME], <name>, CHANGEME)"
NEEDS_PLAN = False


def check(ctx: Any) -> Iterator[Finding]:
    for path, value in ctx.document.suspects:
        if not is_placeholder(value):
            continue
        shown = MASK if is_secret_key(path[-1]) else value
        yield Finding(path, f"`{path[-1]}` is the placeholder {shown!r}, not a real value",
                      suggestion="fill in the value this deployment uses", space="source")
