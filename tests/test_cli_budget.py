"""`netplan-cs budget`: the JSON document's shape, demand flags, and the estimate's exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from netplan_cs.cli.app import app
from tests.conftest import SAMPLES

RUNNER = CliRunner()
SAMPLE = str(SAMPLES / "nested-kvm-lab.yaml")
BUDGET_KEYS = {"size", "needed", "free", "utilisation", "breakdown"}


def run(*args: str) -> tuple[int, str, str]:
    result = RUNNER.invoke(app, ["budget", *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_document_shape() -> None:
    code, out, _ = run(SAMPLE, "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["version"] == 1
    [zone] = document["zones"]
    assert set(zone) == {"name", "pods", "public", "guest_vlans", "guest_cidr"}
    [pod] = zone["pods"]
    assert set(pod) == {"name", "cidr", "reserved", "hosts"}
    assert pod["cidr"] == "192.168.122.0/24"
    assert pod["reserved"] == {"size": 20, "needed": 2, "free": 18, "utilisation": 0.1,
                               "breakdown": {"ssvm": 1, "cpvm": 1, "router_control": 0}}
    assert pod["hosts"] == {"count": 1, "capacity": 212, "declared": 1, "outside": 0,
                            "simulated": 0}
    assert set(zone["public"]) == BUDGET_KEYS
    assert zone["public"]["breakdown"] == {"ssvm": 1, "cpvm": 1, "source_nat": 0, "extra": 0}
    assert zone["guest_vlans"] == {"size": 101, "needed": 0, "free": 101, "utilisation": 0.0}
    assert zone["guest_cidr"] == {"cidr": "10.1.1.0/24", "vms_per_network": 253,
                                  "vms_per_network_redundant": 251}


def test_demand_flags_override_the_plan() -> None:
    code, out, _ = run(SAMPLE, "-f", "json", "--isolated-networks", "80", "--vpcs", "5",
                       "--vpc-tiers", "4", "--ssvms", "2", "--cpvms", "3",
                       "--redundant-routers")
    assert code == 0
    zone = json.loads(out)["zones"][0]
    assert zone["public"]["breakdown"] == {"ssvm": 2, "cpvm": 3, "source_nat": 85, "extra": 0}
    assert zone["public"]["free"] == 20 - 90 and zone["public"]["utilisation"] == 4.5
    assert zone["guest_vlans"]["needed"] == 100
    assert zone["pods"][0]["reserved"]["breakdown"] == {"ssvm": 2, "cpvm": 3,
                                                        "router_control": 0}


def test_text_table_marks_threshold_and_shortfall() -> None:
    code, out, _ = run(SAMPLE, "--isolated-networks", "14")
    assert code == 0
    public = next(line for line in out.splitlines() if line.startswith("public"))
    assert public.split()[1:5] == ["20", "16", "4", "80%"] and "!" in public
    code, out, _ = run(SAMPLE, "--isolated-networks", "30")
    public = next(line for line in out.splitlines() if line.startswith("public"))
    assert "SHORT" in public


def test_estimate_worked_example() -> None:
    code, out, _ = run("--estimate", "--zone-type", "advanced", "--hypervisor", "vmware",
                       "--pods", "2", "--hosts-per-pod", "20", "--isolated-networks", "300",
                       "--vpcs", "10", "-f", "json")
    assert code == 0
    needs = {n["name"]: n for n in json.loads(out)["estimate"]["needs"]}
    assert needs["pod reserved range"]["breakdown"] == {"ssvm": 1, "cpvm": 1,
                                                        "router_control": 155}
    assert (needs["pod reserved range"]["size"], needs["pod reserved range"]["prefix"]) == (210,
                                                                                          24)
    assert (needs["pod CIDR"]["needed"], needs["pod CIDR"]["prefix"]) == (231, 24)
    assert (needs["public ranges"]["needed"], needs["public ranges"]["size"],
            needs["public ranges"]["prefix"]) == (312, 416, 23)
    assert (needs["guest VLAN range"]["needed"], needs["guest VLAN range"]["size"],
            needs["guest VLAN range"]["prefix"]) == (300, 400, None)


def test_estimate_text_names_the_smallest_prefixes() -> None:
    code, out, _ = run("--estimate", "--pods", "1", "--hosts-per-pod", "100")
    assert code == 0
    rows = {line.split("  ")[0]: line for line in out.splitlines()}
    assert "/25 or larger" in rows["pod CIDR"]  # 1 + 100 + 3 (2 system VMs at 75%) = 104
    assert "0 VLANs or more" in rows["guest VLAN range"]
    assert out.count("or larger") == 3 and out.count("VLANs or more") == 1  # each fit once


def test_estimate_basic_zone() -> None:
    code, out, _ = run("--estimate", "--zone-type", "basic", "--pods", "2",
                       "--vms-per-network", "300", "-f", "json")
    assert code == 0
    names = [n["name"] for n in json.loads(out)["estimate"]["needs"]]
    assert names == ["pod reserved range", "pod CIDR", "pod guest range"]
    guest = json.loads(out)["estimate"]["needs"][2]
    assert (guest["needed"], guest["size"], guest["prefix"]) == (153, 204, 24)


@pytest.mark.parametrize(("args", "message"), [
    (["--estimate", "--vpcs", "-1"], "--vpcs cannot be negative (got -1)"),
    (["--estimate", "--zone-type", "basic", "--vpcs", "3"], "a basic zone has no isolated "
                                                             "networks or VPCs"),
    (["--estimate", "--security-groups", "--isolated-networks", "2"],
     "a security-group zone has no isolated networks or VPCs"),
    (["--estimate", "--zone-type", "basic", "--hypervisor", "vmware"],
     "a basic zone cannot use VMware clusters"),
    (["--estimate", "--pods", "0"], "at least one pod"),
    (["--estimate", "--hypervisor", "esx"], "unknown hypervisor 'esx'"),
    (["--estimate", SAMPLE], "--estimate sizes a zone without a plan"),
    ([], "give a PLAN file, or --estimate"),
    ([SAMPLE, "--pods", "2"], "--pods: only with --estimate"),
    ([SAMPLE, "--isolated-networks", "-5"], "--isolated-networks cannot be negative"),
])
def test_invalid_combinations_exit_2_with_a_clear_message(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert err.startswith("netplan-cs: error: ") and message in err


def test_unreadable_plan_exits_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("zones: [\n", encoding="utf-8")
    code, _, err = run(str(broken))
    assert code == 2 and "error:" in err


def test_json_basic_zone_has_pod_guest_budgets_and_no_public_or_vlans() -> None:
    from tests.conftest import ROOT

    example = ROOT / "rules/capacity/C006-guest-range-too-small/examples/pass/basic-pod.yaml"
    code, out, _ = run(str(example), "-f", "json")
    assert code == 0
    [zone] = json.loads(out)["zones"]
    assert set(zone) == {"name", "pods"}
    assert zone["pods"][0]["guest"] == {
        "size": 50, "needed": 13, "free": 37, "utilisation": 0.26,
        "breakdown": {"vms": 10, "router": 1, "ssvm": 1, "cpvm": 1}}
