"""Findings as JUnit XML: one test suite per file, one test case per rule and file.

CI systems without SARIF support (GitLab's test report, Jenkins, Azure) show a failed
test case per rule that fired, its failure carrying the findings.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.etree import ElementTree

from netplan_cs.engine.findings import LocatedFinding
from netplan_cs.engine.registry import Rule
from netplan_cs.engine.run import LintResult


def _failure_text(findings: list[LocatedFinding]) -> str:
    return "\n".join(f"{f.file}:{f.line}:{f.column}: {f.rule} [{f.severity}] {f.message}"
                     f" ({f.path})" for f in findings)


def render_junit(result: LintResult, rules: Iterable[Rule]) -> str:
    catalogue = sorted({rule.id: rule for rule in rules}.values(), key=lambda r: r.id)
    names = {rule.id: rule.name for rule in catalogue}
    root = ElementTree.Element("testsuites", name="netplan-cs")
    failed_files = {error.file: error for error in result.errors}
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for file in result.files:
        suite = ElementTree.SubElement(root, "testsuite", name=file)
        counts = {"tests": 0, "failures": 0, "errors": 0}
        error = failed_files.get(file)
        if error is not None:
            case = ElementTree.SubElement(suite, "testcase", classname=file, name="read plan")
            ElementTree.SubElement(case, "error", message=error.message).text = str(error)
            counts["tests"] += 1
            counts["errors"] += 1
        else:
            mine = [f for f in result.findings if f.file == file]
            for rule_id in sorted(set(names) | {f.rule for f in mine}):
                hits = [f for f in mine if f.rule == rule_id]
                name = names.get(rule_id) or hits[0].name
                case = ElementTree.SubElement(suite, "testcase", classname=file,
                                              name=f"{rule_id} {name}")
                counts["tests"] += 1
                if hits:
                    counts["failures"] += 1
                    worst = max(f.severity for f in hits)
                    ElementTree.SubElement(
                        case, "failure", type=str(worst),
                        message=f"{len(hits)} finding(s) of {rule_id} {name}",
                    ).text = _failure_text(hits)
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    ElementTree.indent(root)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            + ElementTree.tostring(root, encoding="unicode") + "\n")
