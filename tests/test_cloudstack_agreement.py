"""Plans CloudStack accepts do not fail the gate (issue 17): what each corrected rule now says.

Each case is a plan the rule used to fail with an error although CloudStack's code accepts
it (or only fails later in a narrower case); the assertion is the severity the code justifies.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netplan_cs.document import open_plan
from netplan_cs.engine.registry import load_rules, select
from netplan_cs.engine.run import lint_document

ZONE = """zones:
  - name: zone1
    networktype: {networktype}
    securitygroupenabled: {sg}
    guestcidraddress: 10.1.1.0/24
    dns1: 192.0.2.53
    internaldns1: 10.0.0.2
    physical_networks:
      - name: physnet1
        traffic_types:
          - traffictype: management
            vmwarenetworklabel: vSwitch0,,vmwaresvx
          - traffictype: guest
    pods:
      - name: pod1
        gateway: 10.0.0.1
        netmask: 255.255.255.0
        startip: 10.0.0.10
        endip: 10.0.0.20
        clusters:
          - name: cluster1
            hypervisor: {hypervisor}
            hosts:
              - ipaddress: 10.0.0.12
"""


def findings(tmp_path: Path, rule_id: str, hypervisor: str = "KVM",
             networktype: str = "advanced", sg: str = "false") -> list[tuple[str, str]]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(ZONE.format(hypervisor=hypervisor, networktype=networktype, sg=sg),
                    encoding="utf-8")
    rules = select(load_rules(), [rule_id], [])
    return [(str(f.severity), f.message) for f in lint_document(open_plan(plan), rules)]


def test_a013_host_in_reserved_range_is_a_warning_quoting_the_refusal(tmp_path: Path) -> None:
    [(severity, message)] = findings(tmp_path, "A013")
    assert severity == "warning"
    assert "is already in use in pod" in message


@pytest.mark.parametrize("hypervisor", ["KVM", "VMware"])
def test_m003_unset_cidr_warns_with_cloudstacks_own_pick(tmp_path: Path, hypervisor: str) -> None:
    [(severity, message)] = findings(tmp_path, "M003", hypervisor)
    assert severity == "warning"
    assert "Set it default to" in message
    assert ("VMware virtual routers" in message) == (hypervisor == "VMware")


@pytest.mark.parametrize(("hypervisor", "expected"), [("KVM", "info"), ("VMware", "error")])
def test_l004_label_syntax_is_an_error_only_where_vmware_reads_it(
        tmp_path: Path, hypervisor: str, expected: str) -> None:
    [(severity, message)] = findings(tmp_path, "L004", hypervisor)
    assert severity == expected
    assert ("has no VMware cluster" in message) == (expected == "info")


@pytest.mark.parametrize(("networktype", "sg", "hypervisor", "expected"), [
    ("advanced", "true", "VMware", ["error"]),
    ("advanced", "true", "BareMetal", ["error"]),
    ("advanced", "true", "LXC", []),
    ("advanced", "false", "VMware", []),
    ("basic", "false", "VMware", ["warning"]),
    ("basic", "false", "BareMetal", []),
])
def test_l007_follows_discover_cluster(tmp_path: Path, networktype: str, sg: str,
                                       hypervisor: str, expected: list[str]) -> None:
    found = findings(tmp_path, "L007", hypervisor, networktype, sg)
    assert [severity for severity, _ in found] == expected


def test_v005_shared_network_that_bypasses_the_vnet_check_is_a_warning(tmp_path: Path) -> None:
    """createGuestNetwork skips findVnet when bypassVlanOverlapCheck is set for a Shared
    network (NetworkOrchestrator.validateVlanSettings): not refused, still a collision risk."""
    plan = tmp_path / "plan.yaml"
    shared = """    shared_networks:
      - name: shared1
        gateway: 10.50.0.1
        netmask: 255.255.255.0
        vlan: 120
        bypassvlanoverlapcheck: {bypass}
"""
    zone = ZONE.format(hypervisor="KVM", networktype="advanced", sg="false").replace(
        "    physical_networks:\n      - name: physnet1\n",
        "    physical_networks:\n      - name: physnet1\n        vlan: 100-200\n")
    rules = select(load_rules(), ["V005"], [])
    seen = []
    for bypass in ("false", "true"):
        plan.write_text(zone.replace("    pods:\n", shared.format(bypass=bypass) + "    pods:\n"),
                        encoding="utf-8")
        [finding] = lint_document(open_plan(plan), rules)
        seen.append((str(finding.severity), "already being used" in finding.message))
    assert seen == [("error", True), ("warning", False)]
