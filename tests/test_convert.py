"""`netplan-cs convert`: Marvin to native YAML that lints the same, secrets never copied."""

from __future__ import annotations

import json
from pathlib import Path

from netplan_cs.document import open_plan
from tests.cli_helpers import run_cli

CFG = {
    "zones": [{"name": "z1", "networktype": "Advanced", "securitygroupenabled": "false",
               "dns1": "8.8.8.8", "internaldns1": "10.0.0.2", "guestcidraddress": "10.1.1.0/24",
               "physical_networks": [{"name": "eth0", "isolationmethods": ["VLAN"],
                                      "vlan": "100-200",
                                      "traffictypes": [{"typ": "Guest", "kvm": "cloudbr1"},
                                                       {"typ": "Management"}]}],
               "pods": [{"name": "p1", "gateway": "10.0.0.1", "netmask": "255.255.255.0",
                         "startip": "10.0.0.10", "endip": "10.0.0.20",
                         "clusters": [{"clustername": "c1", "hypervisor": "KVM",
                                       "hosts": [{"url": "http://10.0.0.31",
                                                  "password": "TopSecret99"}]}]}]}],
    "mgtSvr": [{"mgtSvrIp": "10.0.0.5", "passwd": "TopSecret99"}]}


def write_cfg(tmp_path: Path) -> Path:
    path = tmp_path / "zone.cfg"
    path.write_text(json.dumps(CFG, indent=2))
    return path


def test_convert_writes_normalised_native_yaml(tmp_path: Path) -> None:
    cfg = write_cfg(tmp_path)
    target = tmp_path / "plan.yaml"
    result = run_cli("convert", str(cfg), "-o", str(target))
    assert result.code == 0
    text = target.read_text()
    assert "TopSecret99" not in text + result.out + result.err
    assert "password: ${CLOUDSTACK_SECRET_1}" in text
    assert "securitygroupenabled: false" in text
    assert "kvmnetworklabel: cloudbr1" in text
    converted = open_plan(target)
    original = open_plan(cfg)
    assert converted.dialect == "native"
    assert converted.problems == []
    assert converted.plan is not None and original.plan is not None
    assert converted.plan.zones[0].model_dump(exclude={"pods"}) == \
        original.plan.zones[0].model_dump(exclude={"pods"})
    assert [h.address for h in converted.plan.zones[0].pods[0].hosts] == \
        [h.address for h in original.plan.zones[0].pods[0].hosts]


def test_convert_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    cfg = write_cfg(tmp_path)
    target = tmp_path / "plan.yaml"
    target.write_text("keep me\n")
    result = run_cli("convert", str(cfg), "-o", str(target))
    assert result.code == 2
    assert "--force" in result.err
    assert target.read_text() == "keep me\n"
    assert run_cli("convert", str(cfg), "-o", str(target), "--force").code == 0
    assert target.read_text() != "keep me\n"


def test_convert_never_writes_over_its_input(tmp_path: Path) -> None:
    cfg = write_cfg(tmp_path)
    before = cfg.read_text()
    result = run_cli("convert", str(cfg), "-o", str(cfg), "--force")
    assert result.code == 2
    assert "input" in result.err
    assert cfg.read_text() == before


def test_convert_to_stdout(tmp_path: Path) -> None:
    result = run_cli("convert", str(write_cfg(tmp_path)))
    assert result.code == 0
    assert result.out.startswith("# Converted from zone.cfg (marvin)")
    assert "zones:\n  - name: z1\n" in result.out
