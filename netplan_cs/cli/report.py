"""`netplan-cs report PLAN -o report.html`: the plan drawn as one self-contained page."""

from pathlib import Path
from typing import Annotated

import typer

from netplan_cs.cli.common import Exit, fail
from netplan_cs.cli.lint import FailLevel
from netplan_cs.errors import InputError


def report(
    plan: Annotated[Path, typer.Argument(help="A plan file: native YAML or Marvin .cfg.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    force: Annotated[bool, typer.Option(help="Replace the output file if it exists.")] = False,
    fail_level: Annotated[FailLevel, typer.Option(
        help="Exit 1 when a finding is at or above this severity.")] = FailLevel.error,
) -> None:
    """Write an HTML report: address and VLAN maps, budgets, rates, trunks and findings."""
    from netplan_cs.document import open_plan
    from netplan_cs.engine.findings import Severity
    from netplan_cs.engine.registry import load_rules
    from netplan_cs.engine.run import lint_document
    from netplan_cs.output.files import write_output
    from netplan_cs.report.page import render_report

    try:
        document = open_plan(plan)
    except InputError as error:
        raise fail(error) from None
    findings = lint_document(document, load_rules())
    try:
        write_output(output, render_report(document, findings), force, inputs=[plan])
    except InputError as error:
        raise fail(error) from None
    threshold = Severity.parse(fail_level.value)
    if any(f.severity >= threshold for f in findings):
        raise typer.Exit(Exit.FINDINGS)
