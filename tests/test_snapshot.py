"""Snapshots of a running cloud: the shipped two-zone snapshot, real list-API responses of two
CloudStack generations, and what a snapshot lacks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from netplan_cs.document import PlanDocument, open_plan
from netplan_cs.engine.registry import load_rules
from netplan_cs.engine.run import lint_document
from netplan_cs.errors import InputError
from netplan_cs.load.location import DataPath
from tests.cli_helpers import run_cli
from tests.conftest import ROOT, SAMPLES, SHARED

SNAPSHOT = SAMPLES / "snapshot"
LIST_API = SHARED / "corpus" / "list-api"
RULES = load_rules()
needs_list_api = pytest.mark.skipif(
    not LIST_API.is_dir(), reason="../shared/corpus/list-api is absent (a user's clone)")


def _leaves(node: Any, path: DataPath = ()) -> list[tuple[DataPath, Any]]:
    if isinstance(node, dict):
        return [leaf for key, value in node.items() for leaf in _leaves(value, (*path, key))]
    if isinstance(node, list):
        return [leaf for i, value in enumerate(node) for leaf in _leaves(value, (*path, i))]
    return [(path, node)]


def _line(file: str, number: int) -> str:
    return Path(file).read_text(encoding="utf-8").splitlines()[number - 1]


def _assert_every_value_points_at_its_text(document: PlanDocument) -> int:
    """Each value of the plan a snapshot gives is located on a line of the file it came from
    that holds that value's text (ids, names and addresses alike)."""
    checked = 0
    for path, value in _leaves(document.data):
        if path == ("version",) or "demand" in path:
            continue  # the demand counts what several listings hold: it is the zone's
        file, where = document.where(path)
        text = str(value).lower() if not isinstance(value, bool) else json.dumps(value)
        if path[-1] == "url" and "ipaddress" in _line(file, where.line):
            text = text.split("://", 1)[1].split("/", 1)[0]  # built from ipaddress and path
        if path[-1] in ("physical_network",):
            text = ""  # given by id: the line holds the physical network's id
        assert text in _line(file, where.line).lower(), (path, value, file, where)
        checked += 1
    return checked


def test_shipped_snapshot_lints_without_errors_or_warnings() -> None:
    document = open_plan(SNAPSHOT)
    assert document.dialect == "snapshot" and document.plan is not None
    findings = lint_document(document, RULES)
    assert [f"{f.file}:{f.line} {f.rule} {f.message}" for f in findings
            if f.severity.name != "INFO"] == []
    assert {Path(f.file).parent for f in findings} == {SNAPSHOT}


def test_ids_resolve_to_the_parents_the_snapshot_names() -> None:
    plan = open_plan(SNAPSHOT).plan
    assert plan is not None
    advanced, basic = plan.zones
    assert [p.name for p in advanced.pods] == ["pod-a"]
    assert [c.name for c in advanced.pods[0].clusters] == ["kvm-a1"]
    assert [str(h.ipaddress) for h in advanced.pods[0].clusters[0].hosts] == [
        "10.10.0.11", "10.10.0.12", "10.10.0.13"]
    assert advanced.physical_networks[0].carries("Public")
    assert advanced.public_ranges[0].vlan == 100  # `vlan://100`
    assert advanced.public_ranges[0].physical_network == "adv-physical"
    assert advanced.shared_networks[0].startip is not None  # its range, by networkid
    assert advanced.settings == {"vpc.max.networks": "3"}  # configurations-zone-<id>.json
    assert str(basic.pods[0].guest_ranges[0].startip) == "10.20.0.130"  # by podid
    assert basic.shared_networks == []  # a basic zone's guest network is its pods' ranges
    assert str(advanced.pods[0].clusters[0].primary_storage[0].url) == \
        "nfs://10.10.0.5/export/primary"
    assert [o.name for o in plan.offerings.system] == ["System Offering For Software Router"]


def test_every_snapshot_value_is_located_on_its_own_json_line() -> None:
    assert _assert_every_value_points_at_its_text(open_plan(SNAPSHOT)) > 100


def test_one_file_snapshot_is_read_like_the_folder() -> None:
    folder = open_plan(SNAPSHOT)
    [example] = ROOT.glob("rules/plan/P008-*/examples/pass/complete-one-file.json")
    one = open_plan(example)
    assert one.dialect == "snapshot" and one.plan is not None and folder.plan is not None
    # the one file holds no zone-scoped settings (they are told apart by file name)
    assert [z.model_dump(exclude={"settings"}) for z in one.plan.zones] == \
        [z.model_dump(exclude={"settings"}) for z in folder.plan.zones]
    _assert_every_value_points_at_its_text(one)


def _copy_snapshot(tmp_path: Path) -> Path:
    target = tmp_path / "snapshot"
    shutil.copytree(SNAPSHOT, target)
    return target


def _edit(folder: Path, name: str, change: Any) -> None:
    path = folder / name
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data, indent=2))


