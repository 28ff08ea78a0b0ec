"""The pre-commit hook definition: runs `netplan-cs lint` on files that are plans by name."""

from __future__ import annotations

import re

from netplan_cs.load.limits import DEFAULT_LIMITS
from netplan_cs.load.yaml_tree import YamlDocument
from tests.conftest import ROOT


def test_hook_runs_lint_on_plan_files() -> None:
    raw = (ROOT / ".pre-commit-hooks.yaml").read_bytes()
    [hook] = YamlDocument(bytearray(raw), ".pre-commit-hooks.yaml", DEFAULT_LIMITS).data
    assert (hook["id"], hook["entry"], hook["language"]) == ("netplan-cs", "netplan-cs lint",
                                                             "python")
    files = re.compile(hook["files"])
    for plan in ["plans/lab.yaml", "infra/netplan/zone1.yml", "marvin/plan/adv.cfg",
                 "lab.plan.yaml"]:
        assert files.search(plan), plan
    for other in [".github/workflows/ci.yaml", "pyproject.toml", "plans/README.md"]:
        assert not files.search(other), other
