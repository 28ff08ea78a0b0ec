"""The rule catalogue: every rule matches ../shared/RULES.md and is documented and exemplified."""

from __future__ import annotations

import re

import pytest

from netplan_cs.engine.registry import Rule, load_rules
from tests.conftest import SHARED, needs_shared

RULES = load_rules()
HEADINGS = ["## What it does", "## Why is this bad?", "## Example", "## Use instead",
            "## References"]
CATEGORIES = {"P": "plan", "Z": "zones", "A": "addresses", "V": "vlans",
              "T": "physical-networks", "L": "labels", "C": "capacity", "R": "rates",
              "M": "management", "S": "secrets"}


# Rules of netplan-cs's own, beyond ../shared/RULES.md (IDs never reused either)
EXTENSIONS = {"P100": ("unused-suppression", "warning")}


def catalogue() -> dict[str, tuple[str, str]]:
    """RULES.md rows: ID -> (name, default severity)."""
    rows = re.findall(r"^\| ([A-Z]\d{3}) \| ([a-z0-9-]+) \| (\w+) \|",
                      (SHARED / "RULES.md").read_text(encoding="utf-8"), re.MULTILINE)
    return {**EXTENSIONS, **{rule_id: (name, severity) for rule_id, name, severity in rows}}


@needs_shared
@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_matches_the_catalogue(rule: Rule) -> None:
    assert catalogue()[rule.id] == (rule.name, str(rule.severity))


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_is_documented_and_exemplified(rule: Rule) -> None:
    assert rule.category == CATEGORIES[rule.id[0]]
    text = rule.readme.read_text(encoding="utf-8")
    assert text.startswith(f"# {rule.id} {rule.name}\n")
    positions = [text.find(heading) for heading in HEADINGS]
    assert -1 not in positions, f"{rule.readme} lacks a heading"
    assert positions == sorted(positions)
    assert rule.examples("pass"), f"{rule.id} has no pass example"
    assert rule.examples("fail"), f"{rule.id} has no fail example"
    assert rule.summary and len(rule.summary) < 200


def test_ids_are_unique_and_sorted() -> None:
    ids = [rule.id for rule in RULES]
    assert ids == sorted(set(ids))


def test_readme_rules_index_is_current() -> None:
    from netplan_cs.cli.catalogue import rules_markdown
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("-->\n", readme.index("<!-- rules-index")) + 4
    end = readme.index("<!-- /rules-index -->")
    assert readme[start:end] == rules_markdown(RULES), "regenerate: netplan-cs rules -f markdown"


@needs_shared
def test_every_catalogue_rule_is_implemented() -> None:
    assert sorted(catalogue()) == [rule.id for rule in RULES]
