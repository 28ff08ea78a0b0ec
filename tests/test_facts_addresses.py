"""The address index: owners, paths and the one-sweep overlaps, pinned on real numbers."""

from __future__ import annotations

from typing import Any

import netaddr
from hypothesis import given, settings
from hypothesis import strategies as st

from netplan_cs.facts import Facts, addresses
from netplan_cs.facts.addresses import Span, sweep
from netplan_cs.model.build import build_plan

ZONE = {"name": "z1", "networktype": "Advanced", "dns1": "10.0.0.53", "internaldns1": "8.8.8.8",
        "guestcidraddress": "10.1.1.0/24"}


def _facts(zones: list[dict[str, Any]], **plan: Any) -> Facts:
    built, problems, _ = build_plan({"zones": zones, **plan})
    assert built is not None, problems
    return Facts(built)


def _pod(name: str, third: int, **extra: Any) -> dict[str, Any]:
    return {"name": name, "gateway": f"10.0.{third}.1", "netmask": "255.255.255.0",
            "startip": f"10.0.{third}.10", "endip": f"10.0.{third}.20", **extra}


def test_index_lists_owners_and_paths() -> None:
    facts = _facts([{**ZONE, "pods": [_pod("p1", 0, clusters=[{
        "name": "c1", "hypervisor": "KVM",
        "hosts": [{"url": "http://10.0.0.30"}]}])],
        "public_ranges": [{"gateway": "192.0.2.1", "netmask": "255.255.255.0",
                           "startip": "192.0.2.10", "endip": "192.0.2.20", "vlan": 50}]}],
        management_servers=[{"ipaddress": "10.0.0.5"}])
    spans = {(s.kind, s.text, s.path) for s in facts.addresses.in_zone(0)}
    assert spans == {
        ("public range", "192.0.2.10-192.0.2.20", ("zones", 0, "public_ranges", 0, "startip")),
        ("gateway", "192.0.2.1", ("zones", 0, "public_ranges", 0, "gateway")),
        ("reserved range", "10.0.0.10-10.0.0.20", ("zones", 0, "pods", 0, "startip")),
        ("gateway", "10.0.0.1", ("zones", 0, "pods", 0, "gateway")),
        ("host", "10.0.0.30", ("zones", 0, "pods", 0, "clusters", 0, "hosts", 0, "url")),
        ("DNS server", "10.0.0.53", ("zones", 0, "dns1")),
        ("DNS server", "8.8.8.8", ("zones", 0, "internaldns1")),
        ("management server", "10.0.0.5", ("management_servers", 0, "ipaddress")),
    }


def test_pod_without_endip_reserves_up_to_broadcast_minus_one() -> None:
    pod = _pod("p1", 0)
    del pod["endip"]
    facts = _facts([{**ZONE, "pods": [pod]}])
    [reserved] = [s for s in facts.addresses.in_zone(0) if s.kind == "reserved range"]
    assert reserved.text == "10.0.0.10-10.0.0.254"


def test_zone_overlaps_name_both_owners() -> None:
    facts = _facts([{**ZONE, "pods": [_pod("p1", 0, clusters=[{
        "name": "c1", "hypervisor": "KVM", "hosts": [{"ipaddress": "10.0.0.15"}]}])],
        "public_ranges": [{"gateway": "10.0.0.1", "netmask": "255.255.255.0", "vlan": "untagged",
                           "startip": "10.0.0.18", "endip": "10.0.0.60"}]}])
    found = {(o.span.describe(), o.count, tuple(x.describe() for x in o.others))
             for o in facts.addresses.zone_overlaps(0)}
    # the host inside its own pod's reserved range is A013's business, not an overlap here;
    # the pod gateway 10.0.0.1 is the public range's own gateway (A005's business)
    assert found == {
        ("public range 10.0.0.18-10.0.0.60 of zone z1", 1,
         ("reserved range 10.0.0.10-10.0.0.20 of pod p1",)),
        ("DNS server 10.0.0.53 of zone z1 dns1", 1,
         ("public range 10.0.0.18-10.0.0.60 of zone z1",)),
    }


