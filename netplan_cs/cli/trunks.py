"""`netplan-cs trunks PLAN`: the switch trunk checklist and the host-side setup."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from netplan_cs.choices import Choice
from netplan_cs.cli.common import (
    MaxAliasNodes,
    MaxDepth,
    MaxFileSize,
    MaxNodes,
    limits,
    open_modelled_plan,
)
from netplan_cs.load.limits import DEFAULT_LIMITS


class TrunksFormat(Choice):
    markdown = "markdown"
    csv = "csv"
    json = "json"
    cisco_ios = "cisco-ios"
    junos = "junos"
    arista_eos = "arista-eos"


def trunks(
    plan: Annotated[Path, typer.Argument(
        help="A plan (native YAML, Marvin .cfg) or a snapshot folder.")],
    output_format: Annotated[TrunksFormat, typer.Option(
        "--format", "-f", help="markdown checklist, csv, json, or switch snippets.")
    ] = TrunksFormat.markdown,
    max_file_size: MaxFileSize = DEFAULT_LIMITS.max_bytes,
    max_nodes: MaxNodes = DEFAULT_LIMITS.max_nodes,
    max_alias_nodes: MaxAliasNodes = DEFAULT_LIMITS.max_alias_nodes,
    max_depth: MaxDepth = DEFAULT_LIMITS.max_depth,
) -> None:
    """Print the VLANs every host port must trunk, and the host-side labels to create."""
    from netplan_cs.facts import Facts
    from netplan_cs.output import switch_config
    from netplan_cs.output import trunks as render

    opened = open_modelled_plan(plan, limits(max_file_size, max_nodes, max_alias_nodes, max_depth))
    trunk_plan = Facts(opened.plan).trunks
    if output_format is TrunksFormat.markdown:
        text = render.render_markdown(opened.plan, trunk_plan, plan.name)
    elif output_format is TrunksFormat.csv:
        text = render.render_csv(trunk_plan)
    elif output_format is TrunksFormat.json:
        text = render.render_json(trunk_plan)
    else:
        text = switch_config.RENDERERS[output_format.value](trunk_plan)
    sys.stdout.write(text)
