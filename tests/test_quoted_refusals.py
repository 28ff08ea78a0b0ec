"""Rules quote the refusal CloudStack gives for each kind of element, and warn where it
accepts the input."""

from __future__ import annotations

from netplan_cs.document import open_plan
from netplan_cs.engine.registry import load_rules
from netplan_cs.engine.run import lint_document


def _lint(rule_id: str, example: str) -> list[tuple[int, str, str]]:
    [rule] = [rule for rule in load_rules() if rule.id == rule_id]
    [path] = rule.folder.glob(f"examples/fail/{example}")
    return [(f.line, str(f.severity), f.message) for f in lint_document(open_plan(path), [rule])]


def test_reversed_ranges_quote_the_call_that_refuses_them() -> None:
    found = {line: message for line, _, message in _lint("A004", "reversed.yaml")}
    assert "\"The start IP address must have a lower value than the end IP address.\"" \
        in found[12]
    assert "CloudStack silently creates no address" in found[16]
    assert "\"Please specify a valid IP range.\"" in found[31]


def test_duplicate_physical_network_is_a_warning_the_others_refusals() -> None:
    found = {line: (severity, message) for line, severity, message in
             _lint("P005", "twins.yaml")}
    assert found[8][0] == "warning" and "CloudStack stores it" in found[8][1]
    assert found[16] == ("error", "cluster name 'c1' is already used in pod pod1 (CloudStack: "
                                  "\"Unable to create cluster c1 in pod and data center ...\")")
    assert found[18][0] == "error" and "\"A pod with name: pod1 already exists" in found[18][1]
    assert found[21][0] == "error" and "\"A zone with that name already exists\"" in found[21][1]
