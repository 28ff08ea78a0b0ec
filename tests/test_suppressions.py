"""Inline suppressions: used, unused (P100), forbidden, file-wide, line above."""

from __future__ import annotations

from pathlib import Path

from netplan_cs.engine.suppressions import parse_suppressions
from tests.cli_helpers import PLAN, lint, write_plan

SECOND_ZONE = ("  - name: zone1\n    networktype: advanced\n    dns1: 8.8.8.8\n"
               "    internaldns1: 8.8.4.4\n    pods: []\n")  # starts on line 9 of PLAN
FIRST_HALF = PLAN[: PLAN.rindex(SECOND_ZONE)]


def _plan(tmp_path: Path, second_zone: str) -> Path:
    return write_plan(tmp_path, FIRST_HALF + second_zone)


def test_trailing_comment_suppresses_its_line(tmp_path: Path) -> None:
    plan = _plan(tmp_path, SECOND_ZONE.replace(
        "  - name: zone1\n", "  - name: zone1  # netplan-cs: ignore[P005] lab twin, see #12\n"))
    code, out, _ = lint(plan)
    assert code == 0 and "P005" not in out and "P100" not in out


def test_comment_on_the_line_above(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "  # netplan-cs: ignore[duplicate-name] accepted\n" + SECOND_ZONE)
    assert lint(plan)[0] == 0


def test_comment_two_lines_above_does_not_apply(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "  # netplan-cs: ignore[P005] accepted\n  - name: zone0\n"
                 "    networktype: advanced\n    dns1: 8.8.8.8\n    internaldns1: 8.8.4.4\n"
                 + SECOND_ZONE)
    code, out, _ = lint(plan)
    assert code == 1
    assert "plan.yaml:9:3: P100 [warning] unused suppression: P005 reports nothing on line 10" \
        in out


def test_ignore_file(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, "# netplan-cs: ignore-file[P005] generated twins\n" + PLAN)
    assert lint(plan)[0] == 0


def test_unused_suppression_is_a_warning(tmp_path: Path) -> None:
    plan = _plan(tmp_path, SECOND_ZONE.replace(
        "    dns1: 8.8.8.8\n", "    dns1: 8.8.8.8  # netplan-cs: ignore[P005] wrong line\n"))
    code, out, _ = lint(plan)
    assert code == 1  # P005 still fires on line 9
    assert "plan.yaml:11:20: P100 [warning] unused suppression: P005 reports nothing on " \
        "line 11; remove it" in out
    assert lint("--fail-level", "error", "--ignore", "P005", plan)[0] == 0


def test_unknown_rule_in_a_suppression(tmp_path: Path) -> None:
    plan = _plan(tmp_path, SECOND_ZONE.replace(
        "  - name: zone1\n", "  - name: zone1  # netplan-cs: ignore[P05] typo\n"))
    code, out, _ = lint(plan)
    assert code == 1
    assert "P100 [warning] suppression names 'P05', which is no rule" in out
    assert "P005 [error]" in out


def test_suppression_of_a_rule_that_did_not_run_is_not_unused(tmp_path: Path) -> None:
    plan = _plan(tmp_path, SECOND_ZONE.replace(
        "  - name: zone1\n", "  - name: zone1  # netplan-cs: ignore[P005]\n"))
    code, out, _ = lint("--ignore", "P005", "--fail-level", "warning", plan)
    assert code == 0 and "P100" not in out


def test_no_inline_ignores_refuses_them(tmp_path: Path) -> None:
    plan = _plan(tmp_path, SECOND_ZONE.replace(
        "  - name: zone1\n", "  - name: zone1  # netplan-cs: ignore[P005] lab twin\n"))
    code, out, _ = lint("--no-inline-ignores", plan)
    assert code == 1
    assert "plan.yaml:9:11: P005 [error]" in out and "P100" not in out


def test_parse_suppressions() -> None:
    [line, whole] = parse_suppressions(
        "a: 1  # netplan-cs: ignore[A009, V003] shared VLAN\n"
        "# netplan-cs: ignore-file[S001]\n")
    assert (line.target, line.selectors, line.reason) == (1, ("A009", "V003"), "shared VLAN")
    assert (whole.target, whole.selectors) == (None, ("S001",))


def test_all_is_refused_in_a_suppression(tmp_path: Path) -> None:
    plan = _plan(tmp_path, SECOND_ZONE.replace(
        "  - name: zone1\n", "  - name: zone1  # netplan-cs: ignore[ALL]\n"))
    code, out, _ = lint(plan)
    assert code == 1 and "P005 [error]" in out
    assert "plan.yaml:9:18: P100 [warning] a suppression must name the rules it accepts" in out


def test_comment_on_the_last_line_covers_nothing_below(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, PLAN + "# netplan-cs: ignore[P005] nothing follows\n")
    code, out, _ = lint(plan)
    assert code == 1
    assert "plan.yaml:14:1: P100 [warning] unused suppression: P005 reports nothing on " \
        "line 14" in out
