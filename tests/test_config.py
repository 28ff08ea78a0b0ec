"""Configuration files: discovery, keys, errors with suggestions, options fed to rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from netplan_cs.config import path_glob
from tests.cli_helpers import ERROR_LINE, PLAN, PLAN_WITH_SECRET, lint, run, write_plan

OPTION_RULE = '''
ID = "Q900"
NAME = "echo-option"
SEVERITY = "info"
SUMMARY = "reports the threshold option it was given"
OPTIONS = {"threshold": 0.75}

from netplan_cs.engine.findings import Finding


def check(ctx):
    yield Finding(("zones", 0, "name"), f"threshold {ctx.options['threshold']}")
'''


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "extra" / "custom" / "Q900-echo-option"
    folder.mkdir(parents=True)
    (folder / "rule.py").write_text(OPTION_RULE, encoding="utf-8")
    return tmp_path / "extra"


def test_pyproject_table_is_found_upward(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.netplan-cs]\nignore = ["P005"]\n', encoding="utf-8")
    deep = tmp_path / "plans" / "lab"
    deep.mkdir(parents=True)
    code, out, _ = lint(write_plan(deep, PLAN))
    assert (code, "P005" in out) == (0, False)


def test_nearest_config_wins_and_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / ".netplan-cs.toml").write_text('ignore = ["P005"]\n', encoding="utf-8")
    inner = tmp_path / "lab"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    skipped = write_plan(inner, PLAN)
    assert lint(skipped)[0] == 0  # the outer .netplan-cs.toml applies
    (inner / ".netplan-cs.toml").write_text('select = ["P"]\n', encoding="utf-8")
    assert lint(skipped)[0] == 1  # the nearer one replaces it
    assert lint(write_plan(tmp_path, PLAN, "outer.yaml"))[0] == 0


def test_config_select_applies_without_select_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / ".netplan-cs.toml").write_text('select = ["plaintext-secret"]\n',
                                               encoding="utf-8")
    code, out, _ = run("lint", write_plan(tmp_path, PLAN_WITH_SECRET))
    assert code == 0
    assert "S001 [warning]" in out and "P005" not in out


def test_explicit_config_replaces_discovery(tmp_path: Path) -> None:
    (tmp_path / ".netplan-cs.toml").write_text('ignore = ["P005"]\n', encoding="utf-8")
    other = tmp_path / "strict.toml"
    other.write_text('select = ["ALL"]\n', encoding="utf-8")
    plan = write_plan(tmp_path, PLAN)
    assert lint(plan)[0] == 0
    assert lint("--config", other, plan)[0] == 1


def test_severity_override_and_fail_level(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    config = tmp_path / ".netplan-cs.toml"
    config.write_text('[severity]\nduplicate-name = "warning"\n', encoding="utf-8")
    code, out, _ = lint(plan)
    assert code == 0
    assert f"plan.yaml:{ERROR_LINE}:11: P005 [warning]" in out
    config.write_text('fail-level = "warning"\n[severity]\nP005 = "warning"\n',
                      encoding="utf-8")
    assert lint(plan)[0] == 1
    assert lint("--fail-level", "error", plan)[0] == 0  # the command line wins


def test_per_path_ignores(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    (tmp_path / ".netplan-cs.toml").write_text(
        '[per-path-ignores]\n"zones[zone1].**" = ["P005"]\n"management_servers[*].apikey" = '
        '["S001"]\n', encoding="utf-8")
    code, out, _ = lint(plan)
    assert (code, out.splitlines()[-1]) == (0, "0 error(s), 0 warning(s), 0 info in 1 file(s)")


def test_path_glob() -> None:
    assert path_glob("zones[lab].**").fullmatch("zones[lab].pods[p1].startip")
    assert path_glob("zones[lab].**").fullmatch("zones[lab]")
    assert not path_glob("zones[lab].**").fullmatch("zones[lab2].name")
    assert path_glob("zones[*].name").fullmatch("zones[z1].name")
    assert not path_glob("zones[*].name").fullmatch("zones[z1].pods[p].name")


def test_rule_options_reach_the_rule(tmp_path: Path, rules_dir: Path) -> None:
    plan = write_plan(tmp_path, PLAN)
    args = ["lint", "--rules-dir", rules_dir, "--select", "Q900", "--fail-level", "info", plan]
    assert "threshold 0.75" in run(*args)[1]
    (tmp_path / ".netplan-cs.toml").write_text("[rules.Q900]\nthreshold = 0.8\n",
                                               encoding="utf-8")
    code, out, _ = run(*args)
    assert code == 1 and "Q900 [info] threshold 0.8" in out


@pytest.mark.parametrize(("text", "message"), [
    ('selct = ["P"]\n', "unknown key 'selct' (did you mean 'select'?)"),
    ('ignore = ["P05"]\n', "unknown rule 'P05' (did you mean P005?)"),
    ('[severity]\nduplicate-nme = "info"\n',
     "unknown rule 'duplicate-nme' (did you mean duplicate-name?)"),
    ('[severity]\nP005 = "fatal"\n', "severity.P005: Input should be 'error', 'warning' or "
     "'info'"),
    ('[rules.Q900]\nthreshhold = 1\n',
     "unknown option 'threshhold' for Q900 (did you mean 'threshold'?)"),
    ('[rules.Q900]\nthreshold = "high"\n',
     "option 'threshold' of Q900 expects a float, got 'high'"),
    ("select = [\n", "invalid TOML"),
])
def test_bad_configuration_exits_2(tmp_path: Path, rules_dir: Path, text: str,
                                   message: str) -> None:
    (tmp_path / ".netplan-cs.toml").write_text(text, encoding="utf-8")
    code, out, err = run("lint", "--rules-dir", rules_dir, write_plan(tmp_path, PLAN))
    assert (code, out) == (2, "")
    assert message in err
    assert err.startswith(str(tmp_path / ".netplan-cs.toml") + ":")


def test_unknown_key_error_points_at_its_line(tmp_path: Path) -> None:
    (tmp_path / ".netplan-cs.toml").write_text('select = ["P"]\nfail_levl = "info"\n',
                                               encoding="utf-8")
    _, _, err = lint(write_plan(tmp_path, PLAN))
    assert f"{tmp_path / '.netplan-cs.toml'}:2:1: error: unknown key 'fail_levl'" in err


def test_pyproject_named_with_config_must_have_the_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    code, _, err = run("lint", "--config", tmp_path / "pyproject.toml",
                       write_plan(tmp_path, PLAN))
    assert code == 2 and "no [tool.netplan-cs] table" in err
