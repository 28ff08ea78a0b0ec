"""`lint PLAN --against SNAPSHOT`: a plan checked as a change to a running cloud."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from netplan_cs.document import open_against, open_plan
from netplan_cs.engine.registry import load_rules
from netplan_cs.engine.run import LintResult, lint_file
from netplan_cs.engine.suppressions import apply_suppressions
from tests.cli_helpers import run_cli
from tests.conftest import SAMPLES, corpus_files

SNAPSHOT = SAMPLES / "snapshot"
NEW_POD = SAMPLES / "changes" / "new-pod.yaml"
RULES = load_rules()


def _lint_against(plan: Path, cloud: Path) -> list[str]:
    found = lint_file(LintResult(), plan, RULES, against=cloud)
    return [f"{Path(f.file).name}:{f.line} {f.rule} {f.message}" for f in found]


PLANS = [*sorted(SAMPLES.glob("*.yaml")), *corpus_files()]


@pytest.mark.parametrize("plan", PLANS, ids=[p.name for p in PLANS])
def test_a_plan_checked_against_itself_brings_nothing(plan: Path) -> None:
    """Every element is matched with itself: no duplicate, no change, no finding."""
    assert _lint_against(plan, plan) == []


def test_the_snapshot_converted_brings_nothing_to_the_snapshot(tmp_path: Path) -> None:
    converted = tmp_path / "cloud.yaml"
    assert run_cli("convert", str(SNAPSHOT), "-o", str(converted)).code == 0
    assert _lint_against(converted, SNAPSHOT) == []


def test_a_new_pod_is_checked_against_the_pods_the_cloud_has() -> None:
    found = lint_file(LintResult(), NEW_POD, RULES, against=SNAPSHOT)
    by_rule = {f.rule: f for f in found}
    assert sorted({f.rule for f in found}) == ["A007", "A009", "P009"]
    # the public range overlaps the cloud's own: both sides named, each in its own file
    [public] = [f for f in found if f.rule == "A009" and "public range" in f.message]
    assert public.file == str(NEW_POD)
    assert public.related[0].file == str(SNAPSHOT / "vlanipranges.json")
    assert '"203.0.113.10"' in (SNAPSHOT / "vlanipranges.json").read_text().splitlines()[
        public.related[0].line - 1]
    change = by_rule["P009"]
    assert "10.10.0.150" in change.message and "10.10.0.140" in change.message
    assert change.related[0].file == str(SNAPSHOT / "pods.json")


def test_the_clouds_own_findings_are_not_the_plans(tmp_path: Path) -> None:
    """The snapshot's R002 infos exist before the change: the plan does not bring them."""
    assert any(f.rule == "R002" for f in lint_file(LintResult(), SNAPSHOT, RULES))
    assert not [line for line in _lint_against(NEW_POD, SNAPSHOT) if " R002 " in line]


def test_an_element_in_both_is_one_element() -> None:
    merged = open_against(NEW_POD, SNAPSHOT).plan
    assert merged is not None
    [zone, _basic] = merged.zones
    assert [p.name for p in zone.pods] == ["pod-a", "pod-b2"]
    assert [c.name for c in zone.pods[0].clusters] == ["kvm-a1"]  # kept from the cloud
    assert len(zone.public_ranges) == 2


def test_an_inline_suppression_in_the_plan_covers_only_the_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(NEW_POD.read_text().replace(
        "        gateway: 10.10.0.129\n",
        "        gateway: 10.10.0.129  # netplan-cs: ignore[A007,A009] lab pod, reviewed\n", 1))
    found = _lint_against(plan, SNAPSHOT)
    assert not [line for line in found if "gateway 10.10.0.129" in line or " A007 " in line]
    assert [line for line in found if " A009 " in line]  # the others stay
    # a finding on the same line of a snapshot file is not the plan's to suppress
    [finding] = [f for f in lint_file(LintResult(), NEW_POD, RULES, against=SNAPSHOT)
                 if f.rule == "A007"]
    elsewhere = replace(finding, file=str(SNAPSHOT / "pods.json"))
    ran = [rule for rule in RULES if rule.id != "P100"]
    assert apply_suppressions(plan.read_text(), [elsewhere], ran, RULES, str(plan)) == \
        [elsewhere]


def test_cli_against_exit_codes_and_errors(tmp_path: Path) -> None:
    assert run_cli("lint", str(NEW_POD), "--against", str(SNAPSHOT)).code == 1
    clean = run_cli("lint", str(SAMPLES / "nested-kvm-lab.yaml"), "--against",
                    str(SAMPLES / "nested-kvm-lab.yaml"))
    assert clean.code == 0, clean.out
    missing = run_cli("lint", str(NEW_POD), "--against", str(tmp_path / "absent"))
    assert missing.code == 2 and "no such file" in missing.err
    assert open_plan(NEW_POD).plan is not None  # the plan alone is a plan
