"""Baselines: written once, matched by rule, file and plan path, stale entries reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_helpers import PLAN, PLAN_WITH_SECRET, lint, run, write_plan


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return write_plan(tmp_path)


def test_round_trip_survives_lines_inserted_above(plan: Path, tmp_path: Path) -> None:
    code, _, err = lint(plan, "--write-baseline", "base.json")
    assert code == 0 and "wrote 2 finding(s) to the baseline base.json" in err
    entries = json.loads((tmp_path / "base.json").read_text())["entries"]
    assert [(e["rule"], e["file"], e["path"]) for e in entries] == [
        ("P005", "plan.yaml", "zones[zone1].name"),
        ("S001", "plan.yaml", "management_servers[0].apikey")]
    plan.write_text("# Lab plan, reviewed.\n\n\n" + plan.read_text(), encoding="utf-8")
    code, out, err = lint(plan, "--baseline", "base.json")
    assert code == 0
    assert out.splitlines()[-1] == "0 error(s), 0 warning(s), 0 info in 1 file(s)"
    assert "2 finding(s) accepted by the baseline base.json" in err


def test_new_finding_fails_and_fixed_one_is_stale(plan: Path, tmp_path: Path) -> None:
    assert run("lint", plan, "--select", "P005", "--write-baseline", "base.json")[0] == 0
    plan.write_text(PLAN_WITH_SECRET.replace("zone1", "zone2", 1), encoding="utf-8")
    code, out, err = lint(plan, "--baseline", "base.json", "--fail-level", "warning")
    assert code == 1
    assert "S001 [warning]" in out and "P005" not in out
    assert "stale baseline entry P005 plan.yaml zones[zone1].name" in err


def test_baseline_is_per_file(plan: Path, tmp_path: Path) -> None:
    assert lint(plan, "--write-baseline", "base.json")[0] == 0
    other = write_plan(tmp_path, PLAN, "other.yaml")
    code, out, err = lint(plan, other, "--baseline", "base.json")
    assert code == 1 and "other.yaml:9:11: P005 [error]" in out
    assert "stale" not in err


def test_baseline_works_from_another_directory(plan: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert lint(plan, "--write-baseline", "base.json")[0] == 0
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert lint("../plan.yaml", "--baseline", "../base.json")[0] == 0


def test_baseline_counts_identical_findings(tmp_path: Path, plan: Path) -> None:
    plan.write_text(PLAN + PLAN[PLAN.index("  - name: zone1", 60):], encoding="utf-8")
    assert run("lint", plan, "--select", "P005", "--write-baseline", "base.json")[0] == 0
    assert len(json.loads((tmp_path / "base.json").read_text())["entries"]) == 2
    plan.write_text(plan.read_text() + PLAN[PLAN.index("  - name: zone1", 60):],
                    encoding="utf-8")
    code, out, _ = run("lint", plan, "--select", "P005", "--baseline", "base.json")
    assert code == 1 and out.count("P005 [error]") == 1


def test_write_baseline_never_replaces_files_unasked(plan: Path, tmp_path: Path) -> None:
    (tmp_path / "base.json").write_text("{}", encoding="utf-8")
    code, _, err = lint(plan, "--write-baseline", "base.json")
    assert code == 2 and "pass --force" in err
    assert lint(plan, "--write-baseline", "base.json", "--force")[0] == 0
    code, _, err = lint(plan, "--write-baseline", plan, "--force")
    assert code == 2 and "refusing to write over an input file" in err


@pytest.mark.parametrize(("content", "message"), [
    ("not json", "not a baseline (invalid JSON"),
    ('{"version": 2, "entries": []}', "not a netplan-cs baseline"),
    ('{"version": 1, "entries": [{"rule": "P005"}]}', "lacks rule, file or path"),
])
def test_bad_baseline_exits_2(plan: Path, tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "base.json").write_text(content, encoding="utf-8")
    code, out, err = lint(plan, "--baseline", "base.json")
    assert (code, out) == (2, "") and message in err


def test_missing_baseline_exits_2(plan: Path) -> None:
    code, _, err = lint(plan, "--baseline", "nope.json")
    assert code == 2 and "cannot read the baseline" in err


def test_baseline_and_write_baseline_exclude_each_other(plan: Path) -> None:
    code, _, err = lint(plan, "--baseline", "a.json", "--write-baseline", "b.json")
    assert code == 2 and "exclude each other" in err


def test_no_baseline_from_a_run_with_unreadable_files(plan: Path, tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("zones: [\n", encoding="utf-8")
    code, _, err = lint(plan, "broken.yaml", "--write-baseline", "base.json")
    assert code == 2 and "was not written: 1 file(s) could not be read" in err
    assert not (tmp_path / "base.json").exists()


def test_output_file_never_replaces_the_baseline(plan: Path, tmp_path: Path) -> None:
    assert lint(plan, "--write-baseline", "base.json")[0] == 0
    code, _, err = lint(plan, "--baseline", "base.json", "--output-format", "json",
                       "--output-file", "base.json", "--force")
    assert code == 2 and "refusing to write over an input file" in err
    assert json.loads((tmp_path / "base.json").read_text())["version"] == 1
