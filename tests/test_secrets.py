"""A secret planted in every secret-bearing key never reaches any output.

Every command of `tests.fuzzing.COMMANDS` runs on a Marvin config and a native
plan that hold a distinct secret in each key that carries one, written in clear,
badly typed (so P001 describes the value) or inside a file that fails to parse.
Stdout, stderr and any file written are searched for every secret.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fuzzing import COMMANDS, Command, Outcome, check_outcome, run_cli

MARK = "Sekr1t"  # every planted secret contains it; nothing else in the plans does


def _secret(where: str) -> str:
    return f"{MARK}-{where}-9f3a"


def _marvin(password: object) -> dict[str, object]:
    """A small advanced-zone Marvin config with a secret in each secret key Marvin knows."""
    return {
        "zones": [{
            "name": "z1", "networktype": "Advanced", "dns1": "8.8.8.8",
            "internaldns1": "10.1.1.1", "guestcidraddress": "10.10.0.0/16",
            "physical_networks": [{"name": "p1", "vlan": "100-200",
                                   "traffictypes": [{"typ": "Management"}, {"typ": "Guest"},
                                                    {"typ": "Public"}]}],
            "ipranges": [{"gateway": "172.16.1.1", "netmask": "255.255.255.0",
                          "startip": "172.16.1.10", "endip": "172.16.1.20",
                          "vlan": "untagged"}],
            "pods": [{"name": "pod1", "gateway": "10.1.1.1", "netmask": "255.255.255.0",
                      "startip": "10.1.1.100", "endip": "10.1.1.120",
                      "clusters": [{"clustername": "c1", "hypervisor": "KVM",
                                    "clustertype": "CloudManaged", "username": "root",
                                    "password": password,
                                    "hosts": [{"url": "http://10.1.1.50", "username": "root",
                                               "password": _secret("host-password")}]}]}],
            "secondaryStorages": [{"url": "nfs://10.1.1.5/export/secondary",
                                   "provider": "NFS"}],
        }],
        "dbSvr": {"dbSvr": "10.1.1.5", "port": 3306, "user": "cloud",
                  "passwd": _secret("db-passwd"), "db": "cloud"},
        "mgtSvr": [{"mgtSvrIp": "10.1.1.5", "port": 8096, "user": "admin",
                    "passwd": _secret("mgt-passwd"), "apiKey": _secret("apiKey"),
                    "securityKey": _secret("securityKey")}],
        "s3": {"accesskey": "AKIAEXAMPLE", "secretkey": _secret("s3-secretkey"),
               "bucket": "templates", "endpoint": "s3.example.com"},
        "logger": {"LogFolderPath": "/tmp/"},
    }


def _native(password: object) -> str:
    return f"""\
management_servers:
  - name: ms1
    ipaddress: 10.1.1.5
    username: admin
    password: {json.dumps(password)}
    apikey: {_secret("native-apikey")}
    secretkey: "{_secret("native-secretkey")}"
zones:
  - name: z1
    networktype: advanced
    dns1: 8.8.8.8
    internaldns1: 10.1.1.1
    guestcidraddress: 10.10.0.0/16
    pods:
      - name: pod1
        gateway: 10.1.1.1
        netmask: 255.255.255.0
        startip: 10.1.1.100
        endip: 10.1.1.120
        clusters:
          - name: c1
            hypervisor: KVM
            password: {_secret("native-cluster-password")}
            hosts:
              - ipaddress: 10.1.1.50
                username: root
                password: '{_secret("native-host-password")}'
            primary_storage:
              - name: ceph
                url: rbd://admin:{_secret("in-a-url")}@10.1.1.30/cloudstack
"""


# the cluster (Marvin) or management-server (native) password, in clear and badly typed
PASSWORDS = {"clear": _secret("password"), "list": [_secret("in-a-list")],
             "mapping": {"value": _secret("in-a-mapping")}, "number": 4_242_424_242}


def _plans() -> list[tuple[str, str, str]]:
    plans = []
    for kind, password in PASSWORDS.items():
        plans.append((f"marvin-{kind}", "zone.cfg", json.dumps(_marvin(password), indent=2)))
        plans.append((f"native-{kind}", "plan.yaml", _native(password)))
    # a file that does not parse, just after a secret: the syntax error must not quote it
    plans.append(("native-broken", "plan.yaml",
                  _native(_secret("password")).replace("apikey:", "apikey: [", 1)))
    plans.append(("marvin-broken", "zone.cfg",
                  json.dumps(_marvin(_secret("password")), indent=2)[:-40]))
    return plans


PLANS = _plans()


def _leaks(outcome: Outcome) -> list[str]:
    everything = outcome.stdout + outcome.stderr + outcome.written
    return [line for line in everything.splitlines() if MARK in line or "4242424242" in line]


@pytest.mark.parametrize("command", COMMANDS, ids=[c.id for c in COMMANDS])
@pytest.mark.parametrize(("case", "name", "text"), PLANS, ids=[p[0] for p in PLANS])
def test_no_output_shows_a_secret(case: str, name: str, text: str, command: Command,
                                  tmp_path: Path) -> None:
    plan = tmp_path / name
    plan.write_text(text)
    assert MARK in text
    outcome = run_cli(command, plan, tmp_path / "out.yaml")
    check_outcome(command, outcome)
    assert _leaks(outcome) == []
    if case.endswith("broken"):
        assert outcome.exit_code == 2
    elif command.id.startswith("lint"):
        assert "S001" in outcome.stdout  # the secrets were seen, and reported masked


@pytest.mark.parametrize(("kind", "column"), [("list", 5), ("mapping", 5), ("number", 15)])
def test_a_badly_typed_secret_is_described_masked(kind: str, column: int,
                                                  tmp_path: Path) -> None:
    """P001 names the type, never the value (a flow list is placed at its key)."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(_native(PASSWORDS[kind]))
    outcome = run_cli(COMMANDS[0], plan, tmp_path / "out.yaml")
    assert f"{plan}:5:{column}: P001 [error] expected text, got '***'\n" in outcome.stdout


def test_convert_writes_references_and_says_so(tmp_path: Path) -> None:
    plan = tmp_path / "zone.cfg"
    plan.write_text(json.dumps(_marvin(_secret("password")), indent=2))
    out = tmp_path / "plan.yaml"
    outcome = run_cli(Command("convert", ("convert", "{plan}", "--output", "{out}")), plan, out)
    assert outcome.exit_code == 0
    written = out.read_text()
    assert "password: ${CLOUDSTACK_SECRET_1}" in written
    assert "password: ${CLOUDSTACK_SECRET_2}" in written
    assert ("netplan-cs: zones[z1].pods[pod1].clusters[c1].password written as "
            "${CLOUDSTACK_SECRET_1} (a secret is never copied)") in outcome.stderr
