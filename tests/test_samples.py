"""The shipped samples: the clean ones lint clean, the broken ones give exactly their markers."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from netplan_cs.document import open_plan
from netplan_cs.engine.registry import load_rules
from netplan_cs.engine.run import lint_document
from tests.conftest import SAMPLES
from tests.expectations import expected_findings

RULES = load_rules()
CLEAN = sorted(SAMPLES.glob("*.yaml"))
BROKEN = sorted((SAMPLES / "broken").glob("*.yaml"))


def test_samples_exist() -> None:
    names = {path.name for path in CLEAN}
    assert {"nested-kvm-lab.yaml", "basic-zone-xenserver-sg.yaml",
            "advanced-vmware-multipod.yaml"} <= names
    assert BROKEN


@pytest.mark.parametrize("sample", CLEAN, ids=[p.name for p in CLEAN])
def test_clean_sample_has_no_error_or_warning(sample: Path) -> None:
    findings = lint_document(open_plan(sample), RULES)
    assert [f"{f.line}:{f.column} {f.rule} {f.message}" for f in findings
            if f.severity.name != "INFO"] == []


@pytest.mark.parametrize("sample", BROKEN, ids=[p.name for p in BROKEN])
def test_broken_sample_gives_exactly_its_markers(sample: Path) -> None:
    expected = expected_findings(sample)
    assert expected, "a broken sample must say which findings it produces"
    found = Counter((f.line, f.rule) for f in lint_document(open_plan(sample), RULES))
    assert found == expected
