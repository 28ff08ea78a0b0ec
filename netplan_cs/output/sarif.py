"""Findings as SARIF 2.1.0, the format GitHub code scanning and most CI dashboards read.

One run; tool.driver lists every rule that can fire (so code scanning shows rule help
even for rules with no result yet); each result has a relative artifact URI, a region,
related locations and a partial fingerprint built from rule, file and plan path (not
the line, so a result keeps its identity when lines move).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from netplan_cs import __version__
from netplan_cs.engine.findings import LocatedFinding, Severity
from netplan_cs.engine.registry import Rule
from netplan_cs.engine.run import LintResult
from netplan_cs.output.json_text import json_text
from netplan_cs.output.paths import relative_uri

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def fingerprint(finding: LocatedFinding) -> str:
    """Stable identity of a finding: rule, file and plan path, never the line."""
    key = f"{finding.rule}\0{relative_uri(finding.file)}\0{finding.path}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _descriptor(rule: Rule) -> dict[str, Any]:
    text = rule.readme.read_text(encoding="utf-8") if rule.readme.is_file() else rule.summary
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary} (severity: {rule.severity_text})"},
        "help": {"text": text, "markdown": text},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.category],
                       **({"severityVaries": rule.severity_varies} if rule.severity_varies
                          else {})},
    }


def _location(file: str, line: int, column: int, end_line: int, end_column: int,
              message: str = "") -> dict[str, Any]:
    start_line, start_column = max(line, 1), max(column, 1)
    end_line = max(end_line, start_line)
    end_column = max(end_column, start_column) if end_line == start_line else max(end_column, 1)
    location: dict[str, Any] = {"physicalLocation": {
        "artifactLocation": {"uri": relative_uri(file)},
        "region": {"startLine": start_line, "startColumn": start_column,
                   "endLine": end_line, "endColumn": end_column}}}
    if message:
        location["message"] = {"text": message}
    return location


def _result(finding: LocatedFinding, index: dict[str, int]) -> dict[str, Any]:
    message = finding.message if not finding.suggestion else (
        f"{finding.message}\nHelp: {finding.suggestion}")
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": message or finding.name},
        "locations": [_location(finding.file, finding.line, finding.column, finding.end_line,
                                finding.end_column)],
        "partialFingerprints": {"netplanCsFinding/v1": fingerprint(finding)},
        "properties": {"planPath": finding.path},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    related = [
        {"id": number, **_location(other.file, other.line, other.column, other.line,
                                   other.column, other.message or other.path)}
        for number, other in enumerate(finding.related, start=1)]
    if related:
        result["relatedLocations"] = related
    return result


def sarif_document(result: LintResult, rules: Iterable[Rule]) -> dict[str, Any]:
    catalogue = sorted({rule.id: rule for rule in rules}.values(), key=lambda r: r.id)
    index = {rule.id: number for number, rule in enumerate(catalogue)}
    notifications = [
        {"level": "error", "message": {"text": error.message},
         "locations": [_location(error.file, error.line, error.column, error.line,
                                 error.column)]}
        for error in result.errors]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "netplan-cs",
                "version": __version__,
                "rules": [_descriptor(rule) for rule in catalogue]}},
            "invocations": [{"executionSuccessful": not result.errors,
                             "toolExecutionNotifications": notifications}],
            "columnKind": "unicodeCodePoints",
            "results": [_result(finding, index) for finding in result.findings],
        }],
    }


def render_sarif(result: LintResult, rules: Iterable[Rule]) -> str:
    return json_text(sarif_document(result, rules))
