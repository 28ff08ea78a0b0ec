"""The throttle-rate chain (facts/rates.py): every row of CloudStack's table, pinned."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from netplan_cs.document import open_plan
from netplan_cs.engine.registry import load_rules, select
from netplan_cs.engine.run import lint_document
from netplan_cs.facts import Facts
from netplan_cs.facts.rates import NicRate, RateTable, parse_rate_setting, resolve_rates
from netplan_cs.model.build import build_plan
from netplan_cs.model.plan import Plan

ZONE: dict[str, Any] = {"name": "zone1", "networktype": "Advanced", "dns1": "8.8.8.8",
                        "internaldns1": "8.8.4.4", "guestcidraddress": "10.1.1.0/24"}


def make_plan(**parts: Any) -> Plan:
    data = {"zones": [dict(ZONE)], **parts}
    plan, problems, _ = build_plan(data)
    assert plan is not None and problems == []
    return plan


def rows(table: RateTable, nic: str) -> list[NicRate]:
    return [row for row in table.rows if row.nic == nic]


def one(table: RateTable, nic: str, offering: str) -> NicRate:
    found = [row for row in rows(table, nic) if row.offering.name == offering]
    assert len(found) == 1, found
    return found[0]


OFFERINGS = {
    "service": [{"name": "Fast", "networkrate": 1000}, {"name": "Plain"},
                {"name": "Free", "networkrate": 0}],
    "network": [{"name": "Iso100", "guestiptype": "Isolated", "networkrate": 100},
                {"name": "IsoUnset", "guestiptype": "Isolated"},
                {"name": "SharedZero", "guestiptype": "Shared", "networkrate": 0},
                {"name": "L2", "guestiptype": "L2", "networkrate": 50}],
    "system": [{"name": "Router", "systemvmtype": "domainrouter", "networkrate": 5},
               {"name": "CP", "systemvmtype": "consoleproxy", "networkrate": 7},
               {"name": "SS", "systemvmtype": "secondarystoragevm", "networkrate": 9}],
}


@pytest.fixture
def table() -> RateTable:
    plan = make_plan(settings={"network.throttling.rate": 300,
                               "vm.network.throttling.rate": "400"},
                     offerings=OFFERINGS)
    return resolve_rates(plan)


def test_user_vm_default_nic_follows_the_compute_offering(table: RateTable) -> None:
    fast = one(table, "user-vm-default", "Fast")
    assert (fast.effective_mbps, fast.kvm_kbps, fast.source) == (1000, 125000, "offering")
    assert fast.chain == "service offering 'Fast': networkrate 1000"


def test_user_vm_default_nic_unset_inherits_the_vm_setting(table: RateTable) -> None:
    plain = one(table, "user-vm-default", "Plain")
    assert plain.effective_mbps == 400
    assert plain.source == "vm.network.throttling.rate (plan)"
    assert plain.chain == ("service offering 'Plain': networkrate unset -> "
                           "vm.network.throttling.rate = 400 (plan)")


def test_zero_on_an_offering_is_unlimited_not_inherited(table: RateTable) -> None:
    free = one(table, "user-vm-default", "Free")
    assert (free.effective_mbps, free.unlimited, free.kvm_kbps) == (None, True, None)
    assert free.via == ("service offering 'Free': networkrate 0", "0 = unlimited")
    shared = one(table, "user-vm-additional", "SharedZero")
    assert shared.unlimited


def test_additional_nics_follow_the_network_offering(table: RateTable) -> None:
    assert one(table, "user-vm-additional", "Iso100").effective_mbps == 100
    unset = one(table, "user-vm-additional", "IsoUnset")
    assert unset.effective_mbps == 300
    assert unset.chain == ("network offering 'IsoUnset': networkrate unset -> "
                           "network.throttling.rate = 300 (plan)")


def test_router_nics_follow_the_guest_offering_never_the_router_offering(
        table: RateTable) -> None:
    guest = one(table, "router-guest", "Iso100")
    public = one(table, "router-public", "Iso100")
    assert (guest.effective_mbps, public.effective_mbps) == (100, 100)
    assert public.via == ("the public NIC takes the guest network's offering",
                          "network offering 'Iso100': networkrate 100",
                          "router system offering 'Router' networkrate 5 is never applied")
    assert one(table, "router-public", "IsoUnset").effective_mbps == 300
    # shared networks have a router guest NIC but no public one; L2 networks have no router
    assert [r.offering.name for r in rows(table, "router-guest")] == [
        "Iso100", "IsoUnset", "SharedZero"]
    assert [r.offering.name for r in rows(table, "router-public")] == ["Iso100", "IsoUnset"]


def test_ssvm_and_cpvm_are_never_throttled_whatever_their_offering(table: RateTable) -> None:
    ssvm = one(table, "ssvm", "SS")
    cpvm = one(table, "cpvm", "CP")
    assert (ssvm.effective_mbps, cpvm.effective_mbps) == (None, None)
    assert (ssvm.offering.networkrate, cpvm.offering.networkrate) == (9, 7)
    assert ssvm.source == "never throttled"


def test_system_networks_are_unlimited(table: RateTable) -> None:
    system = rows(table, "system-network")
    assert [r.offering.name for r in system] == [
        "System-Public-Network", "System-Management-Network", "System-Control-Network"]
    assert all(r.unlimited and r.offering.networkrate == 0 for r in system)


def test_setting_zero_makes_inherited_rates_unlimited() -> None:
    table = resolve_rates(make_plan(settings={"network.throttling.rate": 0},
                                    offerings={"network": [{"name": "N"}]}))
    row = one(table, "user-vm-additional", "N")
    assert row.unlimited
    assert row.via[-2:] == ("network.throttling.rate = 0 (plan)", "0 = unlimited")
    assert one(table, "user-vm-default", "Small Instance").effective_mbps == 200


def test_no_offerings_means_cloudstack_defaults_at_200() -> None:
    table = resolve_rates(make_plan())
    assert [(r.nic, r.offering.name, r.effective_mbps) for r in table.rows[:5]] == [
        ("user-vm-default", "Small Instance", 200),
        ("user-vm-default", "Medium Instance", 200),
        ("user-vm-additional", "DefaultIsolatedNetworkOfferingWithSourceNatService", 200),
        ("router-guest", "DefaultIsolatedNetworkOfferingWithSourceNatService", 200),
        ("router-public", "DefaultIsolatedNetworkOfferingWithSourceNatService", 200)]
    assert one(table, "ssvm", "System Offering For Secondary Storage VM").unlimited
    assert one(table, "cpvm", "System Offering For Console Proxy").offering.networkrate == 0


def test_basic_zone_defaults_to_the_shared_sg_offering() -> None:
    plan, _, _ = build_plan({"zones": [{**ZONE, "networktype": "Basic",
                                     "guestcidraddress": None}]})
    assert plan is not None
    table = resolve_rates(plan)
    assert [r.offering.name for r in rows(table, "user-vm-additional")] == [
        "DefaultSharedNetworkOfferingWithSGService"]
    assert rows(table, "router-public") == []


def test_zone_scoped_network_rate_wins_and_rows_split_per_zone() -> None:
    plan, problems, _ = build_plan({
        "settings": {"network.throttling.rate": 300, "vm.network.throttling.rate": 400},
        "zones": [{**ZONE, "settings": {"network.throttling.rate": 50,
                                        "vm.network.throttling.rate": 10}},
                  {**ZONE, "name": "zone2"}],
        "offerings": {"network": [{"name": "N"}], "service": [{"name": "S"}]}})
    assert plan is not None and problems == []
    table = resolve_rates(plan)
    assert [(r.effective_mbps, r.via[-1]) for r in rows(table, "user-vm-additional")] == [
        (50, "network.throttling.rate = 50 (zone zone1)"),
        (300, "network.throttling.rate = 300 (plan)")]
    # vm.network.throttling.rate is global: a zone value is not used
    assert [(r.effective_mbps, r.via[0]) for r in rows(table, "user-vm-default")] == [
        (400, "vm.network.throttling.rate is global: zone zone1's value is not used"),
        (400, "service offering 'S': networkrate unset")]
    assert [[r.effective_mbps for r in z if r.nic == "router-guest"]
            for z in table.by_zone] == [[50], [300]]


def test_overrides_replace_the_global_value_but_not_a_zone_value() -> None:
    plan, _, _ = build_plan({"settings": {"vm.network.throttling.rate": 400},
                          "zones": [{**ZONE, "settings": {"network.throttling.rate": 50}}]})
    assert plan is not None
    table = resolve_rates(plan, {"vm.network.throttling.rate": 1000,
                                 "network.throttling.rate": 700})
    assert one(table, "user-vm-default", "Small Instance").via[-1] == (
        "vm.network.throttling.rate = 1000 (--set)")
    assert rows(table, "router-guest")[0].effective_mbps == 50
    assert table.settings["network.throttling.rate"].value == 700


def test_offering_rates_cloudstack_would_not_store() -> None:
    table = resolve_rates(make_plan(offerings={
        "service": [{"name": "Neg", "networkrate": -5}, {"name": "Big", "networkrate": 70000}],
        "network": [{"name": "NegNet", "networkrate": -1}]}))
    neg = one(table, "user-vm-default", "Neg")
    assert neg.effective_mbps == 200
    assert neg.via[0] == ("service offering 'Neg': networkrate -5 is negative: "
                          "createServiceOffering rejects it (shown as unset)")
    assert one(table, "user-vm-default", "Big").effective_mbps == 200
    negnet = one(table, "user-vm-additional", "NegNet")
    assert negnet.unlimited
    assert negnet.via == ("network offering 'NegNet': networkrate -1 is stored as 0",
                          "0 = unlimited")


@pytest.mark.parametrize(("raw", "expected"), [
    (300, 300), ("300", 300), (" 42 ", 42), (0, 0), ("0", 0), ("abc", None), ("-5", None),
    (-5, None), (1.5, None), ("1.5", None), (True, None), (None, None), ("", None),
    ("٣", None), (2**31, None)])
def test_parse_rate_setting(raw: Any, expected: int | None) -> None:
    assert parse_rate_setting(raw) == expected


@pytest.mark.parametrize("raw", ["abc", "-5"])
def test_invalid_settings_assume_the_default_and_give_r005(raw: str) -> None:
    plan = make_plan(settings={"vm.network.throttling.rate": raw})
    table = resolve_rates(plan)
    setting = table.settings["vm.network.throttling.rate"]
    assert (setting.value, setting.valid, setting.raw) == (200, False, raw)
    row = one(table, "user-vm-default", "Small Instance")
    assert row.effective_mbps == 200
    assert row.source == "vm.network.throttling.rate (default; invalid plan value)"
    assert row.via[-1] == (f"vm.network.throttling.rate = 200 (CloudStack's default; the plan "
                           f"value {raw!r} is not a non-negative integer)")


def test_invalid_zone_setting_is_reported_at_the_zone(tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text("zones:\n  - name: z\n    networktype: advanced\n    dns1: 8.8.8.8\n"
                         "    internaldns1: 8.8.4.4\n    settings:\n"
                         "      network.throttling.rate: -5\n", encoding="utf-8")
    findings = lint_document(open_plan(plan_file), select(load_rules(), ["R005"], []))
    assert [(f.line, f.rule, f.path) for f in findings] == [
        (7, "R005", "zones[z].settings.network.throttling.rate")]
    assert findings[0].message.startswith("network.throttling.rate is -5, not a non-negative")


def test_marvin_global_config_reaches_the_rates(tmp_path: Path) -> None:
    cfg = tmp_path / "zone.cfg"
    cfg.write_text(json.dumps({
        "zones": [{"name": "z", "networktype": "Advanced", "dns1": "8.8.8.8",
                   "internaldns1": "8.8.4.4", "guestcidraddress": "10.1.1.0/24"}],
        "globalConfig": [{"name": "vm.network.throttling.rate", "value": "300"},
                         {"name": "network.throttling.rate", "value": "0"}],
        "mgtSvr": [{"mgtSvrIp": "192.168.56.10"}]}, indent=1), encoding="utf-8")
    document = open_plan(cfg)
    assert document.dialect == "marvin" and document.plan is not None
    table = Facts(document.plan).rates
    assert one(table, "user-vm-default", "Small Instance").via[-1] == (
        "vm.network.throttling.rate = 300 (plan)")
    assert rows(table, "router-guest")[0].unlimited
    setting = table.settings["vm.network.throttling.rate"]
    assert setting.path == ("settings", "vm.network.throttling.rate")
    lines = cfg.read_text(encoding="utf-8").splitlines()
    value_line = next(n for n, text in enumerate(lines, 1) if '"300"' in text)
    assert document.locate(setting.path).line == value_line  # the globalConfig entry's value


def test_facts_compute_the_table_once() -> None:
    facts = Facts(make_plan())
    assert facts.rates is facts.rates


def test_sample_rates_are_the_defaults() -> None:
    from tests.conftest import SAMPLES

    document = open_plan(SAMPLES / "nested-kvm-lab.yaml")
    assert document.plan is not None
    table = resolve_rates(document.plan)
    assert {(r.nic, r.effective_mbps, r.kvm_kbps) for r in table.rows
            if not r.unlimited} == {
        ("user-vm-default", 200, 25000), ("user-vm-additional", 200, 25000),
        ("router-guest", 200, 25000), ("router-public", 200, 25000)}


def test_a_rate_of_thousands_of_digits_is_invalid_not_a_crash() -> None:
    from netplan_cs.facts.rates import parse_rate_setting

    assert parse_rate_setting("9" * 5000) is None
    assert parse_rate_setting(" 300 ") == 300
