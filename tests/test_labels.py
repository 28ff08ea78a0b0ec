"""Traffic labels: VMware label parsing and CloudStack's fallbacks for unset labels."""

from __future__ import annotations

from typing import Any

import pytest

from netplan_cs.facts.labels import parse_vmware_label, resolve_labels
from netplan_cs.model.build import build_plan


@pytest.mark.parametrize(("text", "switch", "vlan", "kind", "error"), [
    ("vSwitch1", "vSwitch1", None, "vmwaresvs", None),
    ("vSwitch1,,", "vSwitch1", None, "vmwaresvs", None),  # Java's split drops trailing ""
    ("dvSwitch0,200,VMwareDVS", "dvSwitch0", "200", "vmwaredvs", None),
    ("dvSwitch0,,dvs", "dvSwitch0", None, "dvs",
     'CloudStack: "Invalid virtual switch type : dvs"'),
    ("a,1,vmwaresvs,x", "a", "1", "vmwaresvs",
     'CloudStack: "Found extraneous fields in VMWare traffic label : a,1,vmwaresvs,x"'),
    (",100", "", "100", "vmwaresvs", "the switch name (first field) is empty"),
    ("vSwitch0,4095", "vSwitch0", "4095", "vmwaresvs",
     "the VLAN field '4095' is not a VLAN ID (1-4094)"),
])
def test_parse_vmware_label(text: str, switch: str, vlan: str | None, kind: str,
                            error: str | None) -> None:
    label = parse_vmware_label(text)
    assert (label.switch, label.vlan, label.switch_type, label.error) == (switch, vlan, kind,
                                                                          error)


def _labels(traffic: list[dict[str, Any]], hypervisor: str,
            settings: dict[str, Any] | None = None) -> dict[str, tuple[str | None, str]]:
    plan, problems, _ = build_plan({"settings": settings or {}, "zones": [{
        "name": "z", "networktype": "advanced", "dns1": "192.0.2.1", "internaldns1": "10.0.0.2",
        "physical_networks": [{"name": "pn", "traffic_types": traffic}],
        "pods": [{"name": "p", "gateway": "10.0.0.1", "netmask": "255.255.255.0",
                  "clusters": [{"name": "c", "hypervisor": hypervisor}]}]}]})
    assert plan is not None, problems
    zone = plan.zones[0]
    resolved = resolve_labels(plan, zone, zone.physical_networks[0])[hypervisor]
    return {kind: (label.name, label.origin) for kind, label in resolved.items()}


def test_kvm_fallback_chain() -> None:
    labels = _labels([{"traffictype": "management"}, {"traffictype": "guest",
                      "kvmnetworklabel": "cloudbr1"}, {"traffictype": "public"},
                      {"traffictype": "storage"}], "KVM")
    assert labels == {"Management": ("cloudbr1", "taken from the Guest label"),
                      "Public": ("cloudbr1", "taken from the Guest label"),
                      "Guest": ("cloudbr1", ""),
                      "Storage": ("cloudbr1",
                                  "the management bridge, itself taken from the Guest label")}


def test_kvm_defaults_follow_the_settings() -> None:
    labels = _labels([{"traffictype": "management"}, {"traffictype": "guest"}], "KVM",
                     {"kvm.private.network.device": "br-mgmt"})
    assert labels["Guest"] == ("br-mgmt", "from the kvm.*.network.device settings")


def test_xenserver_fallbacks() -> None:
    labels = _labels([{"traffictype": "management"}, {"traffictype": "guest"},
                      {"traffictype": "public", "xennetworklabel": "cloud-public"}],
                     "XenServer")
    host = "the host's management network (its management PIF)"
    assert labels == {"Management": (None, host), "Guest": (None, host),
                      "Public": ("cloud-public", "")}
