"""`netplan-cs rates`: the table, the JSON document, --set what-ifs and usage errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from netplan_cs.cli.app import app
from tests.conftest import SAMPLES

runner = CliRunner()
PLAN = """\
settings:
  vm.network.throttling.rate: 300
zones:
  - name: zone1
    networktype: advanced
    guestcidraddress: 10.1.1.0/24
    dns1: 8.8.8.8
    internaldns1: 8.8.4.4
offerings:
  service:
    - name: Small Instance
  network:
    - name: Iso1G
      guestiptype: Isolated
      networkrate: 1000
"""


def write_plan(tmp_path: Path, text: str = PLAN) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_table_shows_rate_kvm_value_source_and_chain(tmp_path: Path) -> None:
    result = runner.invoke(app, ["rates", str(write_plan(tmp_path))])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Global settings (Mb/s; 0 = unlimited):"
    assert any(line.split() == ["vm.network.throttling.rate", "300", "plan"] for line in lines)
    small = next(line for line in lines if line.startswith("user-vm-default"))
    assert small.split(None, 5)[:5] == ["user-vm-default", "Small", "Instance", "300", "37500"]
    assert small.rstrip().endswith("service offering 'Small Instance': networkrate unset -> "
                                   "vm.network.throttling.rate = 300 (plan)")
    public = next(line for line in lines if line.startswith("router-public"))
    assert public.split()[1:5] == ["Iso1G", "1000", "125000", "offering"]
    ssvm = next(line for line in lines if line.startswith("ssvm"))
    assert "unlimited" in ssvm.split()


def test_json_document(tmp_path: Path) -> None:
    result = runner.invoke(app, ["rates", str(write_plan(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert document["settings"] == {
        "network.throttling.rate": {"value": 200, "source": "default"},
        "vm.network.throttling.rate": {"value": 300, "source": "plan"}}
    assert document["nics"][0] == {
        "nic": "user-vm-default", "offering": "Small Instance", "offering_kind": "service",
        "offering_rate": None, "effective_mbps": 300, "unlimited": False, "kvm_kbps": 37500,
        "via": ["service offering 'Small Instance': networkrate unset",
                "vm.network.throttling.rate = 300 (plan)"]}
    assert [nic["nic"] for nic in document["nics"]] == [
        "user-vm-default", "user-vm-additional", "router-guest", "router-public", "ssvm", "cpvm",
        "system-network", "system-network", "system-network"]
    cpvm = document["nics"][5]
    assert (cpvm["offering"], cpvm["offering_kind"], cpvm["offering_rate"],
            cpvm["effective_mbps"], cpvm["unlimited"], cpvm["kvm_kbps"]) == (
        "System Offering For Console Proxy", "system", 0, None, True, None)


def test_set_overrides_a_global_setting(tmp_path: Path) -> None:
    result = runner.invoke(app, ["rates", str(write_plan(tmp_path)), "-f", "json",
                                 "--set", "vm.network.throttling.rate=0",
                                 "--set", "network.throttling.rate=50"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["settings"]["vm.network.throttling.rate"] == {"value": 0, "source": "--set"}
    first = document["nics"][0]
    assert (first["effective_mbps"], first["unlimited"], first["via"][-1]) == (
        None, True, "0 = unlimited")


def test_invalid_plan_setting_is_shown_not_a_crash(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, PLAN.replace("throttling.rate: 300", "throttling.rate: abc"))
    result = runner.invoke(app, ["rates", str(plan), "-f", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["settings"]["vm.network.throttling.rate"] == {
        "value": 200, "source": "default (plan value 'abc' is invalid)"}


def test_bad_set_values_are_usage_errors(tmp_path: Path) -> None:
    plan = str(write_plan(tmp_path))
    for item, message in [
            ("vm.network.throttling.rate=fast", "must be a non-negative integer"),
            ("vm.network.throttling.rate=-5", "must be a non-negative integer"),
            ("expunge.delay=5", "expected NAME=VALUE with NAME one of network.throttling.rate"),
            ("network.throttling.rate", "expected NAME=VALUE")]:
        result = runner.invoke(app, ["rates", plan, "--set", item])
        assert result.exit_code == 2, item
        assert result.stdout == ""
        assert result.stderr.startswith("netplan-cs: error: --set")
        assert message in result.stderr


def test_unreadable_plan_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["rates", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("error: no such file")


def test_plan_without_anything_sound_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["rates", str(write_plan(tmp_path, "zones: 5\n"))])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{tmp_path / 'plan.yaml'}:1:")


def test_sample_runs() -> None:
    result = runner.invoke(app, ["rates", str(SAMPLES / "nested-kvm-lab.yaml")])
    assert result.exit_code == 0
    assert "DefaultIsolatedNetworkOfferingWithSourceNatService" in result.stdout
