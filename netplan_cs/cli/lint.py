"""`netplan-cs lint PLAN...`: run the rules and report findings."""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from netplan_cs.choices import Choice
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
from netplan_cs.errors import COMMAND_LINE, InputError
from netplan_cs.load.limits import DEFAULT_LIMITS
from netplan_cs.output.formats import ReportFormat

if TYPE_CHECKING:
    from netplan_cs.engine.pipeline import LintOutcome


class FailLevel(Choice):
    error = "error"
    warning = "warning"
    info = "info"


def default_format() -> ReportFormat:
    """GitHub annotations inside GitHub Actions, text elsewhere."""
    return ReportFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else ReportFormat.text


def _extra_outputs(formats: list[ReportFormat], files: list[Path]) -> list[tuple[ReportFormat,
                                                                                Path]]:
    if len(formats) != len(files):
        raise InputError(COMMAND_LINE, "give --output-format and --output-file in pairs, "
                         "e.g. --output-format sarif --output-file results.sarif")
    return list(zip(formats, files, strict=True))


def _report_baseline(outcome: "LintOutcome", baseline: Path) -> None:
    for entry in outcome.stale:
        print(f"netplan-cs: {baseline}: stale baseline entry {entry.rule} {entry.file} "
              f"{entry.path or '(file)'}: the finding is gone; rewrite the baseline with "
              "--write-baseline", file=sys.stderr)
    if outcome.baselined:
        print(f"netplan-cs: {outcome.baselined} finding(s) accepted by the baseline {baseline}",
              file=sys.stderr)


def lint(
    plans: Annotated[list[Path], typer.Argument(
        metavar="PLAN", help="Plans (native YAML, Marvin .cfg) or snapshot folders.")],
    output_format: Annotated[ReportFormat | None, typer.Option(
        "--format", "-f", metavar="FORMAT", help="Output format on stdout: text, json, sarif, "
        "github or junit (default: github when GITHUB_ACTIONS=true, else text).")] = None,
    select_rules: Annotated[list[str] | None, typer.Option(
        "--select", metavar="RULES",
        help="Only these rules: IDs, names or ID prefixes (A, A00), comma-separated.")] = None,
    ignore_rules: Annotated[list[str] | None, typer.Option(
        "--ignore", metavar="RULES",
        help="Skip these rules: IDs, names or ID prefixes, comma-separated.")] = None,
    fail_level: Annotated[FailLevel | None, typer.Option(
        metavar="LEVEL", help="Exit 1 when a finding is at or above this severity: error, "
        "warning or info (default: the "
        "configuration's fail-level, else error).")] = None,
    rules_dir: Annotated[list[Path] | None, typer.Option(
        metavar="DIR",
        help="A folder of extra rules laid out like netplan-cs's own rules/.")] = None,
    config: Annotated[Path | None, typer.Option(
        metavar="FILE",
        help="Use this configuration file instead of searching upward from each plan.")] = None,
    output_formats: Annotated[list[ReportFormat] | None, typer.Option(
        "--output-format", metavar="FORMAT",
        help="A second report in this format (pair with --output-file).")] = None,
    output_files: Annotated[list[Path] | None, typer.Option(
        "--output-file", metavar="FILE", help="Where the --output-format report goes.")] = None,
    inline_ignores: Annotated[bool, typer.Option(
        "--inline-ignores/--no-inline-ignores", metavar="",
        help="Honour `# netplan-cs: ignore[...]` comments in plans.")] = True,
    baseline: Annotated[Path | None, typer.Option(
        metavar="FILE", help="Report only findings not accepted by this baseline file.")] = None,
    write_baseline: Annotated[Path | None, typer.Option(
        metavar="FILE", help="Write every finding to this baseline file and exit 0.")] = None,
    force: Annotated[bool, typer.Option(
        metavar="", help="Let --output-file and --write-baseline replace existing files.")] = False,
    against: Annotated[Path | None, typer.Option(
        metavar="SNAPSHOT", help="Check the plans as changes to this running cloud (a "
        "snapshot folder, or a plan of it): report only what they bring.")] = None,
    max_file_size: MaxFileSize = DEFAULT_LIMITS.max_bytes,
    max_nodes: MaxNodes = DEFAULT_LIMITS.max_nodes,
    max_alias_nodes: MaxAliasNodes = DEFAULT_LIMITS.max_alias_nodes,
    max_depth: MaxDepth = DEFAULT_LIMITS.max_depth,
) -> None:
    """Check plan files against the rule catalogue; exit 0 clean, 1 findings, 2 bad input."""
    from netplan_cs.engine.findings import Severity
    from netplan_cs.engine.pipeline import LintRequest, run_lint
    from netplan_cs.output.render import render

    try:
        extra = _extra_outputs(output_formats or [], output_files or [])
        if baseline is not None and write_baseline is not None:
            raise InputError(COMMAND_LINE, "--baseline and --write-baseline exclude each "
                             "other: write a fresh baseline without --baseline")
        outcome = run_lint(LintRequest(
            plans=plans, select=split_list(select_rules), ignore=split_list(ignore_rules),
            fail_level=Severity.parse(fail_level.value) if fail_level else None,
            rules_dir=rules_dir or [], config=config, inline_ignores=inline_ignores,
            baseline=baseline, against=against),
            limits(max_file_size, max_nodes, max_alias_nodes, max_depth))
    except InputError as error:
        raise fail(error) from None
    for problem in outcome.result.errors:
        report_input_error(problem)
    sys.stdout.write(render(outcome, output_format or default_format()))
    inputs = [*plans, *(p for p in (config, baseline, against) if p is not None)]
    try:
        for kind, target in extra:
            from netplan_cs.output.files import write_output

            write_output(target, render(outcome, kind), force, inputs=inputs)
        if write_baseline is not None and outcome.result.errors:
            print(f"netplan-cs: the baseline {write_baseline} was not written: "
                  f"{len(outcome.result.errors)} file(s) could not be read", file=sys.stderr)
        elif write_baseline is not None:
            from netplan_cs.baseline import write_baseline as write

            count = write(write_baseline, outcome.result.findings, force, inputs)
            print(f"netplan-cs: wrote {count} finding(s) to the baseline {write_baseline}",
                  file=sys.stderr)
    except InputError as error:
        raise fail(error) from None
    if baseline is not None:
        _report_baseline(outcome, baseline)
    if outcome.result.errors:
        raise typer.Exit(Exit.USAGE)
    if outcome.failed and write_baseline is None:
        raise typer.Exit(Exit.FINDINGS)
