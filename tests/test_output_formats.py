"""SARIF, GitHub, JUnit and JSON reports, and several reports in one run."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest

from netplan_cs.engine.registry import load_rules
from netplan_cs.output.findings_model import FindingsDocument
from netplan_cs.output.github import escape_data, escape_property
from tests.cli_helpers import ERROR_LINE, WARNING_LINE, lint, run, write_plan
from tests.conftest import ROOT, SAMPLES, corpus_files, needs_corpus

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return write_plan(tmp_path).relative_to(tmp_path)


def _sarif(*args: str | Path) -> dict[str, Any]:
    code, out, _ = lint("-f", "sarif", *args)
    assert code == 1
    document: dict[str, Any] = json.loads(out)
    return document


def _validator() -> jsonschema.Draft4Validator:
    """The official SARIF 2.1.0 schema (a draft-04 schema), shipped in tests/data."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return jsonschema.Draft4Validator(schema)


def _validate(document: dict[str, Any]) -> None:
    _validator().validate(document)


def test_sarif_validates_against_the_official_schema(plan: Path) -> None:
    _validate(_sarif(plan))


@pytest.mark.parametrize(("damage", "message"), [
    (lambda d: d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
     .update(startLine=0), "0 is less than the minimum of 1"),
    (lambda d: d["runs"][0]["results"][0].pop("message"), "'message' is a required property"),
    (lambda d: d["runs"][0]["results"][0].update(level="fatal"), "'fatal' is not one of"),
    (lambda d: d["runs"][0]["tool"]["driver"].update(colour="red"),
     "Additional properties are not allowed ('colour' was unexpected)"),
])
def test_the_schema_check_can_fail(plan: Path, damage: Any, message: str) -> None:
    document = _sarif(plan)
    damage(document)
    with pytest.raises(jsonschema.ValidationError, match=re.escape(message)):
        _validate(document)


