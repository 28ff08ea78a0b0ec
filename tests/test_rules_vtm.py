"""VLAN rules on many mutually overlapping ranges: each range reported once, others counted."""

from __future__ import annotations

from pathlib import Path

from netplan_cs.document import open_plan
from netplan_cs.engine.registry import load_rules
from netplan_cs.engine.run import lint_document

V004 = [rule for rule in load_rules() if rule.id == "V004"]


def test_each_overlapping_range_is_reported_once_with_a_count(tmp_path: Path) -> None:
    networks = "".join(
        f"      - name: pn{i}\n        tags: [t{i}]\n        vlan: 100-200\n"
        "        traffic_types: [{traffictype: guest}]\n" for i in range(5))
    plan = tmp_path / "plan.yaml"
    plan.write_text("zones:\n  - name: z\n    networktype: advanced\n    dns1: 8.8.8.8\n"
                    "    internaldns1: 8.8.8.8\n    physical_networks:\n" + networks)
    findings = lint_document(open_plan(plan), V004)
    assert [f.path for f in findings] == [f"zones[z].physical_networks[pn{i}].vlan"
                                          for i in range(1, 5)]
    last = findings[-1]
    assert last.message.startswith(
        "guest VLAN range 100-200 of physical network pn4 overlaps guest VLAN range 100-200 of "
        "physical network pn0, guest VLAN range 100-200 of physical network pn1, guest VLAN "
        "range 100-200 of physical network pn2 and 1 more in zone z")
    assert len(last.related) == 3
