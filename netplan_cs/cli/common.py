"""Helpers shared by the commands: option parsing, error printing, exit codes."""

from __future__ import annotations

import sys
from enum import IntEnum

import typer

from netplan_cs.errors import InputError


class Exit(IntEnum):
    CLEAN = 0
    FINDINGS = 1
    USAGE = 2


def split_list(values: list[str] | None) -> list[str]:
    """`--select A,V --select P001` -> ["A", "V", "P001"]."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def report_input_error(error: InputError) -> None:
    print(str(error), file=sys.stderr)


def fail(error: InputError) -> typer.Exit:
    """Print an input or usage error and give the exit to raise."""
    report_input_error(error)
    return typer.Exit(Exit.USAGE)
