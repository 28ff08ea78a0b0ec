"""P001 plan-schema: a value has the wrong type or syntax, or a required field is missing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.engine.findings import Finding
from netplan_cs.model.placeholders import is_placeholder

ID = "P001"
NAME = "plan-schema"
SEVERITY = "error"
CLOUDSTACK = "refuses"
SUMMARY = ("a value has the wrong type or syntax (bad address, non-contiguous netmask, "
           "unknown zone type or hypervisor) or a required field is missing")
NEEDS_PLAN = False


def _value_at(data: Any, path: tuple[Any, ...]) -> Any:
    node = data
    for key in path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def check(ctx: Any) -> Iterator[Finding]:
    document = ctx.document
    for problem in document.problems:
        if problem.kind != "schema":
            continue
        if is_placeholder(_value_at(document.data, problem.path)):
            continue  # P004 names it for what it is
        yield Finding(problem.path, problem.message, suggestion=problem.suggestion,
                          space="data")