def test_a_finding_points_into_the_file_and_line_of_the_broken_value(tmp_path: Path) -> None:
    folder = _copy_snapshot(tmp_path)
    _edit(folder, "hosts.json", lambda d: d["host"][1].update(ipaddress="10.99.0.7"))
    findings = [f for f in lint_document(open_plan(folder), RULES) if f.rule == "A012"]
    assert len(findings) == 1
    assert findings[0].file == str(folder / "hosts.json")
    assert '"10.99.0.7"' in _line(findings[0].file, findings[0].line)
    assert findings[0].path.startswith("zones[adv-kvm-1].pods[pod-a].clusters[kvm-a1]")


def test_a_missing_listing_is_reported_and_its_rules_do_not_guess(tmp_path: Path) -> None:
    folder = _copy_snapshot(tmp_path)
    for traffic in folder.glob("traffictypes-*.json"):
        traffic.unlink()
    (folder / "imagestores.json").unlink()
    found = lint_document(open_plan(folder), RULES)
    p008 = [f for f in found if f.rule == "P008"]
    assert len(p008) == 1 and "listTrafficTypes" in p008[0].message
    assert "listImageStores" in p008[0].message and "T007" in p008[0].message
    assert p008[0].file == str(folder)
    assert not [f for f in found if f.rule in ("T007", "T008", "Z007")]


def test_an_empty_listing_is_a_listing_and_absence_rules_judge_it(tmp_path: Path) -> None:
    folder = _copy_snapshot(tmp_path)
    (folder / "imagestores.json").write_text("")  # cmk prints nothing for an empty listing
    found = lint_document(open_plan(folder), RULES)
    assert not [f for f in found if f.rule == "P008"]
    assert [f.rule for f in found if f.rule == "Z007"] == ["Z007", "Z007"]


def test_an_unreadable_file_is_located_and_the_rest_is_read(tmp_path: Path) -> None:
    folder = _copy_snapshot(tmp_path)
    (folder / "routers.json").write_text("{'router': []}\n")  # a Python repr, not JSON
    (folder / "notes.txt").write_text("taken before the upgrade\n")
    document = open_plan(folder)
    found = [f for f in lint_document(document, RULES) if f.rule == "P008"]
    by_file = {Path(f.file).name: f for f in found}
    assert (by_file["routers.json"].line, by_file["routers.json"].column) == (1, 2)
    assert "invalid JSON" in by_file["routers.json"].message
    assert "not a `.json` file" in by_file["notes.txt"].message
    assert document.plan is not None and len(document.plan.zones) == 2


def test_plan_text_rules_do_not_judge_what_cmk_wrote() -> None:
    # zones.json holds each zone's `zonetoken`, which S001 would flag in a plan
    assert "zonetoken" in (SNAPSHOT / "zones.json").read_text()
    assert not [f for f in lint_document(open_plan(SNAPSHOT), RULES) if f.rule == "S001"]


def test_a_folder_without_zones_is_refused_with_what_a_snapshot_is(tmp_path: Path) -> None:
    (tmp_path / "pods.json").write_text('{"count": 0}')
    with pytest.raises(InputError, match="without a listZones output"):
        open_plan(tmp_path)


@pytest.mark.parametrize(("command", "shows"), [
    ("lint", "0 error(s), 0 warning(s)"), ("budget", "pod-b guest"),
    ("trunks", "allowed VLAN list: `100,300,1000-1999`"), ("rates", "Small Instance")])
def test_every_command_runs_on_the_shipped_snapshot(command: str, shows: str) -> None:
    result = run_cli(command, str(SNAPSHOT))
    assert result.code == 0, result.err
    assert shows in result.out


def test_report_and_convert_write_from_a_snapshot(tmp_path: Path) -> None:
    report = run_cli("report", str(SNAPSHOT), "-o", str(tmp_path / "cloud.html"))
    assert report.code == 0, report.err
    assert "basic-xen-1" in (tmp_path / "cloud.html").read_text()
    converted = run_cli("convert", str(SNAPSHOT), "-o", str(tmp_path / "cloud.yaml"))
    assert converted.code == 0, converted.err
    again = open_plan(tmp_path / "cloud.yaml")
    assert again.plan is not None and not again.problems
    snapshot_plan = open_plan(SNAPSHOT).plan
    assert again.plan == snapshot_plan


def test_snapshot_command_prints_the_script_and_describes_a_snapshot() -> None:
    script = run_cli("snapshot", "--script")
    assert script.code == 0 and script.out.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in script.out
    # every listing the reader knows is written by the script, to a file it reads back
    from netplan_cs.importers.snapshot_files import KINDS

    for kind in KINDS:
        assert f"cmk -o json {kind.command.split(' physicalnetworkid')[0]}" in script.out
    described = run_cli("snapshot", str(SNAPSHOT))
    assert described.code == 0
    assert "listTrafficTypes" in described.out and "2 zone(s), 2 pod(s)" in described.out
    assert run_cli("snapshot").code == 2


@needs_list_api
@pytest.mark.parametrize("response", sorted(LIST_API.glob("*.json")) if LIST_API.is_dir()
                         else [], ids=lambda p: p.name.split("__")[-1])
