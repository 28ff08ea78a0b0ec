"""The Marvin importer: key spellings, the branches of `ipranges`, ignored keys, origins."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from netplan_cs.document import open_plan
from netplan_cs.importers.marvin import import_marvin, looks_like_marvin


def zone(**extra: Any) -> dict[str, Any]:
    base = {"name": "z1", "networktype": "Advanced", "dns1": "8.8.8.8",
            "internaldns1": "10.0.0.2",
            "physical_networks": [{"name": "eth0", "isolationmethods": ["VLAN"],
                                   "vlan": "100-200", "broadcastdomainrange": "Zone",
                                   "traffictypes": [{"typ": "Guest", "kvm": "cloudbr1",
                                                     "xenserver": "x"},
                                                    {"typ": "Public"},
                                                    {"typ": "Management"}]}],
            "ipranges": [{"startip": "172.16.0.10", "endip": "172.16.0.20",
                          "gateway": "172.16.0.1", "netmask": "255.255.255.0",
                          "vlan": "50"}],
            "pods": [{"name": "p1", "gateway": "10.0.0.1", "netmask": "255.255.255.0",
                      "startip": "10.0.0.10", "endip": "10.0.0.20",
                      "guestIpRanges": [{"startip": "10.0.0.100", "endip": "10.0.0.120",
                                         "gateway": "10.0.0.1",
                                         "netmask": "255.255.255.0"}],
                      "clusters": [{"clustername": "c1", "hypervisor": "KVM",
                                    "hosts": [{"url": "http://10.0.0.31", "username": "root",
                                               "password": "x"}]}]}]}
    base.update(extra)
    return base


def test_advanced_zone_ranges_are_public_and_labels_renamed() -> None:
    imported = import_marvin({"zones": [zone()]})
    native = imported.data["zones"][0]
    assert native["public_ranges"][0]["vlan"] == "50"
    assert native["physical_networks"][0]["traffic_types"][0] == {
        "traffictype": "Guest", "kvmnetworklabel": "cloudbr1"}
    assert native["pods"][0]["clusters"][0]["name"] == "c1"
    assert "guest_ranges" not in native["pods"][0]
    assert imported.source_path(("zones", 0, "public_ranges", 0, "vlan")) == (
        "zones", 0, "ipranges", 0, "vlan")
    assert imported.source_path(("zones", 0, "physical_networks", 0, "traffic_types", 0,
                                 "kvmnetworklabel")) == (
        "zones", 0, "physical_networks", 0, "traffictypes", 0, "kvm")
    ignored = {note.raw_path[-1] for note in imported.notes}
    assert ignored == {"xenserver", "broadcastdomainrange", "guestIpRanges"}


def test_security_group_zone_uses_the_last_range_as_shared_network() -> None:
    ranges = [{"startip": "10.1.0.10", "endip": "10.1.0.20", "gateway": "10.1.0.1",
               "netmask": "255.255.255.0", "vlan": "30"},
              {"startip": "10.2.0.10", "endip": "10.2.0.20", "gateway": "10.2.0.1",
               "netmask": "255.255.255.0", "vlan": "31"}]
    imported = import_marvin({"zones": [zone(securitygroupenabled="true", ipranges=ranges,
                                             guestcidraddress="10.1.1.0/24")]})
    native = imported.data["zones"][0]
    assert "public_ranges" not in native
    assert "guestcidraddress" not in native  # deployDataCenter drops it for SG zones
    assert native["shared_networks"] == [{"name": "Shared SG enabled network",
                                          **ranges[1]}]
    assert native["pods"][0]["guest_ranges"][0]["startip"] == "10.0.0.100"
    assert any(note.raw_path == ("zones", 0, "ipranges", 0) for note in imported.notes)


def test_basic_zone_ranges_are_pod_guest_ranges() -> None:
    imported = import_marvin({"zones": [zone(networktype="Basic")]})
    native = imported.data["zones"][0]
    assert native["pods"][0]["guest_ranges"][0]["endip"] == "10.0.0.120"
    # pnet[0] carries Public traffic, so zone ipranges are elastic-IP (public) ranges
    assert native["public_ranges"][0]["startip"] == "172.16.0.10"


def test_global_config_and_management_servers() -> None:
    imported = import_marvin({
        "zones": [zone()],
        "globalConfig": [{"name": "network.throttling.rate", "value": "100"},
                         {"name": "network.throttling.rate", "value": "300"}],
        "mgtSvr": [{"mgtSvrIp": "localhost"}, {"mgtSvrIp": "10.0.0.5", "passwd": "p"}]})
    assert imported.data["settings"] == {"network.throttling.rate": "300"}
    assert imported.source_path(("settings", "network.throttling.rate")) == (
        "globalConfig", 1, "value")
    assert imported.data["management_servers"] == [{"ipaddress": "10.0.0.5"}]
    assert imported.source_path(("management_servers", 0, "ipaddress")) == (
        "mgtSvr", 1, "mgtSvrIp")


def test_detection() -> None:
    assert looks_like_marvin({"zones": [], "mgtSvr": []})
    assert looks_like_marvin({"zones": [{"physical_networks": [{"traffictypes": []}]}]})
    assert not looks_like_marvin({"zones": [{"physical_networks": [{"traffic_types": []}]}]})


def test_model_reads_marvin_string_booleans_and_host_urls(tmp_path: Path) -> None:
    path = tmp_path / "zone.cfg"
    path.write_text(json.dumps({"zones": [zone(securitygroupenabled="false")]}))
    document = open_plan(path)
    assert document.problems == []
    assert document.plan is not None
    z = document.plan.zones[0]
    assert z.securitygroupenabled is False
    assert str(z.pods[0].clusters[0].hosts[0].address) == "10.0.0.31"
    assert z.physical_networks[0].vlan is not None
    assert z.physical_networks[0].vlan.intervals == ((100, 200),)
    # a position in the .cfg is found through the origin map
    assert document.display_path(("zones", 0, "pods", 0, "clusters", 0, "name")) == (
        "zones[z1].pods[p1].clusters[c1].name")


def test_source_paths_of_unmoved_keys_follow_their_moved_ancestors() -> None:
    # the origin map holds only moved paths; everything else is found through them
    ranges = [{"startip": "10.1.0.10", "gateway": "10.1.0.1", "netmask": "255.255.255.0"},
              {"startip": "10.2.0.10", "gateway": "10.2.0.1", "netmask": "255.255.255.0"}]
    imported = import_marvin({"zones": [zone(securitygroupenabled="true", ipranges=ranges)]})
    assert imported.source_path(("zones", 0, "shared_networks", 0, "startip")) == (
        "zones", 0, "ipranges", 1, "startip")
    assert imported.source_path(("zones", 0, "pods", 0, "guest_ranges", 0, "endip")) == (
        "zones", 0, "pods", 0, "guestIpRanges", 0, "endip")
    assert imported.source_path(("zones", 0, "pods", 0, "clusters", 0, "hosts", 0, "url")) == (
        "zones", 0, "pods", 0, "clusters", 0, "hosts", 0, "url")
    assert imported.source_path(("zones", 0, "physical_networks", 0, "traffic_types", 1,
                                 "traffictype")) == (
        "zones", 0, "physical_networks", 0, "traffictypes", 1, "typ")
    assert len(imported.origin) < 10


def test_suggestions_for_a_marvin_config_use_marvins_keys(tmp_path: Path) -> None:
    """T007/T008 tell a Marvin user what to write in Marvin's form, a native user in ours."""
    from netplan_cs.engine.registry import load_rules, select
    from netplan_cs.engine.run import lint_document

    zone = {"name": "z1", "networktype": "Advanced", "dns1": "8.8.8.8",
            "internaldns1": "10.0.0.2",
            "physical_networks": [{"name": "eth0", "traffictypes": [{"typ": "Guest"}]}]}
    cfg = tmp_path / "zone.cfg"
    cfg.write_text(json.dumps({"zones": [zone]}), encoding="utf-8")
    rules = select(load_rules(), ["T007", "T008"], [])
    hints = sorted(f.suggestion or "" for f in lint_document(open_plan(cfg), rules))
    assert hints == ['add {"typ": "Management"} to the `traffictypes` of one physical network',
                     'add {"typ": "Public"} to the `traffictypes` of one physical network']


