"""The trunk plan facts, the JSON contract and the vendor snippets' syntax."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from netplan_cs.cli.app import app
from netplan_cs.document import open_plan
from netplan_cs.facts import Facts
from netplan_cs.facts.trunks import NATIVE_PLACEHOLDER, TrunkPlan
from netplan_cs.model.build import build_plan
from netplan_cs.model.plan import Plan
from netplan_cs.output.switch_config import (
    MAX_LINE,
    render_arista_eos,
    render_cisco_ios,
    render_junos,
)
from tests.conftest import CORPUS, SAMPLES, needs_corpus

# 30 fragments: far too long for one IOS line, so `add` continuation lines are needed
GUEST_RANGE = ",".join(f"{2000 + 10 * i}-{2003 + 10 * i}" for i in range(30))
GUEST_VLANS = {2000 + 10 * i + k for i in range(30) for k in range(4)}


def _plan(**pnet: Any) -> Plan:
    data = {
        "zones": [{
            "name": "z1", "networktype": "advanced", "guestcidraddress": "10.1.1.0/24",
            "dns1": "192.0.2.53", "internaldns1": "10.0.0.2",
            "physical_networks": [{
                "name": "pn1", "vlan": GUEST_RANGE,
                "traffic_types": [{"traffictype": "management"}, {"traffictype": "guest"},
                                  {"traffictype": "public"}], **pnet},
                {"name": "storage", "traffic_types": [{"traffictype": "storage"}]}],
            "public_ranges": [{"gateway": "203.0.113.1", "netmask": "255.255.255.0",
                               "startip": "203.0.113.10", "endip": "203.0.113.20",
                               "vlan": 600}],
            "shared_networks": [{"name": "shared1", "vlan": 700, "gateway": "10.7.0.1",
                                 "netmask": "255.255.255.0"}],
            "pods": [{"name": "p1", "gateway": "10.0.0.1", "netmask": "255.255.255.0",
                      "startip": "10.0.0.100", "endip": "10.0.0.120",
                      "storage_ranges": [{"gateway": "10.9.0.1", "netmask": "255.255.255.0",
                                          "startip": "10.9.0.10", "endip": "10.9.0.20",
                                          "vlan": 900}],
                      "clusters": [{"name": "c1", "hypervisor": "KVM", "hosts": [
                          {"name": "kvm1", "ipaddress": "10.0.0.11", "nics": ["eth0"]}]}]}],
        }],
        "switches": [{"name": "tor1", "ports": [
            {"name": "GigabitEthernet1/0/1", "host": "kvm1", "nic": "eth0",
             "physical_network": "pn1"},
            {"name": "GigabitEthernet1/0/2", "host": "kvm1"},
            {"name": "GigabitEthernet1/0/3", "host": "nobody", "physical_network": "pn9"}]}],
    }
    plan, problems, _ = build_plan(data)
    assert plan is not None, problems
    return plan


def _trunks(**pnet: Any) -> TrunkPlan:
    return Facts(_plan(**pnet)).trunks


def test_sample_trunk_plan() -> None:
    plan = open_plan(SAMPLES / "nested-kvm-lab.yaml").plan
    assert plan is not None
    net = Facts(plan).trunks.zones[0].networks[0]
    assert (net.untagged, net.tagged_text, net.mtu) == (("Management", "Public"), "100-200",
                                                         None)
    assert {h: {t: label.name for t, label in m.items()} for h, m in net.labels.items()} == {
        "KVM": {"Management": "cloudbr0", "Public": "cloudbr0", "Guest": "cloudbr0"}}


@needs_corpus
def test_corpus_kvm_public_vlans_beside_the_guest_range() -> None:
    plan = open_plan(CORPUS / "apache__cloudstack__tools__marvin__marvin__misc__build__kvm.cfg")
    assert plan.plan is not None
    net = Facts(plan.plan).trunks.zones[0].networks[0]
    assert net.tagged_text == "100-101,2001-2050"
    assert [(t, min(v), max(v)) for t, v in net.tagged] == [("Public", 100, 101),
                                                           ("Guest", 2001, 2050)]
    assert net.untagged == ("Management",)


def test_every_source_of_tagged_vlans() -> None:
    trunks = _trunks(native_vlan=10, mtu=9000)
    pn1, storage = trunks.zones[0].networks
    assert [(t, len(v)) for t, v in pn1.tagged] == [("Public", 1), ("Guest", 121)]
    assert pn1.tagged_vlans == GUEST_VLANS | {600, 700}
    assert [u.source for u in pn1.uses] == [f"guest VLAN range {GUEST_RANGE}",
                                            "public range 203.0.113.10-203.0.113.20",
                                            "shared network shared1"]
    assert pn1.untagged == ("Management",)
    assert pn1.allowed_vlans == GUEST_VLANS | {10, 600, 700}
    assert (storage.tagged_text, storage.untagged) == ("900", ())


def test_ports_placed_by_physical_network_or_all_of_the_zone() -> None:
    trunks = _trunks()
    pn1, storage = trunks.zones[0].networks
    assert [p.port for p in pn1.ports] == ["GigabitEthernet1/0/1", "GigabitEthernet1/0/2"]
    assert [p.port for p in storage.ports] == ["GigabitEthernet1/0/2"]
    assert [p.port for p in trunks.unplaced_ports] == ["GigabitEthernet1/0/3"]


def test_vxlan_ids_are_not_switch_vlans() -> None:
    net = _trunks(isolationmethods=["VXLAN"], vlan="5000-6000").zones[0].networks[0]
    assert net.encapsulated is not None and net.encapsulated.text == "5000-6000"
    assert 5000 not in net.tagged_vlans


def test_json_contract() -> None:
    result = CliRunner().invoke(app, ["trunks", str(SAMPLES / "nested-kvm-lab.yaml"),
                                      "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data == {"version": 1, "zones": [{"name": "zone1", "physical_networks": [{
        "name": "physnet1", "untagged": ["Management", "Public"],
        "tagged": [{"vlans": "100-200", "traffic": "Guest"}], "tagged_vlans": "100-200",
        "mtu": None, "labels": {"KVM": {"Management": "cloudbr0", "Public": "cloudbr0",
                                        "Guest": "cloudbr0"}},
        "ports": []}]}]}


def test_unreadable_plan_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["trunks", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2
    assert "missing.yaml" in result.output


# -- vendor syntax ---------------------------------------------------------------------

_LIST = re.compile(r"[1-9]\d{0,3}(-[1-9]\d{0,3})?(,[1-9]\d{0,3}(-[1-9]\d{0,3})?)*\Z")


def _expand(items: list[str]) -> set[int]:
    """VLAN IDs of `a-b` / `a` items, checking each range ascends and stays in 1..4094."""
    vlans: set[int] = set()
    for item in items:
        start, _, end = item.partition("-")
        low, high = int(start), int(end or start)
        assert 1 <= low < high <= 4094 if end else 1 <= low <= 4094, item
        vlans.update(range(low, high + 1))
    return vlans


def _interface_block(text: str, interface: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index(f"interface {interface}")
    block = []
    for line in lines[start + 1:]:
        if not line.startswith(" ") and not line.startswith("!"):
            break
        block.append(line)
    return block


@pytest.mark.parametrize(("render", "indent"), [(render_cisco_ios, " "),
                                                (render_arista_eos, "   ")])
def test_cisco_style_allowed_lists(render: Any, indent: str) -> None:
    text = render(_trunks(native_vlan=10))
    assert max(len(line) for line in text.splitlines()) <= MAX_LINE
    block = _interface_block(text, "GigabitEthernet1/0/1")
    commands = [line for line in block if not line.startswith("!")]
    assert all(line.startswith(indent) and not line.startswith(indent + " ")
               for line in commands)
    allowed = [line.strip() for line in commands if "trunk allowed vlan" in line]
    assert allowed[0].startswith("switchport trunk allowed vlan ")
    assert not allowed[0].startswith("switchport trunk allowed vlan add")
    assert len(allowed) > 1
    assert all(line.startswith("switchport trunk allowed vlan add ") for line in allowed[1:])
    lists = [line.split()[-1] for line in allowed]
    assert all(_LIST.match(item) for item in lists), lists
    assert _expand([i for item in lists for i in item.split(",")]) == GUEST_VLANS | {
        10, 600, 700}
    assert f"{indent}switchport mode trunk" in block
    assert f"{indent}switchport trunk native vlan 10" in block


def test_cisco_vlan_database_and_port_union() -> None:
    text = render_cisco_ios(_trunks(native_vlan=10))
    vlan_lines = [line for line in text.splitlines() if line.startswith("vlan ")]
    assert _expand([i for line in vlan_lines for i in line.split()[1].split(",")]) == (
        GUEST_VLANS | {10, 600, 700, 900})
    assert "! VLANs above 1005 need VTP transparent mode or VTP version 3" in text
    # a port declared without a physical network carries both of the zone's networks
    lists = [line.split()[-1] for line in _interface_block(text, "GigabitEthernet1/0/2")
             if "allowed vlan" in line]
    assert 900 in _expand([i for item in lists for i in item.split(",")])


@pytest.mark.parametrize("render", [render_cisco_ios, render_arista_eos, render_junos])
def test_untagged_without_native_vlan_prints_a_placeholder_no_switch_accepts(render: Any) -> None:
    """Pasted as printed, the snippet must fail on the unknown, not cut the hosts off."""
    text = render(_trunks())
    commands = [line.strip() for line in text.splitlines()
                if not line.lstrip().startswith(("!", "#"))]
    native = [line for line in commands if "native vlan" in line or "native-vlan-id" in line]
    assert native and all(line.endswith(NATIVE_PLACEHOLDER) for line in native)
    allowed = [line for line in commands
               if "trunk allowed vlan" in line or "vlan members [" in line]
    assert NATIVE_PLACEHOLDER in allowed[0]
    assert not _LIST.match(NATIVE_PLACEHOLDER)  # the vendor list syntax rejects it
    assert "replace <NATIVE_VLAN> with the switch VLAN" in re.sub(r"\n[!#] ", " ", text)
    assert NATIVE_PLACEHOLDER not in render(_trunks(native_vlan=10))


def test_junos_trunk_syntax() -> None:
    text = render_junos(_trunks(native_vlan=10))
    base = "set interfaces GigabitEthernet1/0/1"
    lines = [line for line in text.splitlines() if line.startswith(base)]
    assert f"{base} native-vlan-id 10" in lines
    assert f"{base} unit 0 family ethernet-switching interface-mode trunk" in lines
    prefix = f"{base} unit 0 family ethernet-switching vlan members [ "
    members = [line for line in lines if line.startswith(prefix)]
    assert len(members) > 1 and all(line.endswith(" ]") for line in members)
    items = [item for line in members for item in line[len(prefix):-2].split(" ")]
    assert all(re.fullmatch(r"[1-9]\d{0,3}(-[1-9]\d{0,3})?", item) for item in items)
    assert _expand(items) == GUEST_VLANS | {10, 600, 700}  # the native VLAN is a member


def test_junos_without_ports_uses_an_interface_range() -> None:
    plan = open_plan(SAMPLES / "nested-kvm-lab.yaml").plan
    assert plan is not None
    text = render_junos(Facts(plan).trunks)
    assert ("set interfaces interface-range cs-zone1-physnet1 unit 0 family "
            "ethernet-switching vlan members [ <NATIVE_VLAN> 100-200 ]") in text.splitlines()


def test_invalid_plan_exits_2_with_its_location(tmp_path: Path) -> None:
    plan = tmp_path / "bad.yaml"
    plan.write_text("zones:\n  - name: z\n    networktype: sideways\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["trunks", str(plan)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{plan}:3:18: error: the plan is not valid: " in result.stderr


def test_native_vlan_out_of_bounds_is_not_written() -> None:
    net = _trunks(native_vlan=5000).zones[0].networks[0]
    assert net.native_vlan is None
    assert 5000 not in net.allowed_vlans


def test_storage_vlan_rides_the_management_network_when_no_storage_traffic_exists() -> None:
    plan = _plan()
    plan.zones[0].physical_networks.pop()  # drop the network carrying Storage traffic
    networks = Facts(plan).trunks.zones[0].networks
    assert [n.name for n in networks] == ["pn1"]
    assert 900 in networks[0].tagged_vlans
    assert dict(networks[0].tagged)["Storage"] == frozenset({900})


def test_guest_range_outside_switch_vlans_adds_no_empty_trunk_entry() -> None:
    trunks = _trunks(vlan="5000-5010")
    network = trunks.zones[0].networks[0]
    assert all(vlans for _, vlans in network.tagged)
    assert dict(network.tagged)["Guest"] == frozenset({700})  # the shared network's only


def test_ports_find_hosts_by_address_or_url_host_in_the_first_zone() -> None:
    def zone(z: int, hosts: list[dict[str, Any]]) -> dict[str, Any]:
        return {"name": f"z{z}", "networktype": "advanced", "dns1": "192.0.2.53",
                "internaldns1": "10.0.0.2",
                "physical_networks": [{"name": f"pn{z}",
                                       "traffic_types": [{"traffictype": "management"}]}],
                "pods": [{"name": "p", "gateway": f"10.{z}.0.1", "netmask": "255.255.255.0",
                          "clusters": [{"name": "c", "hypervisor": "KVM", "hosts": hosts}]}]}
    ports = ["10.1.0.12", "kvm-b.example", "10.0.0.11", "010.1.0.12", "a"]
    plan, problems, _ = build_plan({
        "zones": [zone(0, [{"name": "a", "ipaddress": "10.0.0.11"}]),
                  zone(1, [{"url": "http://10.1.0.12"}, {"url": "http://KVM-B.example:80/x"},
                           {"name": "a", "ipaddress": "10.0.0.11"}])],
        "switches": [{"name": "tor", "ports": [{"name": f"e{i}", "host": host}
                                               for i, host in enumerate(ports)]}]})
    assert plan is not None, problems
    trunks = Facts(plan).trunks
    assert [[port.host for port in z.networks[0].ports] for z in trunks.zones] == [
        ["10.0.0.11", "a"], ["10.1.0.12", "kvm-b.example"]]
    assert [port.host for port in trunks.unplaced_ports] == ["010.1.0.12"]


def test_l003_and_the_host_checklist_read_one_bridge_fact() -> None:
    """Every NIC L003 reports is one the checklist's KVM bridge item warns about, on VLAN and
    VXLAN physical networks alike (the classes the rule filters by)."""
    from netplan_cs.engine.registry import load_rules, select
    from netplan_cs.engine.run import lint_document
    from netplan_cs.facts.host_setup import host_setup
    from tests.conftest import ROOT

    examples = sorted((ROOT / "rules" / "labels").glob("L003-*/examples/*/*.yaml"))
    assert examples
    for example in examples:
        document = open_plan(example)
        assert document.plan is not None
        facts = Facts(document.plan)
        found = lint_document(document, select(load_rules(), ["L003"], []))
        bridged = {(net.name, traffic) for zone in facts.trunks.zones for net in zone.networks
                   for traffic, _ in net.kvm_vlan_bridges}
        checklist = " ".join(
            item for trunks in facts.trunks.zones
            for items in host_setup(document.plan, document.plan.zones[trunks.index],
                                    trunks).values() for item in items)
        for finding in found:
            assert any(f"physical network {net}" in finding.message and traffic in
                       finding.message for net, traffic in bridged)
            assert "CloudStack creates a bridge `br<nic>-<vlan>`" in checklist
