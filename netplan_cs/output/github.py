"""Findings as GitHub Actions workflow commands: annotations on the pull request's diff.

Format: `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=ID name::message`.
Values are escaped as the Actions runner expects (%, CR, LF; and `:` `,` in properties).
"""

from __future__ import annotations

from netplan_cs.engine.findings import Severity
from netplan_cs.engine.run import LintResult
from netplan_cs.output.paths import relative_uri

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, file: str, line: int, column: int, title: str, message: str,
             end: tuple[int, int] | None = None) -> str:
    properties = [f"file={escape_property(relative_uri(file))}", f"line={line}", f"col={column}"]
    if end is not None:
        properties += [f"endLine={end[0]}", f"endColumn={end[1]}"]
    properties.append(f"title={escape_property(title)}")
    return f"::{kind} {','.join(properties)}::{escape_data(message)}"


def render_github(result: LintResult) -> str:
    lines = []
    for f in result.findings:
        message = f.message + (f"\nHelp: {f.suggestion}" if f.suggestion else "")
        lines.append(_command(COMMANDS[f.severity], f.file, f.line, f.column,
                              f"{f.rule} {f.name}", message, (f.end_line, f.end_column)))
    lines.extend(_command("error", e.file, e.line, e.column, "netplan-cs input error",
                          e.message) for e in result.errors)
    return "".join(line + "\n" for line in lines)
