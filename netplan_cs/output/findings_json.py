"""Findings as JSON, version 1 (documented in README; stable: fields are only ever added)."""

from __future__ import annotations

from typing import Any

from netplan_cs import __version__
from netplan_cs.engine.run import LintResult
from netplan_cs.output.findings_text import summary
from netplan_cs.output.json_text import json_text


def findings_document(result: LintResult) -> dict[str, Any]:
    return {
        "version": 1,
        "tool": {"name": "netplan-cs", "version": __version__},
        "files": result.files,
        "findings": [
            {"rule": f.rule, "name": f.name, "severity": str(f.severity), "message": f.message,
             "file": f.file, "line": f.line, "column": f.column, "end_line": f.end_line,
             "end_column": f.end_column, "path": f.path,
             "related": [{"file": r.file, "line": r.line, "column": r.column, "path": r.path,
                          "message": r.message} for r in f.related],
             "suggestion": f.suggestion}
            for f in result.findings],
        "errors": [{"file": e.file, "line": e.line, "column": e.column, "message": e.message}
                   for e in result.errors],
        "summary": summary(result),
    }


def render_json(result: LintResult) -> str:
    return json_text(findings_document(result))
