"""`netplan-cs lint PLAN...`: run the rules and report findings."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from netplan_cs.cli.common import (
    Exit,
    MaxAliasNodes,
    MaxDepth,
    MaxFileSize,
    MaxNodes,
    fail,
    limits,
    report_input_error,
    split_list,
)
from netplan_cs.engine.findings import Severity
from netplan_cs.engine.registry import load_rules, select
from netplan_cs.engine.run import lint_paths
from netplan_cs.errors import InputError
from netplan_cs.load.limits import DEFAULT_LIMITS


class LintFormat(StrEnum):
    text = "text"
    json = "json"


class FailLevel(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


def lint(
    plans: Annotated[list[Path], typer.Argument(help="Plan files: native YAML or Marvin .cfg.")],
    output_format: Annotated[LintFormat, typer.Option("--format", "-f",
                                                      help="Output format.")] = LintFormat.text,
    select_rules: Annotated[list[str] | None, typer.Option(
        "--select", help="Only these rules: IDs, names or ID prefixes (A, A00), comma-separated."
    )] = None,
    ignore_rules: Annotated[list[str] | None, typer.Option(
        "--ignore", help="Skip these rules: IDs, names or ID prefixes, comma-separated.")] = None,
    fail_level: Annotated[FailLevel, typer.Option(
        help="Exit 1 when a finding is at or above this severity.")] = FailLevel.error,
    rules_dir: Annotated[list[Path] | None, typer.Option(
        help="A folder of extra rules laid out like netplan-cs's own rules/.")] = None,
    max_file_size: MaxFileSize = DEFAULT_LIMITS.max_bytes,
    max_nodes: MaxNodes = DEFAULT_LIMITS.max_nodes,
    max_alias_nodes: MaxAliasNodes = DEFAULT_LIMITS.max_alias_nodes,
    max_depth: MaxDepth = DEFAULT_LIMITS.max_depth,
) -> None:
    """Check plan files against the rule catalogue; exit 0 clean, 1 findings, 2 bad input."""
    try:
        rules = select(load_rules(rules_dir or []), split_list(select_rules),
                       split_list(ignore_rules))
    except InputError as error:
        raise fail(error) from None
    result = lint_paths(plans, rules, limits(max_file_size, max_nodes, max_alias_nodes,
                                             max_depth))
    for problem in result.errors:
        report_input_error(problem)
    if output_format is LintFormat.json:
        from netplan_cs.output.findings_json import render_json

        sys.stdout.write(render_json(result))
    else:
        from netplan_cs.output.findings_text import render_text

        sys.stdout.write(render_text(result))
    if result.errors:
        raise typer.Exit(Exit.USAGE)
    threshold = Severity.parse(fail_level.value)
    if any(f.severity >= threshold for f in result.findings):
        raise typer.Exit(Exit.FINDINGS)
