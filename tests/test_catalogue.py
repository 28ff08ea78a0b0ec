"""The rule catalogue: every rule is documented, exemplified and says what CloudStack does.

The project's rules/ folder is the catalogue's truth; ../shared/RULES.md, the first
catalogue, is only checked for IDs that must never disappear.
"""

from __future__ import annotations

import re

import pytest

from netplan_cs.engine.findings import Severity
from netplan_cs.engine.registry import VERDICTS, Rule, load_rules
from tests.conftest import SHARED, needs_shared

RULES = load_rules()
HEADINGS = ["## What it does", "## Why is this bad?", "## Example", "## Use instead",
            "## References"]
CATEGORIES = {"P": "plan", "Z": "zones", "A": "addresses", "V": "vlans",
              "T": "physical-networks", "L": "labels", "C": "capacity", "R": "rates",
              "M": "management", "S": "secrets"}

REFERENCE_KEYS = ["verdict", "message", "code", "read_in"]


def first_catalogue_ids() -> set[str]:
    """The IDs of ../shared/RULES.md, which users' suppressions may name."""
    return set(re.findall(r"^\| ([A-Z]\d{3}) \|",
                          (SHARED / "RULES.md").read_text(encoding="utf-8"), re.MULTILINE))


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
def test_no_id_of_the_first_catalogue_disappeared() -> None:
    assert first_catalogue_ids() <= {rule.id for rule in RULES}


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_states_what_cloudstack_does(rule: Rule) -> None:
    """Every error rule states what CloudStack does (a gate must be able to say why it
    fails a plan); a stated verdict is the README's and is sourced."""
    if rule.severity is Severity.ERROR:
        assert rule.cloudstack is not None, f"{rule.id}: set CLOUDSTACK and a ## CloudStack section"
    if rule.cloudstack is None:
        return
    reference = rule.cloudstack_reference()
    assert sorted(reference) == sorted(REFERENCE_KEYS), f"{rule.readme}: ## CloudStack lines"
    assert reference["verdict"] == rule.cloudstack in VERDICTS
    assert re.fullmatch(r"\d+\.\d+(, \d+\.\d+)*", reference["read_in"])
    if rule.cloudstack == "refuses":
        assert '"' in reference["message"], f"{rule.id}: quote CloudStack's refusal"
        assert ".java" in reference["code"], f"{rule.id}: name the Java file that refuses"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_a_rule_whose_findings_change_severity_says_when_everywhere(rule: Rule) -> None:
    """A rule that gives some findings another severity declares SEVERITY_VARIES, and the
    catalogue outputs (rules markdown, explain, SARIF) all carry the same words."""
    from netplan_cs.cli.catalogue import explanation, rules_markdown
    from netplan_cs.output.sarif import _descriptor

    source = (rule.folder / "rule.py").read_text(encoding="utf-8")
    assert ("severity=" in source) == (rule.severity_varies is not None), rule.id
    if rule.severity_varies is None:
        return
    words = rule.severity_text
    assert words in rules_markdown([rule])
    assert f"severity {words}." in explanation(rule)
    descriptor = _descriptor(rule)
    assert words in descriptor["fullDescription"]["text"]
    assert descriptor["properties"]["severityVaries"] == rule.severity_varies