def test_sarif_required_properties_and_github_constraints(plan: Path) -> None:
    """Field by field: SARIF 2.1.0's required properties and code scanning's rules."""
    document = _sarif(plan)
    assert document["version"] == "2.1.0"
    assert set(document) == {"$schema", "version", "runs"}
    [run_] = document["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "netplan-cs"
    ids = [rule["id"] for rule in driver["rules"]]
    assert len(ids) == len(set(ids)), "rule ids must be unique"
    assert ids == ["P005", "P100", "S001"], "every rule that ran is listed"
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    by_id = {rule["id"]: rule for rule in driver["rules"]}
    assert by_id["S001"]["defaultConfiguration"]["level"] == "warning"
    results = run_["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("S001", "warning"),
                                                            ("P005", "error")]
    for result in results:
        assert result["message"]["text"]
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        [location] = result["locations"]
        uri = location["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == "plan.yaml", "relative URI, no scheme"
        region = location["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert region["endLine"] >= region["startLine"]
        assert result["partialFingerprints"]["netplanCsFinding/v1"]
    error = results[1]
    assert error["locations"][0]["physicalLocation"]["region"]["startLine"] == ERROR_LINE
    assert error["properties"]["planPath"] == "zones[zone1].name"
    [related] = error["relatedLocations"]
    assert related["physicalLocation"]["region"]["startLine"] == 5
    assert related["message"]["text"] == "first zone 'zone1'"
    assert run_["invocations"][0]["executionSuccessful"] is True


def test_sarif_fingerprint_ignores_the_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            plan: Path) -> None:
    before = _sarif(plan)["runs"][0]["results"][1]["partialFingerprints"]
    plan.write_text("# a comment\n\n" + plan.read_text(encoding="utf-8"), encoding="utf-8")
    after = _sarif(plan)["runs"][0]["results"][1]
    assert after["locations"][0]["physicalLocation"]["region"]["startLine"] == ERROR_LINE + 2
    assert after["partialFingerprints"] == before


def test_sarif_lists_every_rule_that_can_fire(plan: Path) -> None:
    listed = json.loads(run("lint", "-f", "sarif", plan)[1])["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in listed["rules"]] == [rule.id for rule in load_rules()]
    only = json.loads(run("lint", "-f", "sarif", "--select", "P005", plan)[1])
    assert [r["id"] for r in only["runs"][0]["tool"]["driver"]["rules"]] == ["P005"]


def test_github_annotations(plan: Path) -> None:
    code, out, _ = lint("-f", "github", plan)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"::warning file=plan.yaml,line={WARNING_LINE},col=13,")
    assert ",title=S001 plaintext-secret::`apikey` holds a secret" in lines[0]
    assert lines[1].startswith(f"::error file=plan.yaml,line={ERROR_LINE},col=11,endLine=10,")
    assert "%0AHelp: give each zone a unique name" in lines[1]
    assert len(lines) == 2


def test_github_is_chosen_inside_github_actions(plan: Path) -> None:
    _, out, _ = lint(plan, env={"GITHUB_ACTIONS": "true"})
    assert out.startswith("::warning file=plan.yaml")
    _, text, _ = lint("-f", "text", plan, env={"GITHUB_ACTIONS": "true"})
    assert text.startswith("plan.yaml:3:13: S001 [warning]")


def test_github_escaping() -> None:
    assert escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"


def test_junit_has_a_testcase_per_rule_and_file(plan: Path) -> None:
    code, out, _ = run("lint", "-f", "junit", "--select", "P005,S001,P006", plan)
    assert code == 1
    root = ElementTree.fromstring(out)
    assert (root.get("tests"), root.get("failures")) == ("3", "2")
    [suite] = root.findall("testsuite")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert sorted(cases) == ["P005 duplicate-name", "P006 duplicate-host",
                             "S001 plaintext-secret"]
    assert cases["P006 duplicate-host"].find("failure") is None
    failure = cases["P005 duplicate-name"].find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert f"plan.yaml:{ERROR_LINE}:11: P005 [error]" in (failure.text or "")


def test_junit_reports_an_unreadable_file_as_an_error(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    code, out, _ = run("lint", "-f", "junit", "empty.yaml")
    assert code == 2
    case = ElementTree.fromstring(out).find("testsuite/testcase")
    assert case is not None and case.get("name") == "read plan"
    assert case.find("error") is not None


def test_json_output_matches_the_published_schema_model(plan: Path) -> None:
    _, out, _ = lint("-f", "json", plan)
    document = FindingsDocument.model_validate_json(out)
    assert [f.rule for f in document.findings] == ["S001", "P005"]


def test_second_output_in_the_same_run(plan: Path, tmp_path: Path) -> None:
    code, out, _ = lint(plan, "--output-format", "sarif", "--output-file", "r.sarif",
                       "--output-format", "junit", "--output-file", "r.xml")
    assert code == 1
    assert out.startswith("plan.yaml:3:13: S001")
    assert json.loads((tmp_path / "r.sarif").read_text())["version"] == "2.1.0"
    assert ElementTree.parse(tmp_path / "r.xml").getroot().tag == "testsuites"


def test_output_file_is_not_replaced_without_force(plan: Path, tmp_path: Path) -> None:
    (tmp_path / "r.sarif").write_text("keep", encoding="utf-8")
    code, _, err = lint(plan, "--output-format", "sarif", "--output-file", "r.sarif")
    assert code == 2 and "pass --force" in err
    assert (tmp_path / "r.sarif").read_text() == "keep"
    code, _, _ = lint(plan, "--output-format", "sarif", "--output-file", "r.sarif",
                     "--force")
    assert code == 1 and (tmp_path / "r.sarif").read_text().startswith("{")


def test_output_file_never_replaces_an_input(plan: Path) -> None:
    code, _, err = lint(plan, "--output-format", "json", "--output-file", plan,
                       "--force")
    assert code == 2 and "refusing to write over an input file" in err


def test_output_format_needs_an_output_file(plan: Path) -> None:
    code, _, err = lint(plan, "--output-format", "sarif")
    assert code == 2 and "in pairs" in err


def _corpus_sarif(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.chdir(ROOT)
    files = [*corpus_files(), *sorted(SAMPLES.glob("*.yaml"))]
    code, out, _ = run("lint", "-f", "sarif", *files)
    assert code == 2  # two corpus files are not valid JSON (input errors, yet a full report)
    document: dict[str, Any] = json.loads(out)
    return document


@needs_corpus
def test_sarif_over_the_corpus_keeps_githubs_constraints(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every real Marvin config and the sample in one run: valid regions, relative URIs."""
    document = _corpus_sarif(monkeypatch)
    [run_] = document["runs"]
    results = run_["results"]
    assert len(results) > 100
    ids = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    assert len(ids) == len(set(ids)) and {r["ruleId"] for r in results} <= set(ids)
    for result in results:
        for location in result["locations"] + result.get("relatedLocations", []):
            physical = location["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            assert not uri.startswith("/") and "://" not in uri and "\\" not in uri
            assert physical["region"]["startLine"] >= 1
            assert physical["region"]["startColumn"] >= 1
    notes = run_["invocations"][0]["toolExecutionNotifications"]
    assert run_["invocations"][0]["executionSuccessful"] is False
    assert [n["message"]["text"].startswith("invalid JSON") for n in notes] == [True, True]


@needs_corpus
def test_sarif_over_the_corpus_validates(monkeypatch: pytest.MonkeyPatch) -> None:
    _validate(_corpus_sarif(monkeypatch))


def test_report_paths_follow_the_working_directory(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """File URIs are cached, but per working directory: a later chdir changes them."""
    from netplan_cs.output.paths import relative_uri

    plan = tmp_path / "site" / "plan.yaml"
    plan.parent.mkdir()
    monkeypatch.chdir(tmp_path)
    assert relative_uri(str(plan)) == "site/plan.yaml"
    monkeypatch.chdir(plan.parent)
    assert relative_uri(str(plan)) == "plan.yaml"


def test_json_reports_are_indented_and_end_with_a_newline() -> None:
    from netplan_cs.output.json_text import json_text

    document = {"version": 1, "findings": [{"rule": "A009", "related": []}]}
    text = json_text(document)
    assert text == json.dumps(document, indent=2) + "\n"
    assert json.loads(text) == document
