"""Helpers shared by the commands: option parsing, error printing, exit codes."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from netplan_cs.errors import InputError
from netplan_cs.load.limits import DEFAULT_LIMITS, MAX_DEPTH_CEILING, Limits, parse_size

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


def open_modelled_plan(path: Path, read_limits: Limits = DEFAULT_LIMITS) -> ModelledPlan:
    """Open a plan for a command that computes from it; exit 2 unless it models cleanly.

    A budget, rate table or trunk list computed from a partly invalid plan would silently
    miss what the invalid parts hold, so schema problems stop these commands.
    """
    from netplan_cs.document import open_plan

    try:
        document = open_plan(path, read_limits)
    except InputError as error:
        raise fail(error) from None
    schema = [problem for problem in document.problems if problem.kind == "schema"]
    if document.plan is None or schema:
        problem = (schema or document.problems)[0]
        file, where = document.where(problem.path)
        more = f" and {len(schema) - 1} more" if len(schema) > 1 else ""
        raise fail(InputError(file, f"the plan is not valid: {problem.message}{more} "
                              "(`netplan-cs lint` lists every problem)", where.line,
                              where.column))
    return ModelledPlan(document, document.plan)


def fail(error: InputError) -> typer.Exit:
    """Print an input or usage error and give the exit to raise."""
    report_input_error(error)
    return typer.Exit(Exit.USAGE)


# -- input limits: the same four options on every command that reads plans -------------------
_LIMITS_PANEL = "Input limits"


def _size(value: str | int) -> int:
    if isinstance(value, int):
        return value
    try:
        return parse_size(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


MaxFileSize = Annotated[int, typer.Option(
    "--max-file-size", parser=_size, metavar="SIZE", rich_help_panel=_LIMITS_PANEL,
    show_default=f"{DEFAULT_LIMITS.max_bytes // 2**20}M",
    help="Refuse plan files larger than this (bytes, or with K, M, G).")]
MaxNodes = Annotated[int, typer.Option(
    "--max-nodes", min=1, metavar="N", rich_help_panel=_LIMITS_PANEL,
    help="Refuse files holding more values than this, YAML aliases expanded.")]
MaxAliasNodes = Annotated[int, typer.Option(
    "--max-alias-nodes", min=0, metavar="N", rich_help_panel=_LIMITS_PANEL,
    help="Refuse YAML files whose aliases expand to more values than this.")]
MaxDepth = Annotated[int, typer.Option(
    "--max-depth", min=1, max=MAX_DEPTH_CEILING, metavar="N", rich_help_panel=_LIMITS_PANEL,
    help="Refuse files nesting mappings and lists deeper than this.")]


def limits(max_file_size: int, max_nodes: int, max_alias_nodes: int, max_depth: int) -> Limits:
    return Limits(max_bytes=max_file_size, max_nodes=max_nodes,
                  max_alias_nodes=max_alias_nodes, max_depth=max_depth)
