"""Every rule fires exactly where its fail examples say, and stays quiet on its pass examples."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from netplan_cs.document import PlanDocument, open_against, open_plan
from netplan_cs.engine.registry import Rule, against_of, load_rules
from netplan_cs.engine.run import lint_document
from tests.expectations import expected_findings

RULES = load_rules()


def _cases(kind: str) -> list[tuple[Rule, Path]]:
    return [(rule, example) for rule in RULES for example in rule.examples(kind)]


def _open(example: Path) -> PlanDocument:
    """The example, laid over the running cloud beside it where it has one."""
    cloud = against_of(example)
    return open_plan(example) if cloud is None else open_against(example, cloud)


def _ids(cases: list[tuple[Rule, Path]]) -> list[str]:
    return [f"{rule.id}-{example.name}" for rule, example in cases]


@pytest.mark.parametrize(("rule", "example"), _cases("fail"), ids=_ids(_cases("fail")))
def test_fail_example_fires_where_marked(rule: Rule, example: Path) -> None:
    expected = Counter({key: n for key, n in expected_findings(example).items()
                        if key[1] == rule.id})
    assert expected, f"{example} has no `# expect: {rule.id}` marker"
    found = Counter((f.line, f.rule) for f in lint_document(_open(example), [rule]))
    assert found == expected


@pytest.mark.parametrize(("rule", "example"), _cases("pass"), ids=_ids(_cases("pass")))
def test_pass_example_stays_quiet(rule: Rule, example: Path) -> None:
    findings = lint_document(_open(example), [rule])
    assert [f"{f.line}: {f.message}" for f in findings] == []
