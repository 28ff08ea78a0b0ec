"""Baselines: accept today's findings so CI fails only on new ones.

A finding is matched by rule, file and plan path, never by line: inserting lines above it,
or editing other parts of the plan, keeps it matched (ruff's maintainers' objection to
line-based baselines, astral-sh/ruff#1149). The file is part of the key, so a baselined
finding in one plan cannot hide the same one in another (bridgecrewio/checkov#7647).
Entries count: two identical findings need two entries.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from netplan_cs import __version__
from netplan_cs.engine.findings import LocatedFinding
from netplan_cs.errors import InputError
from netplan_cs.output.files import write_output
from netplan_cs.output.json_text import json_text

Key = tuple[str, str, str]  # rule, file (relative to the baseline), plan path


@dataclass(frozen=True)
class Entry:
    rule: str
    file: str
    path: str
    message: str = ""

    @property
    def key(self) -> Key:
        return (self.rule, self.file, self.path)


def _file_key(file: str, base: Path) -> str:
    """The plan file relative to the baseline's folder, so any working directory works."""
    try:
        return Path(os.path.relpath(Path(file).resolve(), base.resolve())).as_posix()
    except ValueError:
        return Path(file).resolve().as_posix()


def _entry(finding: LocatedFinding, base: Path) -> Entry:
    return Entry(finding.rule, _file_key(finding.file, base), finding.path, finding.message)


def write_baseline(target: Path, findings: list[LocatedFinding], force: bool,
                   inputs: list[Path]) -> int:
    """Write every finding as a baseline entry; returns how many."""
    entries = sorted((_entry(f, target.parent) for f in findings),
                     key=lambda e: (e.file, e.rule, e.path))
    document = {"version": 1, "tool": {"name": "netplan-cs", "version": __version__},
                "entries": [{"rule": e.rule, "file": e.file, "path": e.path,
                             "message": e.message} for e in entries]}
    write_output(target, json_text(document), force, inputs=inputs)
    return len(entries)


def read_baseline(path: Path) -> list[Entry]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(path, f"cannot read the baseline: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise InputError(path, f"not a baseline (invalid JSON: {error.msg})", error.lineno,
                         error.colno) from None
    if not isinstance(document, dict) or document.get("version") != 1 or not isinstance(
            document.get("entries"), list):
        raise InputError(path, "not a netplan-cs baseline (expected version 1 and entries; "
                         "write one with --write-baseline)")
    entries = []
    for item in document["entries"]:
        if not isinstance(item, dict) or not all(
                isinstance(item.get(k), str) for k in ("rule", "file", "path")):
            raise InputError(path, f"baseline entry {item!r} lacks rule, file or path")
        entries.append(Entry(item["rule"], item["file"], item["path"],
                             str(item.get("message", ""))))
    return entries


@dataclass
class BaselineMatch:
    new: list[LocatedFinding]
    known: int
    stale: list[Entry]


def match_baseline(entries: list[Entry], findings: list[LocatedFinding],
                   baseline: Path, linted: list[str]) -> BaselineMatch:
    """Split findings into new and baselined; entries of linted files left over are stale."""
    base = baseline.parent
    remaining = Counter(entry.key for entry in entries)
    new: list[LocatedFinding] = []
    for finding in findings:
        key = _entry(finding, base).key
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(finding)
    files = {_file_key(file, base) for file in linted}
    stale: list[Entry] = []
    for entry in entries:
        if entry.file in files and remaining[entry.key] > 0:
            remaining[entry.key] -= 1
            stale.append(entry)
    return BaselineMatch(new, len(findings) - len(new), stale)
