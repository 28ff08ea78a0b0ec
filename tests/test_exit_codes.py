"""Exit codes across option combinations: 0 clean, 1 findings at the fail level, 2 bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_helpers import PLAN, lint, run, write_plan

CLEAN = PLAN.replace("  - name: zone1\n", "  - name: zone2\n", 1)
SECRET_ONLY = CLEAN.replace("  - ipaddress: 10.1.20.5\n",
                            "  - ipaddress: 10.1.20.5\n    apikey: AbCdEf0123456789\n")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


FORMATS = ["text", "json", "sarif", "github", "junit"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("text", "fail_level", "expected"), [
    (CLEAN, None, 0), (CLEAN, "info", 0),
    (SECRET_ONLY, None, 0), (SECRET_ONLY, "error", 0), (SECRET_ONLY, "warning", 1),
    (SECRET_ONLY, "info", 1),
    (PLAN, None, 1), (PLAN, "error", 1), (PLAN, "warning", 1),
])
def test_fail_level_by_format(tmp_path: Path, fmt: str, text: str, fail_level: str | None,
                              expected: int) -> None:
    args = ["-f", fmt, write_plan(tmp_path, text)]
    if fail_level:
        args += ["--fail-level", fail_level]
    assert lint(*args)[0] == expected


@pytest.mark.parametrize(("options", "expected"), [
    ([], 1),
    (["--select", "S001"], 0),
    (["--select", "S001", "--fail-level", "warning"], 1),
    (["--ignore", "P005"], 0),
    (["--ignore", "P005,S001", "--fail-level", "info"], 0),
    (["--select", "P", "--ignore", "duplicate-name"], 0),
    (["--select", "P0O5"], 2),
    (["--ignore", "nosuchrule"], 2),
    (["--fail-level", "fatal"], 2),
    (["--format", "xml"], 2),
    (["--output-format", "sarif"], 2),
    (["--output-format", "sarif", "--output-file", "r.sarif"], 1),
    (["--output-format", "sarif", "--output-file", "r.sarif", "--ignore", "P005"], 0),
    (["--write-baseline", "b.json"], 0),
    (["--no-inline-ignores"], 1),
    (["--config", "missing.toml"], 2),
    (["--rules-dir", "missing"], 2),
])
def test_option_combinations(tmp_path: Path, options: list[str], expected: int) -> None:
    plan = write_plan(tmp_path)
    code = run("lint", *options, plan)[0] if "--select" in options else lint(*options, plan)[0]
    assert code == expected


@pytest.mark.parametrize("fmt", FORMATS)
def test_unreadable_plan_exits_2_in_every_format(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "broken.yaml").write_text("zones: [\n", encoding="utf-8")
    code, _, err = run("lint", "-f", fmt, write_plan(tmp_path, CLEAN), "broken.yaml")
    assert code == 2 and "broken.yaml:" in err


def test_baseline_then_clean_run_is_0_and_new_finding_is_1(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, PLAN)
    assert lint(plan, "--write-baseline", "b.json")[0] == 0
    assert lint(plan, "--baseline", "b.json")[0] == 0
    plan.write_text(PLAN + PLAN[PLAN.index("  - name: zone1", 60):], encoding="utf-8")
    assert lint(plan, "--baseline", "b.json")[0] == 1


def test_config_fail_level_and_command_line(tmp_path: Path) -> None:
    (tmp_path / ".netplan-cs.toml").write_text('fail-level = "warning"\n', encoding="utf-8")
    plan = write_plan(tmp_path, SECRET_ONLY)
    assert lint(plan)[0] == 1
    assert lint("--fail-level", "error", plan)[0] == 0


@pytest.mark.parametrize(("args", "expected"), [
    (("lint", "--format", "xml", "plan.yaml"),
     "netplan-cs lint: error: Invalid value for '--format' / '-f': 'xml' is not one of"),
    (("budget", "--isolated-networks", "abc", "plan.yaml"),
     "netplan-cs budget: error: Invalid value for '--isolated-networks': expected a whole "
     "number, got 'abc'"),
    (("lint", "--select", "X999", "plan.yaml"), "netplan-cs: error: unknown rule 'X999'"),
    (("frob",), "netplan-cs: error: No such command 'frob'."),
])
def test_usage_errors_are_in_our_words(args: tuple[str, ...], expected: str) -> None:
    """Exit 2, one plain message and where help is: no library sentence, no fake position."""
    from tests.cli_helpers import run_cli

    result = run_cli(*args)
    assert result.code == 2
    assert result.err.startswith(expected), result.err
    for library in ("Value error", "Input should be", "Traceback", "<command line>", "╭"):
        assert library not in result.err


def _reading_commands() -> list[tuple[str, ...]]:
    from tests.fuzzing import COMMANDS

    return [command.argv for command in COMMANDS]


@pytest.mark.parametrize("args", _reading_commands(), ids=lambda a: "-".join(a[:3]))
def test_every_command_that_reads_a_plan_takes_the_input_limits(args: tuple[str, ...],
                                                               tmp_path: Path) -> None:
    from tests.cli_helpers import run_cli

    plan = tmp_path / "big.yaml"
    plan.write_text("zones: []\n" + "#" * 3000 + "\n", encoding="utf-8")
    line = [part.format(plan=plan, out=tmp_path / "out.html") for part in args]
    result = run_cli(line[0], "--max-file-size", "1K", *line[1:])
    assert result.code == 2
    assert f"{plan}: error: the file is larger than the limit of 1024 bytes" in result.err
