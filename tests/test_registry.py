"""Rule discovery: built-in rules, an organisation's own rules folder, and its mistakes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netplan_cs.engine.registry import builtin_rules_dir, load_rules, matches, select
from netplan_cs.errors import InputError
from tests.cli_helpers import run_cli
from tests.conftest import SAMPLES

CUSTOM_RULE = '''
from netplan_cs.engine.findings import Finding

ID = "X901"
NAME = "zone-name-prefix"
SEVERITY = "warning"
SUMMARY = "zone names start with the site code"


def check(ctx):
    for index, zone in enumerate(ctx.plan.zones):
        if not zone.name.startswith("tyo-"):
            yield Finding(("zones", index, "name"), f"zone {zone.name} lacks the tyo- prefix")
'''


def make_rules_dir(root: Path, folder: str = "X901-zone-name-prefix") -> Path:
    rule = root / "site" / folder
    rule.mkdir(parents=True)
    (rule / "rule.py").write_text(CUSTOM_RULE)
    return root


def test_builtin_rules_are_found_in_the_checkout() -> None:
    assert (builtin_rules_dir() / "plan" / "P001-plan-schema" / "rule.py").is_file()


def test_custom_rules_dir_adds_rules_that_fire(tmp_path: Path) -> None:
    rules_dir = make_rules_dir(tmp_path / "rules")
    result = run_cli("lint", "--format", "json", "--rules-dir", str(rules_dir),
                     "--select", "X901", str(SAMPLES / "nested-kvm-lab.yaml"))
    findings = json.loads(result.out)["findings"]
    assert [(f["rule"], f["line"], f["path"]) for f in findings] == [
        ("X901", 14, "zones[zone1].name")]
    assert result.code == 0  # a warning, below the default fail level


def test_a_misnamed_rule_folder_is_an_input_error(tmp_path: Path) -> None:
    rules_dir = make_rules_dir(tmp_path / "rules", folder="zone-name-prefix")
    with pytest.raises(InputError, match="must be named <ID>-<name>"):
        load_rules([rules_dir])
    rules_dir = make_rules_dir(tmp_path / "other", folder="X902-zone-name-prefix")
    with pytest.raises(InputError, match="must match the folder name"):
        load_rules([rules_dir])


def test_a_rule_id_cannot_be_defined_twice(tmp_path: Path) -> None:
    rule = tmp_path / "rules" / "plan" / "P001-plan-schema"
    rule.mkdir(parents=True)
    (rule / "rule.py").write_text(CUSTOM_RULE.replace("X901", "P001").replace(
        "zone-name-prefix", "plan-schema"))
    with pytest.raises(InputError, match="already defined"):
        load_rules([tmp_path / "rules"])


def test_selectors() -> None:
    rules = load_rules()
    p001 = next(rule for rule in rules if rule.id == "P001")
    assert matches(p001, "P001") and matches(p001, "plan-schema") and matches(p001, "P")
    assert matches(p001, "p0") and matches(p001, "ALL")
    assert not matches(p001, "P002") and not matches(p001, "S")
    assert [r.id for r in select(rules, ["P"], ["P0"])] == ["P100"]
    without_p = {r.id for r in select(rules, [], ["P"])}
    assert "S001" in without_p
    assert not any(rule_id.startswith("P") for rule_id in without_p)
