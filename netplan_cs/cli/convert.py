"""`netplan-cs convert PLAN`: write a Marvin config (or any plan) in the native YAML form."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from netplan_cs.cli.common import MaxAliasNodes, MaxDepth, MaxFileSize, MaxNodes, fail, limits
from netplan_cs.errors import InputError
from netplan_cs.load.limits import DEFAULT_LIMITS
from netplan_cs.load.location import DataPath
from netplan_cs.model.secrets import (
    holds_clear_secret,
    is_reference,
    is_secret_key,
    url_password,
    without_url_password,
)

if TYPE_CHECKING:
    from netplan_cs.document import PlanDocument


def _replace_secrets(node: Any, source: Any, path: DataPath,
                     found: list[tuple[str, DataPath]]) -> Any:
    """Copy of `node` with every clear secret (judged on `source`, the data as written)
    replaced by an environment reference."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            original = source.get(key) if isinstance(source, dict) else None
            if is_secret_key(key) and is_reference(original):
                out[key] = original
            elif holds_clear_secret(key, original):
                name = f"CLOUDSTACK_SECRET_{len(found) + 1}"
                found.append((name, (*path, key)))
                out[key] = f"${{{name}}}"
            elif isinstance(original, str) and url_password(original) is not None:
                name = f"CLOUDSTACK_SECRET_{len(found) + 1}"
                found.append((name, (*path, key)))
                out[key] = without_url_password(original, f"${{{name}}}")
            else:
                out[key] = _replace_secrets(value, original, (*path, key), found)
        return out
    if isinstance(node, list):
        items = source if isinstance(source, list) else []
        return [_replace_secrets(item, items[i] if i < len(items) else None, (*path, i), found)
                for i, item in enumerate(node)]
    return node


def _native_form(document: "PlanDocument") -> Any:
    """The plan as the model normalised it (booleans, case, VLAN text), when it is sound;
    the imported data as it stands when the model had to leave parts out."""
    if document.plan is not None and not document.problems:
        dumped = document.plan.model_dump(mode="json", exclude_unset=True)
        return {"version": dumped.pop("version", 1), **dumped}
    return document.data


def convert(
    plan: Annotated[Path, typer.Argument(
        help="A Marvin .cfg, a snapshot folder or a native plan.")],
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="Write here instead of stdout.")] = None,
    force: Annotated[bool, typer.Option(help="Replace the output file if it exists.")] = False,
    max_file_size: MaxFileSize = DEFAULT_LIMITS.max_bytes,
    max_nodes: MaxNodes = DEFAULT_LIMITS.max_nodes,
    max_alias_nodes: MaxAliasNodes = DEFAULT_LIMITS.max_alias_nodes,
    max_depth: MaxDepth = DEFAULT_LIMITS.max_depth,
) -> None:
    """Write the plan in netplan-cs's native YAML form; secrets become ${VAR} references."""
    from netplan_cs.document import open_plan

    try:
        document = open_plan(plan, limits(max_file_size, max_nodes, max_alias_nodes, max_depth))
    except InputError as error:
        raise fail(error) from None
    secrets: list[tuple[str, DataPath]] = []
    data = _replace_secrets(_native_form(document), document.data, (), secrets)
    from netplan_cs.output.yaml_emit import to_yaml

    header = f"# Converted from {plan.name} ({document.dialect}) by netplan-cs convert.\n"
    text = header + to_yaml(data)
    for name, path in secrets:
        print(f"netplan-cs: {document.display_path(path)} written as ${{{name}}} (a secret is "
              "never copied)", file=sys.stderr)
    if document.problems:
        print(f"netplan-cs: {len(document.problems)} schema problem(s) (see `netplan-cs lint`); "
              "the plan is written as read, not normalised", file=sys.stderr)
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
