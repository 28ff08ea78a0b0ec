"""`convert` is lossless: what it writes lints the same as what it read, and converting
its output again changes nothing (issue 14 §5)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from netplan_cs.document import open_plan
from netplan_cs.engine.registry import load_rules
from netplan_cs.engine.run import lint_document
from netplan_cs.errors import InputError
from tests.cli_helpers import run_cli
from tests.conftest import SAMPLES, corpus_files

# findings about the source text itself: its keys, placeholders and clear secrets
SOURCE_TEXT_RULES = {"P002", "P003", "P004", "P100", "S001"}
RULES = [rule for rule in load_rules() if rule.id not in SOURCE_TEXT_RULES]
FORMS = Path(__file__).parent / "data" / "convert"
PLANS = sorted(SAMPLES.glob("*.yaml")) + sorted((SAMPLES / "broken").glob("*.yaml")) + sorted(
    FORMS.glob("*.yaml")) + [
    path for path in corpus_files() if path.name != "README.md"]


def network_findings(plan: Path) -> Counter[tuple[str, str, str]]:
    return Counter((f.rule, str(f.severity), f.message)
                   for f in lint_document(open_plan(plan), RULES))


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_converted_plan_lints_the_same_and_converts_to_itself(plan: Path,
                                                              tmp_path: Path) -> None:
    try:
        open_plan(plan)
    except InputError:  # unreadable upstream configs are the loader tests' job
        pytest.skip("the file cannot be read (a broken upstream config)")
    once, twice = tmp_path / "once.yaml", tmp_path / "twice.yaml"
    assert run_cli("convert", str(plan), "-o", str(once)).code == 0
    assert network_findings(once) == network_findings(plan)
    assert run_cli("convert", str(once), "-o", str(twice)).code == 0
    body = once.read_text(encoding="utf-8").split("\n", 1)[1]
    if not open_plan(plan).problems:  # a sound plan is written in the README's form
        assert body.startswith("version: 1\n")
        assert not re.search(r"(networktype|traffictype): [A-Z]", body)
    assert twice.read_text(encoding="utf-8").split("\n", 1)[1] == body
