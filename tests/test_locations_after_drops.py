"""Findings land on the element they are about, whatever unsound elements come before it.

The model leaves out an element it cannot validate (a traffic type with a misspelt type, a
pod without a gateway, a list item that is not a mapping), so its lists close up over the
gap. The oracle: a plan with broken elements inserted anywhere gives, apart from the schema
findings about those elements, findings that point at the same source lines as the plan
without them.
"""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netplan_cs.document import open_plan
from netplan_cs.engine.registry import load_rules
from netplan_cs.engine.run import lint_document
from netplan_cs.output.yaml_emit import to_yaml

RULES = [rule for rule in load_rules() if rule.category not in ("plan", "secrets")]


def _host(pod: int, index: int, outside: bool) -> dict[str, Any]:
    address = f"10.9.{pod}.{index}" if outside else f"10.0.{pod}.{50 + index}"
    return {"name": f"kvm-{pod}-{index}", "ipaddress": address}


def _base() -> dict[str, Any]:
    """An advanced KVM zone whose findings concern many different elements (L001 on the
    Storage traffic, L003 on a long bridge, A012 on hosts, A005 on a public range...)."""
    pods = [{"name": f"pod{p}", "gateway": f"10.0.{p}.1", "netmask": "255.255.255.0",
             "startip": f"10.0.{p}.10", "endip": f"10.0.{p}.12",
             "clusters": [{"name": f"cluster{p}", "hypervisor": "KVM",
                           "hosts": [_host(p, h, outside=(p + h) % 2 == 0) for h in range(3)]}]}
            for p in range(3)]
    return {
        "version": 1,
        "settings": {"host": "10.0.0.5", "management.network.cidr": "10.0.0.0/16"},
        "zones": [{
            "name": "zone1", "networktype": "advanced", "guestcidraddress": "10.1.1.0/24",
            "dns1": "192.0.2.53", "internaldns1": "10.0.0.2",
            "physical_networks": [{
                "name": "physnet1", "isolationmethods": ["VLAN"], "vlan": "100-199",
                "traffic_types": [
                    {"traffictype": "management", "kvmnetworklabel": "cloudbr0"},
                    {"traffictype": "guest", "kvmnetworklabel": "cloudbr1"},
                    {"traffictype": "public", "kvmnetworklabel": "cloudbr-public-long"},
                    {"traffictype": "storage"}]}],
            "public_ranges": [
                {"gateway": "203.0.113.1", "netmask": "255.255.255.0", "vlan": 50,
                 "startip": "203.0.113.1", "endip": "203.0.113.20"},
                {"gateway": "198.51.100.1", "netmask": "255.255.255.0", "vlan": 51,
                 "startip": "198.51.100.10", "endip": "198.51.100.20"}],
            "pods": pods}]}


BROKEN = {  # list -> elements the model cannot keep
    ("zones", 0, "physical_networks", 0, "traffic_types"): [
        {"traffictype": "managment", "kvmnetworklabel": "cloudbr9"}, 7],
    ("zones", 0, "pods"): [{"name": "podx", "netmask": "255.255.255.0"}, "pod"],
    ("zones", 0, "pods", 1, "clusters", 0, "hosts"): [["10.0.1.99"], 3],
    ("zones", 0, "public_ranges"): [{"gateway": "203.0.113.1", "startip": "999.0.0.1"}],
    ("zones", 0, "physical_networks"): [{"name": "physnet0", "isolationmethods": 5}],
}
LISTS = list(BROKEN)


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


@st.composite
def insertions(draw: st.DrawFn) -> list[tuple[int, int, int]]:
    """(list, position, broken element) triples, applied deepest list first."""
    return draw(st.lists(st.tuples(st.integers(0, len(LISTS) - 1), st.integers(0, 4),
                                   st.integers(0, 1)), min_size=1, max_size=5))


def _broken(base: dict[str, Any], moves: list[tuple[int, int, int]]) -> dict[str, Any]:
    data = copy.deepcopy(base)
    # deeper lists first, so the paths of the others (which hold indices) stay true
    for which, position, kind in sorted(moves, key=lambda m: -len(LISTS[m[0]])):
        target = _at(data, LISTS[which])
        choices = BROKEN[LISTS[which]]
        target.insert(min(position, len(target)), copy.deepcopy(choices[kind % len(choices)]))
    return data


def _placed(path: Path, data: dict[str, Any]) -> Counter[tuple[str, str, str, tuple[str, ...]]]:
    """Each finding as (rule, message, the source line it points at, its related lines)."""
    path.write_text(to_yaml(data), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    found = lint_document(open_plan(path), RULES)
    return Counter((f.rule, f.message, lines[f.line - 1].strip(),
                    tuple(lines[r.line - 1].strip() for r in f.related)) for f in found)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moves=insertions())
def test_findings_point_at_their_element_after_broken_ones(tmp_path: Path,
                                                           moves: list[tuple[int, int, int]],
                                                           ) -> None:
    base = _base()
    expected = _placed(tmp_path / "base.yaml", base)
    assert len(expected) >= 5, "the base plan must give findings on several elements"
    found = _placed(tmp_path / "broken.yaml", _broken(base, moves))
    assert found - expected == Counter()
