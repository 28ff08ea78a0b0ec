"""Findings as text: one `file:line:col: ID [severity] message` line each, then a summary."""

from __future__ import annotations

from collections import Counter

from netplan_cs.engine.findings import Severity
from netplan_cs.engine.run import LintResult


def render_text(result: LintResult) -> str:
    """The findings and a summary; nothing when no file could be read (stderr says why, and
    a summary of zero findings would read as a clean plan)."""
    if result.errors and len(result.errors) == len(result.files):
        return ""
    lines: list[str] = []
    for f in result.findings:
        lines.append(f"{f.file}:{f.line}:{f.column}: {f.rule} [{f.severity}] {f.message}")
        for other in f.related:
            note = f": {other.message}" if other.message else ""
            lines.append(f"    related: {other.file}:{other.line}:{other.column} "
                         f"{other.path}{note}")
        if f.suggestion:
            lines.append(f"    help: {f.suggestion}")
    if result.findings:
        from tabulate import tabulate  # its import costs more than a clean lint's whole output

        counts = Counter((f.rule, f.name, f.severity) for f in result.findings)
        rows = [[rule, name, str(severity), count]
                for (rule, name, severity), count in sorted(counts.items())]
        lines.append("")
        lines.append(tabulate(rows, headers=["rule", "name", "severity", "count"]))
    totals = summary(result)
    lines.append("")
    unread = f"; {len(result.errors)} could not be read" if result.errors else ""
    lines.append(f"{totals['error']} error(s), {totals['warning']} warning(s), "
                 f"{totals['info']} info in {totals['files']} file(s){unread}")
    return "\n".join(lines) + "\n"


def summary(result: LintResult) -> dict[str, int]:
    counts = Counter(f.severity for f in result.findings)
    return {"error": counts[Severity.ERROR], "warning": counts[Severity.WARNING],
            "info": counts[Severity.INFO], "files": len(result.files)}
