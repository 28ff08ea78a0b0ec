"""The VLAN index: owners, physical-network resolution, the sweep, and VLAN range syntax."""

from __future__ import annotations

from itertools import combinations
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netplan_cs.facts import Facts
from netplan_cs.facts.management import build_management
from netplan_cs.facts.vlans import (
    GUEST_RANGE,
    MANAGEMENT_RANGE,
    POD,
    POD_GUEST,
    PUBLIC,
    SHARED,
    STORAGE,
    TRAFFIC_VLAN,
    VlanUse,
    listing,
    sweep,
)
from netplan_cs.model.build import build_plan
from netplan_cs.model.plan import Plan
from netplan_cs.model.vlans import VlanRanges, format_vlans


def _plan(data: dict[str, Any]) -> Plan:
    plan, problems, _ = build_plan(data)
    assert problems == []
    assert plan is not None
    return plan


def _zone(**extra: Any) -> dict[str, Any]:
    return {"name": "zone1", "networktype": "advanced", "dns1": "8.8.8.8",
            "internaldns1": "10.0.0.1", **extra}


TWO_NETWORKS = _zone(
    physical_networks=[
        {"name": "mgmt", "tags": ["m"], "vlan": "100-199", "traffic_types": [
            {"traffictype": "management", "vlan": 20}, {"traffictype": "public"},
            {"traffictype": "guest"}]},
        {"name": "tenants", "tags": ["t"], "isolationmethods": ["VXLAN"], "vlan": "5000-5999",
         "traffic_types": [{"traffictype": "guest"}]},
        {"name": "untagged-guest", "vlan": "300-399",
         "traffic_types": [{"traffictype": "guest"}]},
    ],
    public_ranges=[{"gateway": "203.0.113.1", "netmask": "255.255.255.0",
                    "startip": "203.0.113.10", "endip": "203.0.113.20", "vlan": 150},
                   {"startip": "198.51.100.10", "vlan": "untagged"}],
    shared_networks=[{"name": "s1", "vlan": 310, "gateway": "10.9.0.1",
                      "netmask": "255.255.255.0"},
                     {"name": "s2", "vlan": 5500, "physical_network": "tenants"}],
    pods=[{"name": "pod1", "gateway": "10.0.0.1", "netmask": "255.255.255.0", "vlan": 30,
           "management_ranges": [{"startip": "10.0.0.200", "endip": "10.0.0.210", "vlan": 31}],
           "guest_ranges": [{"startip": "10.9.0.50", "endip": "10.9.0.60", "vlan": 310}],
           "storage_ranges": [{"gateway": "10.0.8.1", "netmask": "255.255.255.0",
                               "startip": "10.0.8.10", "endip": "10.0.8.20", "vlan": 150}]}],
)


def _by_kind(plan: Plan) -> dict[str, list[VlanUse]]:
    found: dict[str, list[VlanUse]] = {}
    for use in Facts(plan).vlans.all_uses():
        found.setdefault(use.kind, []).append(use)
    return found


def test_every_use_has_its_owner_and_physical_network() -> None:
    uses = _by_kind(_plan({"zones": [TWO_NETWORKS]}))
    assert [(u.network, u.start, u.end, u.isolation) for u in uses[GUEST_RANGE]] == [
        (0, 100, 199, "VLAN"), (1, 5000, 5999, "VXLAN"), (2, 300, 399, "VLAN")]
    # the untagged public range is no VLAN use
    assert [(u.network, u.start, u.owner) for u in uses[PUBLIC]] == [
        (0, 150, "public range 203.0.113.10-203.0.113.20")]
    # a shared network without `physical_network` lands on the untagged guest network
    assert [(u.network, u.start) for u in uses[SHARED]] == [(2, 310), (1, 5500)]
    assert [(u.network, u.start) for u in uses[POD]] == [(0, 30)]
    assert [(u.network, u.start) for u in uses[POD_GUEST]] == [(2, 310)]
    assert [(u.network, u.start) for u in uses[MANAGEMENT_RANGE]] == [(0, 31)]
    # no Storage traffic: storage rides the Management network
    assert [(u.network, u.start, str(u.subnet)) for u in uses[STORAGE]] == [
        (0, 150, "10.0.8.0/24")]
    assert [(u.network, u.start, u.path) for u in uses[TRAFFIC_VLAN]] == [
        (0, 20, ("zones", 0, "physical_networks", 0, "traffic_types", 0, "vlan"))]


def test_uses_per_physical_network() -> None:
    zone_vlans = Facts(_plan({"zones": [TWO_NETWORKS]})).vlans.zones[0]
    assert [u.text for u in zone_vlans.network_uses(1)] == ["5000-5999", "5500"]
    assert [u.text for u in zone_vlans.network_uses(2)] == ["300-399", "310", "310"]


def test_storage_traffic_network_wins_over_management() -> None:
    zone = _zone(physical_networks=[
        {"name": "a", "traffic_types": [{"traffictype": "management"}]},
        {"name": "b", "traffic_types": [{"traffictype": "storage"}]}],
        pods=[{"name": "p", "gateway": "10.0.0.1", "netmask": "255.255.255.0",
               "storage_ranges": [{"startip": "10.0.8.10", "vlan": 40}]}])
    assert [u.network for u in _by_kind(_plan({"zones": [zone]}))[STORAGE]] == [1]


