"""`netplan-cs lint`: exit codes, text and JSON output, rule selection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_helpers import run_cli
from tests.conftest import SAMPLES

LAB = str(SAMPLES / "nested-kvm-lab.yaml")
BROKEN = str(SAMPLES / "broken" / "typos-and-secrets.yaml")


def test_clean_plan_exits_0() -> None:
    result = run_cli("lint", LAB)
    assert result.code == 0
    assert result.out.strip().endswith("0 error(s), 0 warning(s), 0 info in 1 file(s)")


def test_findings_exit_1_with_located_lines() -> None:
    result = run_cli("lint", BROKEN)
    assert result.code == 1
    assert (f"{BROKEN}:37:18: P001 [error] '255.255.256.0' is not a netmask (expected e.g. "
            "255.255.255.0)") in result.out
    assert f"{BROKEN}:16:11: P003 [warning]" in result.out
    assert "hunter2" not in result.out


def test_fail_level_decides_the_exit_code(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text((SAMPLES / "nested-kvm-lab.yaml").read_text() + "extra_key: 1\n")
    assert run_cli("lint", str(plan)).code == 0  # one warning (P002), below "error"
    assert run_cli("lint", "--fail-level", "warning", str(plan)).code == 1
    assert run_cli("lint", "--fail-level", "info", str(plan)).code == 1


def test_select_and_ignore_by_id_name_and_prefix() -> None:
    only_s = run_cli("lint", "--format", "json", "--select", "S001", BROKEN)
    assert {f["rule"] for f in json.loads(only_s.out)["findings"]} == {"S001"}
    by_name = run_cli("lint", "--format", "json", "--select", "plaintext-secret", BROKEN)
    assert {f["rule"] for f in json.loads(by_name.out)["findings"]} == {"S001"}
    no_p = run_cli("lint", "--format", "json", "--ignore", "P", BROKEN)
    assert {f["rule"] for f in json.loads(no_p.out)["findings"]} == {"S001"}
    assert no_p.code == 0  # only a warning is left


def test_unknown_rule_is_a_usage_error_with_a_suggestion() -> None:
    result = run_cli("lint", "--select", "P0001", LAB)
    assert result.code == 2
    assert "unknown rule 'P0001'" in result.err
    assert "did you mean P001" in result.err


def test_json_document_shape() -> None:
    result = run_cli("lint", "--format", "json", BROKEN)
    document = json.loads(result.out)
    assert document["version"] == 1
    assert document["tool"]["name"] == "netplan-cs"
    assert document["files"] == [BROKEN]
    assert document["errors"] == []
    assert document["summary"] == {"error": 2, "warning": 3, "info": 0, "files": 1}
    first = document["findings"][0]
    assert set(first) == {"rule", "name", "severity", "message", "file", "line", "column",
                          "end_line", "end_column", "path", "related", "suggestion"}
    keys = [(f["file"], f["line"], f["column"], f["rule"]) for f in document["findings"]]
    assert keys == sorted(keys)
    assert "hunter2" not in result.out


def test_related_locations_point_at_the_other_element() -> None:
    result = run_cli("lint", "--format", "json", str(SAMPLES / "broken" / "duplicates.yaml"))
    pods = [f for f in json.loads(result.out)["findings"] if f["rule"] == "P005"]
    assert pods[0]["path"] == "zones[zone1].pods[pod1].name"
    assert pods[0]["related"][0]["line"] == 23


def test_unreadable_file_exits_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("zones: [\n")
    result = run_cli("lint", str(bad), LAB)
    assert result.code == 2
    assert result.err.startswith(f"{bad}:")
    assert "Traceback" not in result.err + result.out
    assert "in 2 file(s); 1 could not be read" in result.out  # the other was still linted


def test_marvin_config_lints_with_positions_in_the_cfg(tmp_path: Path) -> None:
    cfg = tmp_path / "zone.cfg"
    cfg.write_text('# header\n{"zones": [{"name": "z", "networktype": "Advanced",\n'
                   '  "dns1": "8.8.8.8", "internaldns1": "8.8.8.300",\n'
                   '  "physical_networks": [{"name": "p", "traffictypes": []}]}]}\n')
    result = run_cli("lint", "--format", "json", "--select", "P001", str(cfg))
    finding = json.loads(result.out)["findings"][0]
    assert (finding["rule"], finding["line"], finding["column"]) == ("P001", 3, 38)
    assert finding["path"] == "zones[z].internaldns1"


def test_version_and_module_entry_point() -> None:
    assert run_cli("--version").out.startswith("netplan-cs ")
    assert run_cli("-V").out == run_cli("--version").out


@pytest.mark.parametrize("columns", ["80", "200"])
def test_lint_help_reads_at_any_width(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Metavars an operator reads (FORMAT, RULES, FILE), no type hints, no option cut short,
    sizes in the README's units (issue 19 §1)."""
    monkeypatch.setenv("COLUMNS", columns)
    out = run_cli("lint", "-h").out
    for word in ("FORMAT", "RULES", "LEVEL", "FILE", "SIZE", "--no-inline-ignores"):
        assert word in out
    options = out.split("Options")[1]
    for library in ("<list[", "<text|", "<error|", "<path>", "16777216", "…"):
        assert library not in options, library
