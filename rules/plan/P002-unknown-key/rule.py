"""P002 unknown-key: a key the format does not know, or one Marvin never sends."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding

ID = "P002"
NAME = "unknown-key"
SEVERITY = "warning"
SUMMARY = "a key the plan format does not know, or a Marvin key that Marvin ignores"
NEEDS_PLAN = False


def check(ctx: Any) -> Iterator[Finding]:
    document = ctx.document
    for problem in document.problems:
        if problem.kind == "unknown-key":
            yield Finding(problem.path, problem.message, suggestion=problem.suggestion,
                          space="data")
    for note in document.imported.notes:
        if note.kind in ("unknown-key", "ignored-key"):
            yield Finding(note.raw_path, note.message, suggestion=note.suggestion, space="source")
