"""The budget facts on hand-checked plans (research/cloudstack-rules.md 4.9 and the issue)."""

from __future__ import annotations

from typing import Any

import pytest

from netplan_cs.document import open_plan
from netplan_cs.facts import Facts
from netplan_cs.facts.budget import (
    ZoneBudget,
    describe,
    smallest_prefix,
    vms_in_network,
    with_demand,
    with_threshold,
)
from netplan_cs.model.build import build_plan
from netplan_cs.model.plan import Plan
from tests.conftest import CORPUS, SAMPLES, needs_corpus


def plan_of(data: dict[str, Any]) -> Plan:
    plan, problems, _ = build_plan(data)
    assert plan is not None and problems == []
    return plan


def zone_budget(data: dict[str, Any]) -> ZoneBudget:
    return Facts(plan_of(data)).budgets[0]


def advanced(pods: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    zone = {"name": "zone1", "networktype": "advanced", "dns1": "8.8.8.8",
            "internaldns1": "10.0.0.2", "guestcidraddress": "10.1.1.0/24",
            "physical_networks": [{"name": "physnet1", "vlan": "500-999"}],
            "public_ranges": [{"gateway": "203.0.113.1", "netmask": "255.255.254.0",
                               "startip": "203.0.113.10", "endip": "203.0.114.200",
                               "vlan": 100}],
            "pods": pods, **extra}
    return {"zones": [zone]}


def pod(name: str, third: int, hypervisor: str = "KVM", hosts: int = 0,
        **extra: Any) -> dict[str, Any]:
    host_list = [{"name": f"{name}-h{i}", "ipaddress": f"10.0.{third}.{100 + i}"}
                 for i in range(hosts)]
    return {"name": name, "gateway": f"10.0.{third}.1", "netmask": "255.255.255.0",
            "startip": f"10.0.{third}.2", "endip": f"10.0.{third}.60",
            "clusters": [{"name": f"{name}-c1", "hypervisor": hypervisor, "hosts": host_list}],
            **extra}


def test_slash_26_pod_with_six_reserved_addresses_holds_55_hosts() -> None:
    # 64 - network - broadcast = 62; - gateway = 61; - 6 reserved = 55
    budget = zone_budget(advanced([{
        "name": "z0p0", "gateway": "10.208.8.65", "netmask": "255.255.255.192",
        "startip": "10.208.8.66", "endip": "10.208.8.71",
        "clusters": [{"name": "c1", "hypervisor": "KVM",
                      "hosts": [{"name": "h1", "ipaddress": "10.208.8.72"}]}]}]))
    pod_budget = budget.pods[0]
    assert (pod_budget.host_capacity, pod_budget.hosts) == (55, 1)
    reserved = pod_budget.reserved
    assert (reserved.size, reserved.needed, reserved.free) == (6, 2, 4)
    assert reserved.utilisation == pytest.approx(1 / 3)


@needs_corpus
def test_marvin_kvm_build_config_pods_hold_55_hosts() -> None:
    budgets = Facts(open_plan(CORPUS / "apache__cloudstack__tools__marvin__marvin__misc__build"
                                       "__kvm.cfg").plan).budgets  # type: ignore[arg-type]
    assert [(p.reserved.size, p.host_capacity) for p in budgets[0].pods] == [(6, 55), (6, 55)]


def test_vmware_300_isolated_networks_over_two_pods() -> None:
    data = advanced([pod("pod1", 1, "VMware", hosts=20), pod("pod2", 2, "VMware", hosts=20)],
                    demand={"isolated_networks": 300})
    budget = zone_budget(data)
    for pod_budget in budget.pods:
        assert pod_budget.reserved.breakdown == (("ssvm", 1), ("cpvm", 1),
                                                 ("router_control", 150))
        assert (pod_budget.reserved.size, pod_budget.reserved.free) == (59, 59 - 152)
        # 254 usable - gateway - 59 reserved
        assert (pod_budget.hosts, pod_budget.host_capacity) == (20, 194)
    assert budget.routers == 300
    assert budget.public is not None
    assert budget.public.breakdown == (("ssvm", 1), ("cpvm", 1), ("source_nat", 300),
                                       ("extra", 0))
    assert budget.public.size == 447  # 203.0.113.10 - 203.0.114.200
    assert budget.guest_vlans is not None
    assert (budget.guest_vlans.size, budget.guest_vlans.needed) == (500, 300)


def test_worked_example_redundant_routers_and_vpcs_on_vmware() -> None:
    # 4.9: 250 + 2 x 50 redundant + 10 VPCs = 360 routers; here all 300 networks and the 10
    # VPCs are redundant: (300 + 10) x 2 = 620 routers, 310 per pod; source NAT stays 310
    data = advanced([pod("pod1", 1, "VMware"), pod("pod2", 2, "VMware")],
                    demand={"isolated_networks": 300, "vpcs": 10, "vpc_tiers": 3,
                            "redundant_routers": True})
    budget = zone_budget(data)
    assert budget.pods[0].reserved.part("router_control") == 310
    assert budget.public is not None and budget.public.needed == 312
    assert budget.guest_vlans is not None and budget.guest_vlans.needed == 330


def test_kvm_routers_take_no_pod_address_and_odd_spread_rounds_up() -> None:
    kvm = zone_budget(advanced([pod("pod1", 1)], demand={"isolated_networks": 300}))
    assert kvm.pods[0].reserved.needed == 2
    mixed = zone_budget(advanced([pod("pod1", 1, "VMware"), pod("pod2", 2),
                                  pod("pod3", 3, "Hyperv")],
                                 demand={"isolated_networks": 100}))
    assert [p.reserved.part("router_control") for p in mixed.pods] == [34, 0, 34]


def test_basic_zone() -> None:
    guest = [{"gateway": "10.0.{}.1", "netmask": "255.255.255.0", "startip": "10.0.{}.100",
              "endip": "10.0.{}.149"}]

    def basic_pod(name: str, third: int) -> dict[str, Any]:
        ranges = [{k: v.format(third + 100) for k, v in r.items()} for r in guest]
        return pod(name, third, hosts=2, guest_ranges=ranges)

    data = {"zones": [{"name": "basic1", "networktype": "basic", "dns1": "8.8.8.8",
                       "internaldns1": "10.0.0.2",
                       "pods": [basic_pod("pod1", 1), basic_pod("pod2", 2)],
                       "demand": {"vms_per_network": 101}}]}
    budget = zone_budget(data)
    assert budget.public is None and budget.guest_vlans is None and budget.guest_cidr is None
    for pod_budget in budget.pods:
        assert pod_budget.guest is not None
        # 101 VMs over 2 pods: 51 each, + the pod's router + SSVM + CPVM
        assert pod_budget.guest.breakdown == (("vms", 51), ("router", 1), ("ssvm", 1),
                                              ("cpvm", 1))
        assert (pod_budget.guest.size, pod_budget.guest.free) == (50, -4)
        assert pod_budget.reserved.needed == 2
        assert (pod_budget.host_capacity, pod_budget.hosts) == (254 - 1 - 59, 2)


def test_sample_lab_host_capacity_leaves_out_public_range_and_management_server() -> None:
    budget = Facts(open_plan(SAMPLES / "nested-kvm-lab.yaml").plan).budgets[0]  # type: ignore
    # 254 - gateway - 20 reserved - 20 public - management server 192.168.122.11
    assert budget.pods[0].host_capacity == 212
    assert budget.guest_cidr is not None
    assert (budget.guest_cidr.vms_per_network, budget.guest_cidr.vms_per_network_redundant) == (
        253, 251)


def test_missing_endip_runs_to_broadcast_minus_one_and_pools_split() -> None:
    budget = zone_budget(advanced([{
        "name": "pod1", "gateway": "10.0.1.1", "netmask": "255.255.255.0",
        "startip": "10.0.1.200",
        "management_ranges": [{"startip": "10.0.1.100", "endip": "10.0.1.104",
                               "forsystemvms": True}]}]))
    pod_budget = budget.pods[0]
    assert (pod_budget.general_pool, pod_budget.system_pool) == (55, 5)  # .200-.254, .100-.104
    assert pod_budget.reserved.size == 60


def test_security_group_zone_system_vms_draw_on_first_shared_network() -> None:
    shared = [{"name": f"shared{i}", "vlan": 300 + i, "gateway": f"10.3.{i}.1",
               "netmask": "255.255.255.0", "startip": f"10.3.{i}.10", "endip": f"10.3.{i}.29"}
              for i in range(2)]
    data = {"zones": [{"name": "sg", "networktype": "advanced", "securitygroupenabled": True,
                       "dns1": "8.8.8.8", "internaldns1": "10.0.0.2",
                       "shared_networks": shared, "demand": {"vms_per_network": 10}}]}
    budget = zone_budget(data)
    assert budget.public is None
    assert [s.budget.needed for s in budget.shared_networks] == [13, 11]


def test_storage_ranges_serve_the_ssvms_of_every_pod() -> None:
    storage = [{"gateway": "10.9.1.1", "netmask": "255.255.255.0", "startip": "10.9.1.10",
                "endip": "10.9.1.12"}]
    budget = zone_budget(advanced([pod("pod1", 1, storage_ranges=storage), pod("pod2", 2)],
                                  demand={"ssvms": 2}))
    first, second = budget.pods
    assert first.storage is not None and (first.storage.size, first.storage.needed) == (3, 2)
    assert second.storage is not None and (second.storage.size, second.storage.free) == (0, -2)
    assert zone_budget(advanced([pod("pod1", 1)])).pods[0].storage is None


def test_overrides_apply_to_every_zone() -> None:
    plan = with_demand(plan_of(advanced([pod("pod1", 1)])), {"isolated_networks": 50,
                                                             "redundant_routers": True})
    budget = Facts(plan).budgets[0]
    assert budget.public is not None and budget.public.needed == 52
    assert budget.routers == 100


@pytest.mark.parametrize(("needed", "threshold", "size"),
                         [(330, 0.75, 440), (312, 0.75, 416), (157, 0.75, 210), (0, 0.75, 0),
                          (9, 0.9, 10), (1, 1, 1)])
def test_with_threshold_is_exact(needed: int, threshold: float, size: int) -> None:
    assert with_threshold(needed, threshold) == size


@pytest.mark.parametrize(("addresses", "reserved", "prefix"),
                         [(231, 2, 24), (254, 2, 24), (255, 2, 23), (416, 3, 23), (1, 2, 30),
                          (55, 3, 26), (2, 2, 30)])
def test_smallest_prefix(addresses: int, reserved: int, prefix: int) -> None:
    assert smallest_prefix(addresses, reserved) == prefix


def test_vms_in_network_and_describe() -> None:
    assert (vms_in_network(24, False), vms_in_network(24, True), vms_in_network(30, True)) == (
        253, 251, 0)
    assert describe((("ssvm", 1), ("cpvm", 0), ("source_nat", 45))) == (
        "1 SSVM + 45 source NAT addresses")


@needs_corpus
def test_capacity_rules_stay_quiet_on_the_corpus_and_samples() -> None:
    from netplan_cs.engine.registry import load_rules, select
    from netplan_cs.engine.run import lint_paths

    files = [*sorted(CORPUS.glob("*.cfg")), *sorted(SAMPLES.glob("*.yaml"))]
    result = lint_paths(files, select(load_rules(), ["C"], []))
    assert [f"{f.file}:{f.line}: {f.message}" for f in result.findings] == []


def _rule_messages(example: str, rule_id: str, options: dict[str, Any]) -> list[str]:
    from netplan_cs.engine.registry import load_rules, select
    from netplan_cs.engine.run import lint_document

    rules = select(load_rules(), [rule_id], [])
    folder = next(r.folder for r in rules)
    document = open_plan(folder / "examples" / example)
    return [f.message for f in lint_document(document, rules, {rule_id: options})]


def test_c005_threshold_options_override_the_plan_settings() -> None:
    assert len(_rule_messages("fail/near-full.yaml", "C005", {})) == 2
    messages = _rule_messages("fail/near-full.yaml", "C005", {"guest_vlans": 0.8})
    assert messages == ["pod pod1: the reserved system range will be 80% used (8 of 10), above "
                        "the 75% alert threshold (`pod.privateip.capacity."
                        "notificationthreshold`); CloudStack raises a capacity alert from the "
                        "start"]
    # the plan's own settings raise both thresholds; an option lowers one back
    assert len(_rule_messages("pass/settings.yaml", "C005", {})) == 0
    assert len(_rule_messages("pass/settings.yaml", "C005", {"reserved": 0.5})) == 1


def test_c001_headroom_option_asks_for_spare_addresses() -> None:
    # 22 needed of 40: quiet; with 20 spare addresses asked for, 42 > 40
    assert _rule_messages("pass/vmware-sized.yaml", "C001", {}) == []
    [message] = _rule_messages("pass/vmware-sized.yaml", "C001", {"headroom": 20})
    assert message.startswith("pod pod1: the reserved system range holds 40 addresses but must "
                              "serve 22 plus 20 headroom: 1 SSVM + 1 CPVM + 20 router control "
                              "NICs")


def test_management_range_without_end_is_one_address() -> None:
    budget = zone_budget(advanced([{
        "name": "pod1", "gateway": "10.0.1.1", "netmask": "255.255.255.0",
        "startip": "10.0.1.10", "endip": "10.0.1.19",
        "management_ranges": [{"startip": "10.0.1.100", "forsystemvms": True}]}]))
    assert (budget.pods[0].general_pool, budget.pods[0].system_pool) == (10, 1)


def test_strict_public_reservation_keeps_tenants_off_system_vm_ranges(tmp_path: Any) -> None:
    from netplan_cs.engine.registry import load_rules, select
    from netplan_cs.engine.run import lint_document

    plan = tmp_path / "strict.yaml"
    plan.write_text("""\
settings:
  system.vm.public.ip.reservation.mode.strictness: true
zones:
  - name: zone1
    networktype: advanced
    dns1: 8.8.8.8
    internaldns1: 10.0.0.2
    demand: {isolated_networks: 25}
    public_ranges:
      - {gateway: 203.0.113.1, netmask: 255.255.255.0, startip: 203.0.113.10,
         endip: 203.0.113.29, vlan: 100}
      - {gateway: 203.0.113.1, netmask: 255.255.255.0, startip: 203.0.113.30,
         endip: 203.0.113.39, vlan: 100, forsystemvms: true}
""", encoding="utf-8")
    findings = lint_document(open_plan(plan), select(load_rules(), ["C003", "C007"], []))
    assert [(f.rule, f.line) for f in findings] == [("C003", 10)]
    assert "tenants can use only the 20 public addresses outside `forsystemvms` ranges, but " \
           "need 25 (25 source NAT addresses)" in findings[0].message
