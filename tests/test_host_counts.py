"""Counts say what they count: C002 and `budget` name the declared hosts and those left out."""

from __future__ import annotations

from pathlib import Path

from netplan_cs.document import open_plan
from netplan_cs.engine.registry import load_rules, select
from netplan_cs.engine.run import lint_document
from tests.cli_helpers import run
from tests.test_vocabularies import PLAN


def test_c002_and_budget_count_declared_hosts_and_the_ones_outside(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.format(hypervisor="KVM"), encoding="utf-8")
    [finding] = lint_document(open_plan(plan), select(load_rules(), ["C002"], []))
    assert finding.message.endswith(
        "but 2 of the pod's 3 hosts (1 outside the pod CIDR, counted by A012) need one")
    code, out, _ = run("budget", plan)
    assert code == 0
    assert "2 of 3 hosts (1 outside the pod CIDR, counted by A012)" in out
