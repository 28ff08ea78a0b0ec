"""P003 duplicate-key: a mapping repeats a key; only the last one counts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "P003"
NAME = "duplicate-key"
SEVERITY = "warning"
SUMMARY = "a mapping repeats a key (JSON and YAML loaders keep the last one silently)"
NEEDS_PLAN = False


def check(ctx: Any) -> Iterator[Finding]:
    for path in ctx.document.source.duplicates:
        yield Finding(path, f"`{path[-1]}` is given more than once here; only the last one "
                      "counts and the earlier ones are silently dropped",
                      suggestion="merge the entries into one key", space="source")
