"""Pick a report format by name: text, json, sarif, github or junit."""

from __future__ import annotations

from netplan_cs.engine.pipeline import LintOutcome
from netplan_cs.output.formats import ReportFormat


def render(outcome: LintOutcome, kind: ReportFormat) -> str:
    result = outcome.result
    if kind is ReportFormat.json:
        from netplan_cs.output.findings_json import render_json

        return render_json(result)
    if kind is ReportFormat.sarif:
        from netplan_cs.output.sarif import render_sarif

        return render_sarif(result, outcome.rules)
    if kind is ReportFormat.github:
        from netplan_cs.output.github import render_github

        return render_github(result)
    if kind is ReportFormat.junit:
        from netplan_cs.output.junit import render_junit

        return render_junit(result, outcome.rules)
    from netplan_cs.output.findings_text import render_text

    return render_text(result)
