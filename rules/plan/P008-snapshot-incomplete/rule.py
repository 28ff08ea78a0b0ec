"""P008 snapshot-incomplete: a snapshot file that cannot be read, or a listing it lacks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.engine.registry import load_rules

ID = "P008"
NAME = "snapshot-incomplete"
SEVERITY = "warning"
CLOUDSTACK = "advice"
SUMMARY = ("a snapshot of a running cloud lacks a listing, or holds a file that is not a "
           "list-API output netplan-cs reads")
NEEDS_PLAN = False


def _skipped(unlisted: tuple[str, ...]) -> list[str]:
    """The built-in rules that do not run while these collections are unknown."""
    return [rule.id for rule in load_rules() if rule.assumes_complete & set(unlisted)]


def check(ctx: Any) -> Iterator[Finding]:
    for note in ctx.document.imported.notes:
        if note.kind != "snapshot":
            continue
        message = note.message
        skipped = _skipped(note.unlisted)
        if skipped:
            message += f"; rules that judge what it lists did not run ({', '.join(skipped)})"
        yield Finding(note.raw_path, message, suggestion=note.suggestion, space="source")
