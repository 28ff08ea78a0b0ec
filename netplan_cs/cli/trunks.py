"""`netplan-cs trunks PLAN`: the switch trunk checklist and the host-side setup."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from netplan_cs.cli.common import fail
from netplan_cs.document import open_plan
from netplan_cs.errors import InputError
from netplan_cs.facts import Facts


class TrunksFormat(StrEnum):
    markdown = "markdown"
    csv = "csv"
    json = "json"
    cisco_ios = "cisco-ios"
    junos = "junos"
    arista_eos = "arista-eos"


def trunks(
    plan: Annotated[Path, typer.Argument(help="A plan file: native YAML or Marvin .cfg.")],
    output_format: Annotated[TrunksFormat, typer.Option(
        "--format", "-f", help="markdown checklist, csv, json, or switch snippets.")
    ] = TrunksFormat.markdown,
) -> None:
    """Print the VLANs every host port must trunk, and the host-side labels to create."""
    try:
        document = open_plan(plan)
    except InputError as error:
        raise fail(error) from None
    schema = [problem for problem in document.problems if problem.kind == "schema"]
    if document.plan is None or schema:
        # a trunk list computed from a partly invalid plan would silently miss VLANs
        problem = (schema or document.problems)[0]
        where = document.locate(problem.path)
        more = f" and {len(schema) - 1} more" if len(schema) > 1 else ""
        raise fail(InputError(document.file, f"the plan is not valid: {problem.message}{more} "
                              "(`netplan-cs lint` lists every problem)", where.line,
                              where.column)) from None
    trunk_plan = Facts(document.plan).trunks
    from netplan_cs.output import switch_config
    from netplan_cs.output import trunks as render

    if output_format is TrunksFormat.markdown:
        text = render.render_markdown(document.plan, trunk_plan, plan.name)
    elif output_format is TrunksFormat.csv:
        text = render.render_csv(trunk_plan)
    elif output_format is TrunksFormat.json:
        text = render.render_json(trunk_plan)
    else:
        text = switch_config.RENDERERS[output_format.value](trunk_plan)
    sys.stdout.write(text)
