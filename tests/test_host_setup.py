"""The host-side checklist per hypervisor and the preflight items."""

from __future__ import annotations

from typing import Any

from netplan_cs.facts import Facts
from netplan_cs.facts.host_setup import host_setup, kvm_nic_room, preflight
from netplan_cs.model.build import build_plan


def _setup(zone: dict[str, Any], settings: dict[str, Any] | None = None
           ) -> tuple[dict[str, list[str]], list[str]]:
    base = {"name": "z", "dns1": "192.0.2.1", "internaldns1": "10.0.0.2"}
    plan, problems, _ = build_plan({"settings": settings or {}, "zones": [{**base, **zone}]})
    assert plan is not None, problems
    trunks = Facts(plan).trunks.zones[0]
    return host_setup(plan, plan.zones[0], trunks), preflight(plan, plan.zones[0])


def _pod(hypervisor: str) -> list[dict[str, Any]]:
    return [{"name": "p", "gateway": "10.0.0.1", "netmask": "255.255.255.0",
             "clusters": [{"name": "c", "hypervisor": hypervisor}]}]


def test_kvm_nic_room() -> None:
    assert (kvm_nic_room(99), kvm_nic_room(200), kvm_nic_room(4094)) == (10, 9, 8)


def test_xenserver_with_security_groups_needs_the_pack() -> None:
    setup, checks = _setup({"networktype": "basic", "physical_networks": [{
        "name": "pn", "traffic_types": [
            {"traffictype": "management", "xennetworklabel": "cloud-private"},
            {"traffictype": "guest", "xennetworklabel": "cloud-guest"}]}],
        "pods": _pod("XenServer")})
    items = setup["XenServer"]
    assert items[0] == ("Network name-label `cloud-guest` on every host of the pool, identical "
                        "on all hosts, for Guest traffic of pn: `xe network-param-set "
                        "uuid=<UUID> name-label=cloud-guest`")
    assert any(i.startswith("Management interface (the private interface, `xenbr0`")
               for i in items)
    assert items[-1].startswith("Security groups are used: install the CloudStack "
                                "Supplemental Pack")
    assert not any(check.startswith("KVM hosts") for check in checks)


def test_xenserver_without_security_groups_must_not_install_the_pack() -> None:
    setup, _ = _setup({"networktype": "advanced", "physical_networks": [{
        "name": "pn", "traffic_types": [{"traffictype": "management"}]}],
        "pods": _pod("XenServer")})
    assert setup["XenServer"][0] == ("The host's management network (the private interface, "
                                     "`xenbr0` when management is on eth0) carries Management "
                                     "traffic of pn (not labelled in the plan: Management: the "
                                     "host's management network (its management PIF))")
    assert setup["XenServer"][-1] == ("Do not install the CloudStack Supplemental Pack: this "
                                      "zone uses no security groups")


def test_vmware_switches_and_management_port_group() -> None:
    setup, _ = _setup({"networktype": "advanced", "physical_networks": [{
        "name": "pn", "traffic_types": [
            {"traffictype": "management"},
            {"traffictype": "guest", "vmwarenetworklabel": "dvSwitch1,,vmwaredvs"}]}],
        "pods": _pod("VMware")}, {"vmware.management.portgroup": "Mgmt PG"})
    items = setup["VMware"]
    assert items[0] == ("Distributed switch `dvSwitch1` (vmwaredvs) on every ESXi host, for "
                        "Guest traffic of pn")
    assert items[1] == ("Standard vSwitch `vSwitch0` (vmwaresvs) on every ESXi host, for "
                        "Management traffic of pn (not labelled in the plan: Management: "
                        "CloudStack's default)")
    assert items[2].startswith("Management port group `Mgmt PG` (setting "
                               "vmware.management.portgroup)")
    assert "`cloud.guest.<vlan>.<Mb/s>.1-<switch>`" in items[3]


def test_libvirt_dhcp_advice_only_where_there_are_kvm_hosts() -> None:
    for hypervisor, libvirt in (("KVM", True), ("VMware", False), ("XenServer", False)):
        _, checks = _setup({"networktype": "advanced", "physical_networks": [{
            "name": "pn", "traffic_types": [{"traffictype": "management"},
                                            {"traffictype": "guest"}]}],
            "pods": _pod(hypervisor)})
        assert any("libvirt" in check for check in checks) is libvirt, hypervisor


def test_vxlan_kvm_hosts_need_a_vtep_address_and_multicast_or_evpn() -> None:
    setup, _ = _setup({"networktype": "advanced", "physical_networks": [{
        "name": "pn", "isolationmethods": ["VXLAN"], "vlan": "5000-5999",
        "traffic_types": [{"traffictype": "management", "kvmnetworklabel": "cloudbr0"},
                          {"traffictype": "guest", "kvmnetworklabel": "cloudbr1"}]}],
        "pods": _pod("KVM")})
    vtep, underlay, firewall = setup["KVM"][-3:]
    assert "UDP 8472" in firewall and "igmp_max_memberships" in firewall
    assert "`brvx-<vni>` over `cloudbr1`, which needs an IPv4 address" in vtep
    assert "VNI 5000 uses 239.0.19.136" in underlay and "BGP EVPN" in underlay
    vlan, _ = _setup({"networktype": "advanced", "physical_networks": [{
        "name": "pn", "vlan": "500-599",
        "traffic_types": [{"traffictype": "management"}, {"traffictype": "guest"}]}],
        "pods": _pod("KVM")})
    assert not any("VXLAN" in item for item in vlan["KVM"])
