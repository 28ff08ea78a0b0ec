"""Helpers shared by the commands: option parsing, error printing, exit codes."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from netplan_cs.errors import InputError

if TYPE_CHECKING:
    from netplan_cs.document import PlanDocument
    from netplan_cs.model.plan import Plan


class Exit(IntEnum):
    CLEAN = 0
    FINDINGS = 1
    USAGE = 2


def split_list(values: list[str] | None) -> list[str]:
    """`--select A,V --select P001` -> ["A", "V", "P001"]."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def report_input_error(error: InputError) -> None:
    print(str(error), file=sys.stderr)


@dataclass
class ModelledPlan:
    """A plan document whose model could be built (`plan` is never None)."""

    document: PlanDocument
    plan: Plan


def open_modelled_plan(path: Path) -> ModelledPlan:
    """Open a plan for a command that computes from it; exit 2 unless it models cleanly.

    A budget, rate table or trunk list computed from a partly invalid plan would silently
    miss what the invalid parts hold, so schema problems stop these commands.
    """
    from netplan_cs.document import open_plan

    try:
        document = open_plan(path)
    except InputError as error:
        raise fail(error) from None
    schema = [problem for problem in document.problems if problem.kind == "schema"]
    if document.plan is None or schema:
        problem = (schema or document.problems)[0]
        where = document.locate(problem.path)
        more = f" and {len(schema) - 1} more" if len(schema) > 1 else ""
        raise fail(InputError(document.file, f"the plan is not valid: {problem.message}{more} "
                              "(`netplan-cs lint` lists every problem)", where.line,
                              where.column))
    return ModelledPlan(document, document.plan)


def fail(error: InputError) -> typer.Exit:
    """Print an input or usage error and give the exit to raise."""
    report_input_error(error)
    return typer.Exit(Exit.USAGE)