def test_overlaps_are_between_groups_only() -> None:
    index = Facts(_plan({"zones": [TWO_NETWORKS]})).vlans
    pairs = {frozenset((a.owner, b.owner)) for a, b in index.zones[0].overlaps}
    assert pairs == {
        frozenset(("guest VLAN range 100-199 of physical network mgmt",
                   "public range 203.0.113.10-203.0.113.20")),
        frozenset(("guest VLAN range 100-199 of physical network mgmt",
                   "storage range 10.0.8.10-10.0.8.20 of pod pod1")),
        # public and storage share VLAN 150
        frozenset(("public range 203.0.113.10-203.0.113.20",
                   "storage range 10.0.8.10-10.0.8.20 of pod pod1")),
        frozenset(("guest VLAN range 300-399 of physical network untagged-guest",
                   "shared network s1")),
        # the pod guest range shares VLAN 310 with s1: one traffic type, no pair
        frozenset(("guest VLAN range 300-399 of physical network untagged-guest",
                   "guest range 10.9.0.50-10.9.0.60 of pod pod1")),
        frozenset(("guest VLAN range 5000-5999 of physical network tenants",
                   "shared network s2")),
    }


def test_overlapping_pieces_of_one_guest_range_are_not_an_overlap() -> None:
    zone = _zone(physical_networks=[{"name": "a", "vlan": "100-200,150-250",
                                     "traffic_types": [{"traffictype": "guest"}]}])
    assert Facts(_plan({"zones": [zone]})).vlans.zones[0].overlaps == []


def test_the_index_is_computed_once() -> None:
    facts = Facts(_plan({"zones": [TWO_NETWORKS]}))
    assert facts.vlans is facts.vlans


def test_listing_names_the_first_few_and_counts_the_rest() -> None:
    uses = [VlanUse(0, 0, i, i, SHARED, "Guest", f"n{i}", ()) for i in range(5)]
    assert listing(uses[:1]) == "n0"
    assert listing(uses[:3]) == "n0, n1 and n2"
    assert listing(uses) == "n0, n1, n2 and 2 more"


GROUPS = [(GUEST_RANGE, "Guest", 0), (GUEST_RANGE, "Guest", 1), (PUBLIC, "Public", None),
          (SHARED, "Guest", None), (STORAGE, "Storage", None), (POD, "Management", None)]


@st.composite
def _uses(draw: st.DrawFn) -> list[VlanUse]:
    count = draw(st.integers(0, 40))
    out = []
    for i in range(count):
        start = draw(st.integers(1, 60))
        end = start + draw(st.integers(0, 15))
        kind, traffic, network = draw(st.sampled_from(GROUPS))
        out.append(VlanUse(0, network, start, end, kind, traffic, f"use{i}", ("u", i)))
    return out


@given(_uses())
@settings(max_examples=300)
def test_sweep_agrees_with_comparing_every_pair(uses: list[VlanUse]) -> None:
    def key(a: VlanUse, b: VlanUse) -> frozenset[tuple[Any, ...]]:
        return frozenset((a.path, b.path))

    oracle = {key(a, b) for a, b in combinations(uses, 2)
              if a.group != b.group and a.start <= b.end and b.start <= a.end}
    found = [key(a, b) for a, b in sweep(uses)]
    assert len(found) == len(set(found))  # each pair once
    assert set(found) == oracle


@given(st.sets(st.integers(0, 5000), min_size=1, max_size=60))
def test_format_and_parse_round_trip(vlans: set[int]) -> None:
    text = format_vlans(vlans)
    parsed = VlanRanges.parse(text.split(","))  # the native list form allows single IDs
    assert parsed.valid
    covered = {v for start, end in parsed.intervals for v in range(start, end + 1)}
    assert covered == vlans
    assert format_vlans(covered) == text
    assert parsed.merged() == list(parsed.intervals)  # format_vlans already merges
    pairs = ",".join(f"{s}-{e}" for s, e in parsed.intervals)
    assert VlanRanges.parse(pairs).intervals == parsed.intervals  # CloudStack's string form


@pytest.mark.parametrize(("text", "error"), [
    ("500", "'500' is a bare number: CloudStack takes only start-end pairs (write 500-500)"),
    ("100-200,500", "'500' is a bare number: CloudStack takes only start-end pairs "
                    "(write 500-500)"),
    ("200-100", "'200-100': the start is above the end"),
    ("100-abc", "'100-abc' is not a start-end pair of numbers"),
])
def test_cloudstack_syntax_errors(text: str, error: str) -> None:
    assert VlanRanges.parse(text).error == error


def test_management_settings_are_split_and_parsed() -> None:
    plan = _plan({"settings": {"host": "10.0.0.5, mgmt.example.org",
                               "management.network.cidr": "10.0.0.0/24,bogus,10.1.0.7/16"},
                  "zones": [_zone()]})
    found = build_management(plan)
    assert found.hosts == ("10.0.0.5", "mgmt.example.org")
    assert [str(a) for a in found.host_addresses] == ["10.0.0.5"]
    assert found.cidrs_text == ("10.0.0.0/24", "bogus", "10.1.0.7/16")
    assert [str(c) for c in found.cidrs] == ["10.0.0.0/24", "10.1.0.0/16"]
    assert build_management(_plan({"zones": [_zone()]})).cidr_set is False
