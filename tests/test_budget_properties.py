"""Monotonicity of the budgets: more demand never needs less; a wider range never frees less."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from netplan_cs.facts import Facts
from netplan_cs.facts.budget import Budget, ZoneBudget
from netplan_cs.model.build import build_plan

HYPERVISORS = ["KVM", "VMware", "Hyperv", "XenServer"]


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["basic", "advanced", "advanced-sg"]))
    pods = []
    for index in range(draw(st.integers(1, 3))):
        third = index + 1
        start = draw(st.integers(2, 100))
        pods.append({
            "name": f"pod{third}", "gateway": f"10.0.{third}.1", "netmask": "255.255.255.0",
            "startip": f"10.0.{third}.{start}",
            "endip": f"10.0.{third}.{start + draw(st.integers(0, 60))}",
            "forsystemvms": draw(st.booleans()),
            "guest_ranges": [{"gateway": f"10.1.{third}.1", "netmask": "255.255.255.0",
                              "startip": f"10.1.{third}.10",
                              "endip": f"10.1.{third}.{10 + draw(st.integers(0, 100))}"}]
            if kind == "basic" else [],
            "storage_ranges": [{"gateway": f"10.2.{third}.1", "netmask": "255.255.255.0",
                                "startip": f"10.2.{third}.10", "endip": f"10.2.{third}.12"}]
            if draw(st.booleans()) else [],
            "clusters": [{"name": "c1", "hypervisor": draw(st.sampled_from(HYPERVISORS)),
                          "hosts": [{"name": f"h{third}-{i}",
                                     "ipaddress": f"10.0.{third}.{200 + i}"}
                                    for i in range(draw(st.integers(0, 5)))]}]})
    demand = {key: draw(st.integers(0, 400)) for key in
              ("isolated_networks", "vpcs", "vpc_tiers", "l2_networks", "vms_per_network",
               "extra_public_ips")}
    demand |= {"ssvms": draw(st.integers(0, 6)), "cpvms": draw(st.integers(0, 10)),
               "redundant_routers": draw(st.booleans())}
    zone: dict[str, Any] = {
        "name": "zone1", "networktype": "basic" if kind == "basic" else "advanced",
        "securitygroupenabled": kind == "advanced-sg", "dns1": "8.8.8.8",
        "internaldns1": "10.0.0.2", "pods": pods, "demand": demand,
        "shared_networks": [{"name": "shared1", "vlan": 300, "gateway": "10.3.0.1",
                             "netmask": "255.255.255.0", "startip": "10.3.0.10",
                             "endip": f"10.3.0.{10 + draw(st.integers(0, 200))}"}]
        if draw(st.booleans()) else []}
    if kind != "basic":
        zone["physical_networks"] = [{"name": "physnet1",
                                      "vlan": f"500-{500 + draw(st.integers(0, 600))}"}]
        zone["guestcidraddress"] = "10.1.1.0/24"
    if kind == "advanced" or draw(st.booleans()):
        zone["public_ranges"] = [{"gateway": "203.0.113.1", "netmask": "255.255.255.0",
                                  "startip": "203.0.113.10",
                                  "endip": f"203.0.113.{10 + draw(st.integers(0, 200))}",
                                  "vlan": 100, "forsystemvms": draw(st.booleans())}]
    return {"zones": [zone]}


def budgets(data: dict[str, Any]) -> ZoneBudget:
    plan, problems, _ = build_plan(data)
    assert plan is not None and problems == []
    return Facts(plan).budgets[0]


def all_budgets(zone: ZoneBudget) -> Iterator[tuple[str, Budget]]:
    for pod in zone.pods:
        yield f"{pod.pod.name} reserved", pod.reserved
        if pod.storage is not None:
            yield f"{pod.pod.name} storage", pod.storage
        if pod.guest is not None:
            yield f"{pod.pod.name} guest", pod.guest
    if zone.public is not None:
        yield "public", zone.public
    if zone.guest_vlans is not None:
        yield "guest VLANs", zone.guest_vlans
    for shared in zone.shared_networks:
        yield f"shared {shared.name}", shared.budget


def needed(zone: ZoneBudget) -> dict[str, int]:
    values = {name: budget.needed for name, budget in all_budgets(zone)}
    values |= {f"{pod.pod.name} hosts": pod.hosts for pod in zone.pods}
    values["routers"] = zone.routers
    return values


def free(zone: ZoneBudget) -> dict[str, int]:
    return {name: budget.free for name, budget in all_budgets(zone)}


def never_lower(before: dict[str, int], after: dict[str, int]) -> None:
    assert before.keys() == after.keys()
    lowered = {k: (before[k], after[k]) for k in before if after[k] < before[k]}
    assert lowered == {}


def bump(data: dict[str, Any], key: str) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    changed["zones"][0]["demand"][key] += 1
    return changed


@settings(max_examples=60, deadline=None)
@given(plans(), st.data())
def test_adding_a_host_never_lowers_any_needed(data: dict[str, Any], pick: st.DataObject) -> None:
    changed = copy.deepcopy(data)
    pods = changed["zones"][0]["pods"]
    target = pods[pick.draw(st.integers(0, len(pods) - 1))]
    hosts = target["clusters"][0]["hosts"]
    third = target["gateway"].split(".")[2]
    hosts.append({"name": "new-host", "ipaddress": f"10.0.{third}.{220 + len(hosts)}"})
    never_lower(needed(budgets(data)), needed(budgets(changed)))


@settings(max_examples=60, deadline=None)
@given(plans(), st.sampled_from(["isolated_networks", "vpcs", "vpc_tiers", "l2_networks"]))
def test_adding_a_network_or_vpc_never_lowers_any_needed(data: dict[str, Any], key: str) -> None:
    never_lower(needed(budgets(data)), needed(budgets(bump(data, key))))


@settings(max_examples=60, deadline=None)
@given(plans())
def test_adding_a_shared_network_never_lowers_any_needed(data: dict[str, Any]) -> None:
    changed = copy.deepcopy(data)
    changed["zones"][0]["shared_networks"].append(
        {"name": "shared-new", "vlan": 301, "gateway": "10.4.0.1", "netmask": "255.255.255.0",
         "startip": "10.4.0.10", "endip": "10.4.0.20"})
    before, after = needed(budgets(data)), needed(budgets(changed))
    after.pop("shared shared-new")
    never_lower(before, after)


def _widen(item: dict[str, Any], by: int) -> None:
    prefix, _, last = item["endip"].rpartition(".")
    item["endip"] = f"{prefix}.{min(254, int(last) + by)}"


@settings(max_examples=80, deadline=None)
@given(plans(), st.data())
def test_widening_a_range_never_lowers_free(data: dict[str, Any], pick: st.DataObject) -> None:
    zone = data["zones"][0]
    ranges: list[tuple[str, ...]] = [("public_ranges", "0")] if zone.get("public_ranges") else []
    ranges += [("shared_networks", "0")] if zone["shared_networks"] else []
    for p, item in enumerate(zone["pods"]):
        ranges.append(("pods", str(p)))
        ranges += [("pods", str(p), "guest_ranges", "0")] if item["guest_ranges"] else []
        ranges += [("pods", str(p), "storage_ranges", "0")] if item["storage_ranges"] else []
    path = pick.draw(st.sampled_from(ranges))
    changed = copy.deepcopy(data)
    node: Any = changed["zones"][0]
    for key in path:
        node = node[int(key)] if isinstance(node, list) else node[key]
    _widen(node, pick.draw(st.integers(1, 50)))
    never_lower(free(budgets(data)), free(budgets(changed)))


@settings(max_examples=40, deadline=None)
@given(plans())
def test_widening_the_guest_vlan_range_never_lowers_free(data: dict[str, Any]) -> None:
    zone = data["zones"][0]
    if "physical_networks" not in zone:
        return
    changed = copy.deepcopy(data)
    changed["zones"][0]["physical_networks"][0]["vlan"] += ",2000-2099"
    never_lower(free(budgets(data)), free(budgets(changed)))