def test_basic_pod_and_guest_range_share_a_subnet_without_overlap() -> None:
    zone = {**{k: v for k, v in ZONE.items() if k != "guestcidraddress"},
            "networktype": "Basic", "dns1": "8.8.8.8",
            "pods": [_pod("p1", 0, guest_ranges=[{
                "gateway": "10.0.0.1", "netmask": "255.255.255.0",
                "startip": "10.0.0.100", "endip": "10.0.0.200"}])]}
    assert _facts([zone]).addresses.zone_overlaps(0) == []


def test_many_overlapping_ranges_are_reported_once_each_with_a_count() -> None:
    spans = [Span(0, 100 + i, "range", f"r{i}", ("r", i)) for i in range(10)]
    found = sweep(spans)
    assert [(o.span.owner, o.count, len(o.others)) for o in found] == [
        (f"r{i}", i, min(i, addresses.SHOWN)) for i in range(1, 10)]


def test_cross_zone_overlap_ignores_same_zone_spans() -> None:
    second = {**ZONE, "name": "z2", "pods": [_pod("q1", 0)]}
    facts = _facts([{**ZONE, "pods": [_pod("p1", 0), _pod("p2", 1)]}, second])
    found = [(o.span.describe(), o.count, [x.describe() for x in o.others])
             for o in facts.addresses.cross_zone_overlaps()]
    assert found == [("reserved range 10.0.0.10-10.0.0.20 of pod q1", 1,
                      ["reserved range 10.0.0.10-10.0.0.20 of pod p1"])]


def _oracle(spans: list[Span], points_meet: bool, ranges_apart: bool) -> set[frozenset[int]]:
    """Every conflicting pair, by comparing all pairs."""
    pairs = set()
    for i, a in enumerate(spans):
        for j, b in enumerate(spans[:i]):
            points = (a.single or b.single) and not points_meet
            if a.single and b.single and not points_meet:
                continue
            grouped = points or ranges_apart
            if a.first <= b.last and b.first <= a.last and not (
                    grouped and a.key is not None and a.key == b.key):
                pairs.add(frozenset((i, j)))
    return pairs


bounds = st.tuples(st.integers(0, 40), st.integers(0, 12), st.sampled_from([None, 1, 2]))


@settings(max_examples=300, deadline=None)
@given(st.lists(bounds, max_size=14), st.booleans(), st.booleans())
def test_sweep_agrees_with_brute_force(raw: list[tuple[int, int, int | None]],
                                       points_meet: bool, ranges_apart: bool) -> None:
    """Single addresses never meet a range of their own group; ranges are kept apart by
    group only when asked (the cross-zone index), as A009 and A010 need."""
    spans = [Span(first, first + length, "r", str(i), (i,), key=tag,
                  keys=frozenset() if tag is None else frozenset({tag}))
             for i, (first, length, tag) in enumerate(raw)]
    number = {span.path: i for i, span in enumerate(spans)}
    found = sweep(spans, apart=(lambda span: span.key) if ranges_apart else lambda span: None,
                  shown=len(spans), points_meet=points_meet)
    seen = set()
    for overlap in found:
        assert overlap.count == len(overlap.others)
        seen |= {frozenset((number[overlap.span.path], number[other.path]))
                 for other in overlap.others}
    assert seen == _oracle(spans, points_meet, ranges_apart)


def test_reversed_ranges_are_left_out_of_the_index() -> None:
    pod = _pod("p1", 0, startip="10.0.0.30")
    facts = _facts([{**ZONE, "pods": [pod]}])
    assert [s.kind for s in facts.addresses.in_zone(0) if s.kind == "reserved range"] == []
    assert netaddr.IPAddress(facts.addresses.in_zone(0)[0].first) == netaddr.IPAddress(
        "10.0.0.1")
