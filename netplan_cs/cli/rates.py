"""`netplan-cs rates PLAN`: the effective throttle rate of every NIC class, and why."""

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
    fail,
    limits,
    open_modelled_plan,
)
from netplan_cs.errors import COMMAND_LINE, InputError
from netplan_cs.load.limits import DEFAULT_LIMITS


class RatesFormat(Choice):
    text = "text"
    json = "json"


def parse_overrides(values: list[str] | None) -> dict[str, int]:
    """`--set vm.network.throttling.rate=500` -> {"vm.network.throttling.rate": 500}."""
    from netplan_cs.facts.rates import RATE_SETTINGS, parse_rate_setting

    overrides: dict[str, int] = {}
    for item in values or []:
        name, equals, text = item.partition("=")
        name = name.strip()
        if not equals or name not in RATE_SETTINGS:
            raise InputError(COMMAND_LINE, f"--set {item!r}: expected NAME=VALUE with NAME "
                             f"one of {', '.join(RATE_SETTINGS)}")
        value = parse_rate_setting(text)
        if value is None:
            raise InputError(COMMAND_LINE, f"--set {item!r}: {name} must be a "
                             "non-negative integer (Mb/s; 0 = unlimited)")
        overrides[name] = value
    return overrides


def rates(
    plan: Annotated[Path, typer.Argument(
        help="A plan (native YAML, Marvin .cfg) or a snapshot folder.")],
    set_values: Annotated[list[str] | None, typer.Option(
        "--set", help="What-if: override a global setting, e.g. "
        "--set vm.network.throttling.rate=500 (repeatable).")] = None,
    output_format: Annotated[RatesFormat, typer.Option("--format", "-f",
                                                       help="Output format.")] = RatesFormat.text,
    max_file_size: MaxFileSize = DEFAULT_LIMITS.max_bytes,
    max_nodes: MaxNodes = DEFAULT_LIMITS.max_nodes,
    max_alias_nodes: MaxAliasNodes = DEFAULT_LIMITS.max_alias_nodes,
    max_depth: MaxDepth = DEFAULT_LIMITS.max_depth,
) -> None:
    """Show the effective network rate (Mb/s) of every NIC class and the chain behind it."""
    from netplan_cs.facts.rates import resolve_rates
    from netplan_cs.output.rates import render_json, render_text

    try:
        overrides = parse_overrides(set_values)
    except InputError as error:
        raise fail(error) from None
    read_limits = limits(max_file_size, max_nodes, max_alias_nodes, max_depth)
    table = resolve_rates(open_modelled_plan(plan, read_limits).plan, overrides)
    render = render_json if output_format is RatesFormat.json else render_text
    sys.stdout.write(render(table))
