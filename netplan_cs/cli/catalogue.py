"""`netplan-cs rules`, `explain` and `schema`: the catalogue and formats for people and tools."""

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from netplan_cs.choices import Choice
from netplan_cs.cli.common import fail
from netplan_cs.errors import COMMAND_LINE, InputError
from netplan_cs.output.json_text import json_text

if TYPE_CHECKING:
    from netplan_cs.engine.registry import Rule


class CatalogueFormat(Choice):
    table = "table"
    json = "json"
    markdown = "markdown"


class SchemaKind(Choice):
    plan = "plan"
    config = "config"
    findings = "findings"


def _rows(rules: list["Rule"]) -> list[dict[str, str]]:
    """The terminal table's rows: `error (varies)` where `explain` says when."""
    return [{"id": r.id, "name": r.name, "category": r.category,
             "severity": f"{r.severity}{' (varies)' if r.severity_varies else ''}",
             "summary": r.summary} for r in rules]


def _json_rows(rules: list["Rule"]) -> list[dict[str, object]]:
    """Every rule with its default severity, when findings differ from it, and what
    CloudStack does with the input, from each README."""
    return [{"id": r.id, "name": r.name, "category": r.category, "severity": str(r.severity),
             "severity_varies": r.severity_varies, "summary": r.summary,
             "cloudstack": r.cloudstack_reference() or None} for r in rules]


def _cell(text: str) -> str:
    return text.replace("|", "/")


def rules_markdown(rules: list["Rule"]) -> str:
    """The catalogue as a Markdown table (README.md's rules index is this, verbatim): what
    each rule reports and what CloudStack does with that input, so users can audit it."""
    lines = ["| ID | name | severity | what it reports | CloudStack | read in |",
             "|---|---|---|---|---|---|"]
    for r in rules:
        reference = r.cloudstack_reference()
        verdict = r.cloudstack or "not stated"
        if reference.get("message"):
            verdict += ": " + reference["message"]
        lines.append(f"| {r.id} | {r.name} | {_cell(r.severity_text)} | {_cell(r.summary)} | "
                     f"{_cell(verdict)} | {_cell(reference.get('read_in', ''))} |")
    return "\n".join(lines) + "\n"


def rules(
    output_format: Annotated[CatalogueFormat, typer.Option(
        "--format", "-f", help="table, json or markdown.")] = CatalogueFormat.table,
) -> None:
    """List every rule: ID, name, category, default severity and summary."""
    from tabulate import tabulate

    from netplan_cs.engine.registry import load_rules

    catalogue = load_rules()
    rows = _rows(catalogue)
    if output_format is CatalogueFormat.json:
        sys.stdout.write(json_text(_json_rows(catalogue)))
        return
    if output_format is CatalogueFormat.markdown:
        sys.stdout.write(rules_markdown(catalogue))
        return
    table = [list(row.values()) for row in rows]
    sys.stdout.write(tabulate(table, headers=list(rows[0]) if rows else [],
                              tablefmt="simple") + "\n")


def find_rule(catalogue: list["Rule"], key: str) -> "Rule":
    """A rule by exact ID or name (case-insensitive), else a usage error with a suggestion."""
    from netplan_cs.spelling import nearest

    for rule in catalogue:
        if key.upper() == rule.id or key.lower() == rule.name:
            return rule
    hint = nearest(key, [r.id for r in catalogue] + [r.name for r in catalogue])
    extra = f" (did you mean {hint}?)" if hint else "; `netplan-cs rules` lists them"
    raise InputError(COMMAND_LINE, f"unknown rule {key!r}{extra}")


def explanation(rule: "Rule") -> str:
    """The rule's README followed by its example plans, each in a fenced block."""
    text = rule.readme.read_text(encoding="utf-8").rstrip() + "\n"
    header = (f"\nRule {rule.id} {rule.name}: category {rule.category}, severity "
              f"{rule.severity_text}.")
    if rule.options:
        header += " Options (defaults): " + ", ".join(
            f"{key} = {value!r}" for key, value in rule.options.items()) + "."
    parts = [text, header + "\n"]
    for kind in ("fail", "pass"):
        for example in rule.examples(kind):
            language = "json" if example.suffix in (".cfg", ".json") else "yaml"
            body = example.read_text(encoding="utf-8").rstrip()
            parts.append(f"\n## Example plan ({kind}): {example.name}\n\n```{language}\n"
                         f"{body}\n```\n")
    return "".join(parts)


def explain(
    rule: Annotated[str, typer.Argument(help="A rule ID (P005) or name (duplicate-name).")],
) -> None:
    """Print a rule's documentation with its example plans inlined."""
    from netplan_cs.engine.registry import load_rules

    try:
        found = find_rule(load_rules(), rule)
    except InputError as error:
        raise fail(error) from None
    sys.stdout.write(explanation(found))


def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="plan, config or findings.")] = SchemaKind.plan,
) -> None:
    """Print a JSON Schema generated from netplan-cs's models (for editors and CI tools)."""
    from netplan_cs.schemas.generate import json_schema

    sys.stdout.write(json_text(json_schema(kind.value)))
