"""`netplan-cs convert PLAN`: write a Marvin config (or any plan) in the native YAML form."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from netplan_cs.cli.common import MaxAliasNodes, MaxDepth, MaxFileSize, MaxNodes, fail, limits
from netplan_cs.document import open_plan
from netplan_cs.errors import InputError
from netplan_cs.load.limits import DEFAULT_LIMITS
from netplan_cs.load.location import DataPath
from netplan_cs.model.secrets import holds_clear_secret


def _replace_secrets(node: Any, path: DataPath, found: list[tuple[str, DataPath]]) -> Any:
    """Copy of `node` with every clear secret replaced by an environment reference."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if holds_clear_secret(key, value):
                name = f"CLOUDSTACK_SECRET_{len(found) + 1}"
                found.append((name, (*path, key)))
                out[key] = f"${{{name}}}"
            else:
                out[key] = _replace_secrets(value, (*path, key), found)
        return out
    if isinstance(node, list):
        return [_replace_secrets(item, (*path, i), found) for i, item in enumerate(node)]
    return node


def convert(
    plan: Annotated[Path, typer.Argument(help="A Marvin .cfg (or native) plan file.")],
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="Write here instead of stdout.")] = None,
    force: Annotated[bool, typer.Option(help="Replace the output file if it exists.")] = False,
    max_file_size: MaxFileSize = DEFAULT_LIMITS.max_bytes,
    max_nodes: MaxNodes = DEFAULT_LIMITS.max_nodes,
    max_alias_nodes: MaxAliasNodes = DEFAULT_LIMITS.max_alias_nodes,
    max_depth: MaxDepth = DEFAULT_LIMITS.max_depth,
) -> None:
    """Write the plan in netplan-cs's native YAML form; secrets become ${VAR} references."""
    try:
        document = open_plan(plan, limits(max_file_size, max_nodes, max_alias_nodes, max_depth))
    except InputError as error:
        raise fail(error) from None
    secrets: list[tuple[str, DataPath]] = []
    data = _replace_secrets(document.data, (), secrets)
    from netplan_cs.output.yaml_emit import to_yaml

    header = (f"# Converted from {plan.name} ({document.dialect}) by netplan-cs convert.\n"
              "# yaml-language-server: $schema=https://netplan-cs.invalid/schema/plan.json\n")
    text = header + to_yaml(data)
    for name, path in secrets:
        print(f"netplan-cs: {document.display_path(path)} written as ${{{name}}} (a secret is "
              "never copied)", file=sys.stderr)
    if document.imported.notes:
        print(f"netplan-cs: {len(document.imported.notes)} key(s) that Marvin ignores were left "
              "out; `netplan-cs lint` lists them (P002)", file=sys.stderr)
    if output is None:
        sys.stdout.write(text)
        return
    from netplan_cs.output.files import write_output

    try:
        write_output(output, text, force, inputs=[plan])
    except InputError as error:
        raise fail(error) from None