def test_every_real_list_api_response_loads_or_fails_located(response: Path) -> None:
    try:
        document = open_plan(response)
    except InputError as error:
        assert error.located, error  # the 2.2 listSystemVms file is a Python repr
        return
    assert document.dialect == "snapshot"
    lint_document(document, RULES)  # no traceback, and:
    notes = [n.message for n in document.imported.notes]
    assert notes, "a lone listing lacks the others, and P008 says so"


@needs_list_api
def test_cloudstack_2_2_responses_build_a_zone(tmp_path: Path) -> None:
    """zenoss's CloudStack 2.2/3.0 responses: integer ids, one startip/endip pair per pod."""
    for name in ("zones", "pods", "clusters", "hosts", "configurations"):
        [source] = LIST_API.glob(f"zenoss__*list{name}response.json")
        shutil.copy(source, tmp_path / f"{name}.json")
    plan = open_plan(tmp_path).plan
    assert plan is not None
    [zone] = plan.zones
    assert zone.name == "Demo5" and zone.networktype == "Advanced"
    [pod] = zone.pods
    assert (str(pod.startip), str(pod.endip)) == ("10.208.37.100", "10.208.37.120")
    assert [c.hypervisor for c in pod.clusters] == ["XenServer", "BareMetal", "BareMetal"]
    assert {h.name for h in pod.clusters[0].hosts} >= {"demo5-xen"}
    assert plan.settings == {"default.page.size": "500"}


@needs_list_api
def test_recent_vlan_ranges_take_the_vlan_uri(tmp_path: Path) -> None:
    """The Go SDK's listVlanIpRanges answer (a recent CloudStack): `vlan://` URIs."""
    [source] = LIST_API.glob("apache__cloudstack-go__*VLANService.json")
    listing = json.loads(source.read_text())["listVlanIpRanges"]["listvlaniprangesresponse"]
    zone_id = listing["vlaniprange"][0]["zoneid"]
    (tmp_path / "zones.json").write_text(json.dumps({"count": 1, "zone": [
        {"id": zone_id, "name": "z", "networktype": "Advanced", "dns1": "8.8.8.8",
         "internaldns1": "8.8.4.4", "guestcidraddress": "10.1.1.0/24"}]}))
    shutil.copy(source, tmp_path / "vlanipranges.json")
    plan = open_plan(tmp_path).plan
    assert plan is not None
    written = [item["vlan"] for item in listing["vlaniprange"] if item.get("forvirtualnetwork")]
    assert [r.vlan for r in plan.zones[0].public_ranges] == [
        int(v.removeprefix("vlan://")) if v.removeprefix("vlan://").isdigit() else "untagged"
        for v in written]


def test_readme_shows_the_script_the_command_prints_and_every_file() -> None:
    from netplan_cs.importers.snapshot_files import KINDS
    from netplan_cs.output.snapshot_script import snapshot_script

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- snapshot-script:", 1)[1].split("<!-- /snapshot-script -->")[0]
    assert f"```bash\n{snapshot_script()}```" in block
    for kind in KINDS:
        assert f"| `{kind.file}` | `cmk -o json {kind.command}` |" in readme


def _console_blocks(markdown: str) -> list[tuple[list[str], str]]:
    """(command, printed output) of every `$ netplan-cs ...` in the README's console blocks."""
    found = []
    for block in markdown.split("```console\n")[1:]:
        body = block.split("\n```", 1)[0]
        parts = body.split("$ netplan-cs ")[1:]
        for part in parts:
            command, _, output = part.partition("\n")
            found.append((command.split(), output.rstrip("\n")))
    return found


@pytest.mark.parametrize("command", [c for c, _ in _console_blocks(
    (ROOT / "README.md").read_text(encoding="utf-8")) if "snapshot" in " ".join(c)],
    ids=" ".join)
def test_readme_snapshot_examples_print_what_the_readme_shows(
        command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _console_blocks((ROOT / "README.md").read_text(encoding="utf-8"))
    shown = {" ".join(c): out for c, out in blocks}[" ".join(command)]
    monkeypatch.chdir(ROOT)  # the README's paths are the checkout's
    assert run_cli(*command).out.rstrip("\n") == shown


def test_the_budget_counts_what_the_cloud_has_given_out(tmp_path: Path) -> None:
    """System VMs that exist are the demand, and public IPs in use beyond theirs count too."""
    folder = _copy_snapshot(tmp_path)
    zone = open_plan(folder).plan.zones[0]  # type: ignore[union-attr]
    assert (zone.demand.ssvms, zone.demand.cpvms, zone.demand.extra_public_ips) == (1, 1, 2)

    def second_proxy(data: dict[str, Any]) -> None:
        proxy = dict(data["systemvm"][1], name="v-9-VM", privateip="10.10.0.103",
                     publicip="203.0.113.21")
        data["systemvm"].append(proxy)

    _edit(folder, "systemvms.json", second_proxy)
    budget = run_cli("budget", str(folder), "--format", "json")
    assert budget.code == 0
    public = json.loads(budget.out)["zones"][0]["public"]
    assert public["needed"] == 5  # 1 SSVM + 2 CPVMs + source NAT 203.0.113.13 + .20
    assert public["breakdown"] == {"ssvm": 1, "cpvm": 2, "source_nat": 0, "extra": 2}
