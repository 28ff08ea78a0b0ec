"""A value outside its closed set is reported with the nearest spelling and takes nothing
else down: the rest of its element is still linted."""

from __future__ import annotations

from pathlib import Path

from netplan_cs.document import open_plan
from netplan_cs.engine.registry import load_rules
from netplan_cs.engine.run import lint_document

PLAN = """\
zones:
  - name: zone1
    networktype: advanced
    dns1: 192.0.2.53
    internaldns1: 10.0.0.2
    pods:
      - name: pod1
        gateway: 10.0.0.1
        netmask: 255.255.255.248
        startip: 10.0.0.2
        endip: 10.0.0.5
        clusters:
          - name: cluster1
            hypervisor: {hypervisor}
            hosts:
              - name: h1
                ipaddress: 10.0.0.6
              - name: h2
                ipaddress: 10.9.0.12
              - name: h3
                ipaddress: 10.0.0.7
"""


def _findings(tmp_path: Path, hypervisor: str) -> dict[str, list[str]]:
    plan = tmp_path / f"{hypervisor}.yaml"
    plan.write_text(PLAN.format(hypervisor=hypervisor), encoding="utf-8")
    found: dict[str, list[str]] = {}
    for finding in lint_document(open_plan(plan), load_rules()):
        found.setdefault(finding.rule, []).append(f"{finding.line}: {finding.message}")
    return found


def test_misspelt_hypervisor_keeps_the_pods_address_and_capacity_checks(tmp_path: Path) -> None:
    good = _findings(tmp_path, "KVM")
    typo = _findings(tmp_path, "KMV")
    assert typo["P001"] == ["14: unknown hypervisor 'KMV' (did you mean KVM?); expected one "
                            "of BareMetal, Hyperv, KVM, LXC, Ovm3, Simulator, VMware, XenServer"]
    assert "P001" not in good
    for rule in ("C002", "A012"):  # hosts in the pod and their addresses, whatever they run
        assert rule in good
        assert [line.split(":")[0] for line in typo[rule]] == [
            line.split(":")[0] for line in good[rule]]
