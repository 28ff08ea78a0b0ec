"""`netplan-cs rules`, `explain` and `schema`."""

from __future__ import annotations

import json

import pytest

from netplan_cs.engine.registry import load_rules
from tests.cli_helpers import run


def test_rules_json_lists_the_catalogue() -> None:
    code, out, _ = run("rules", "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert [row["id"] for row in rows] == [rule.id for rule in load_rules()]
    p005 = next(row for row in rows if row["id"] == "P005")
    assert {key: p005[key] for key in ("id", "name", "category", "severity")} == {
        "id": "P005", "name": "duplicate-name", "category": "plan", "severity": "error"}
    assert p005["summary"].startswith("two zones")
    l007 = next(row for row in rows if row["id"] == "L007")
    assert l007["cloudstack"]["verdict"] == "refuses"
    assert "advanced security enabled zone" in l007["cloudstack"]["message"]
    assert l007["cloudstack"]["code"].startswith("server/src/main/java/com/cloud/resource/")


def test_rules_table_and_markdown() -> None:
    table = run("rules")[1].splitlines()
    assert table[0].split()[:4] == ["id", "name", "category", "severity"]
    assert ["S001", "plaintext-secret", "secrets", "warning"] in [line.split()[:4]
                                                                 for line in table]
    markdown = run("rules", "-f", "markdown")[1].splitlines()
    assert markdown[0] == "| ID | name | severity | what it reports | CloudStack | read in |"
    assert markdown[1] == "|---|---|---|---|---|---|"
    l002 = next(line for line in markdown if line.startswith("| L002 "))
    assert l002.endswith('| refuses: "Unsupported configuration.  Management network is on a '
                         'VLAN.  host=...; pif=...; vlan=..." | 4.19 |')


@pytest.mark.parametrize("key", ["P005", "p005", "duplicate-name"])
def test_explain_inlines_the_examples(key: str) -> None:
    code, out, _ = run("explain", key)
    assert code == 0
    assert out.startswith("# P005 duplicate-name\n")
    assert "Rule P005 duplicate-name: category plan, severity error; a warning for physical" in out
    assert "## Example plan (fail): twins.yaml\n\n```yaml\n" in out
    assert "## Example plan (pass): distinct.yaml" in out


def test_explain_unknown_rule_suggests() -> None:
    code, out, err = run("explain", "duplicate-nam")
    assert (code, out) == (2, "")
    assert "unknown rule 'duplicate-nam' (did you mean duplicate-name?)" in err


def test_schema_plan_describes_values_as_written() -> None:
    schema = json.loads(run("schema", "plan")[1])
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "zones" in schema["properties"]
    pod = schema["$defs"]["Pod"]
    assert pod["additionalProperties"] is False
    assert pod["properties"]["gateway"]["type"] == "string"


def test_schema_config_uses_the_file_spelling() -> None:
    schema = json.loads(run("schema", "config")[1])
    assert set(schema["properties"]) == {"select", "ignore", "severity", "fail-level",
                                         "per-path-ignores", "rules"}
    assert schema["additionalProperties"] is False


def test_schema_findings() -> None:
    schema = json.loads(run("schema", "findings")[1])
    assert schema["required"] == ["version", "tool", "files", "findings", "errors", "summary"]


def test_schema_unknown_kind_exits_2() -> None:
    assert run("schema", "plans")[0] == 2