def test_label_help_names_the_key_of_the_files_own_format(tmp_path: Path) -> None:
    """L001's help says `kvm` to a Marvin user and `kvmnetworklabel` to a native one."""
    from netplan_cs.engine.registry import load_rules, select
    from netplan_cs.engine.run import lint_document

    zone = {"name": "z1", "networktype": "Advanced", "dns1": "8.8.8.8",
            "internaldns1": "10.0.0.2",
            "physical_networks": [{"name": "eth0", "traffictypes": [
                {"typ": "Management", "kvm": "cloudbr0"}, {"typ": "Storage"}]}],
            "pods": [{"name": "p1", "gateway": "10.0.0.1", "netmask": "255.255.255.0",
                      "clusters": [{"clustername": "c1", "hypervisor": "KVM"}]}]}
    cfg = tmp_path / "zone.cfg"
    cfg.write_text(json.dumps({"zones": [zone]}), encoding="utf-8")
    native = tmp_path / "plan.yaml"
    native.write_text(json.dumps({"zones": [{
        **{k: v for k, v in zone.items() if k not in ("physical_networks", "pods")},
        "physical_networks": [{"name": "eth0", "traffic_types": [
            {"traffictype": "management", "kvmnetworklabel": "cloudbr0"},
            {"traffictype": "storage"}]}],
        "pods": [{"name": "p1", "gateway": "10.0.0.1", "netmask": "255.255.255.0",
                  "clusters": [{"name": "c1", "hypervisor": "KVM"}]}]}]}), encoding="utf-8")
    rules = select(load_rules(), ["L001"], [])
    [marvin] = lint_document(open_plan(cfg), rules)
    [ours] = lint_document(open_plan(native), rules)
    assert marvin.suggestion == "set `kvm` to the name that exists on every KVM host"
    assert ours.suggestion == "set `kvmnetworklabel` to the name that exists on every KVM host"
    assert marvin.message == ours.message  # messages name CloudStack's own parameter
