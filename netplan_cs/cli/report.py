"""`netplan-cs report PLAN -o report.html`: the plan drawn as one self-contained page."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from netplan_cs.cli.common import Exit, MaxAliasNodes, MaxDepth, MaxFileSize, MaxNodes, fail, limits
from netplan_cs.cli.lint import FailLevel
from netplan_cs.errors import InputError
from netplan_cs.load.limits import DEFAULT_LIMITS


def report(
    plan: Annotated[Path, typer.Argument(
        help="A plan (native YAML, Marvin .cfg) or a snapshot folder.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    force: Annotated[bool, typer.Option(help="Replace the output file if it exists.")] = False,
    fail_level: Annotated[FailLevel | None, typer.Option(
        help="Exit 1 when a finding is at or above this severity (default: the "
        "configuration's fail-level, else error).")] = None,
    config: Annotated[Path | None, typer.Option(
        help="Use this configuration file instead of searching upward from the plan.")] = None,
    max_file_size: MaxFileSize = DEFAULT_LIMITS.max_bytes,
    max_nodes: MaxNodes = DEFAULT_LIMITS.max_nodes,
    max_alias_nodes: MaxAliasNodes = DEFAULT_LIMITS.max_alias_nodes,
    max_depth: MaxDepth = DEFAULT_LIMITS.max_depth,
) -> None:
    """Write an HTML report: address and VLAN maps, budgets, rates, trunks and findings.

    The findings are lint's: the same configuration, suppressions and exit code.
    """
    from netplan_cs.document import open_plan
    from netplan_cs.engine.findings import Severity
    from netplan_cs.engine.pipeline import LintRequest, run_lint
    from netplan_cs.output.files import write_output
    from netplan_cs.report.page import render_report

    read_limits = limits(max_file_size, max_nodes, max_alias_nodes, max_depth)
    try:
        outcome = run_lint(LintRequest(
            plans=[plan], config=config,
            fail_level=Severity.parse(fail_level.value) if fail_level else None),
            read_limits)
        if outcome.result.errors:
            raise outcome.result.errors[0]
        document = open_plan(plan, read_limits)
        findings = outcome.result.findings
        write_output(output, render_report(document, findings), force, inputs=[plan])
    except InputError as error:
        raise fail(error) from None
    counts = {severity: sum(f.severity == severity for f in findings) for severity in Severity}
    print(f"netplan-cs: wrote {output}: {counts[Severity.ERROR]} error(s), "
          f"{counts[Severity.WARNING]} warning(s), {counts[Severity.INFO]} info", file=sys.stderr)
    if outcome.failed:
        raise typer.Exit(Exit.FINDINGS)
