"""Running rules over plan files and placing their findings in the files."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netplan_cs.display import clip
from netplan_cs.document import PlanDocument, open_against, open_plan
from netplan_cs.engine.context import RuleContext
from netplan_cs.engine.findings import Finding, LocatedFinding, RelatedLocation
from netplan_cs.engine.registry import Rule, load_rules
from netplan_cs.engine.suppressions import apply_suppressions
from netplan_cs.errors import InputError
from netplan_cs.facts import Facts
from netplan_cs.load.limits import DEFAULT_LIMITS, Limits
from netplan_cs.load.location import DataPath


@dataclass
class LintResult:
    files: list[str] = field(default_factory=list)
    findings: list[LocatedFinding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


_LONGEST_MESSAGE = 500  # a rule quoting a 200 kB name from a hostile plan is cut short here


def place(document: PlanDocument, rule: Rule, finding: Finding) -> LocatedFinding:
    """Turn a rule's finding (plan paths) into a located one (file positions)."""
    raw = finding.space == "source"

    def data_path(path: DataPath) -> DataPath:
        return document.data_path(path) if finding.space == "model" else path

    path = data_path(finding.path)
    file, where = document.where(path, raw)
    related = tuple(
        RelatedLocation(other_file, spot.line, spot.column,
                        document.display_path(other, raw), clip(item.message, _LONGEST_MESSAGE))
        for item in finding.related
        for other in [data_path(item.path)]
        for other_file, spot in [document.where(other, raw)])
    return LocatedFinding(
        file=file, line=where.line, column=where.column, rule=rule.id,
        end_line=where.end_line, end_column=where.end_column, name=rule.name,
        severity=finding.severity or rule.severity,
        message=clip(finding.message, _LONGEST_MESSAGE),
        path=document.display_path(path, raw), related=related,
        suggestion=clip(finding.suggestion, _LONGEST_MESSAGE) if finding.suggestion else None)


def lint_document(document: PlanDocument, rules: Iterable[Rule],
                  options: dict[str, dict[str, Any]] | None = None,
                  inline_ignores: bool = True,
                  known: Sequence[Rule] | None = None) -> list[LocatedFinding]:
    """Every finding of `rules` on one document, sorted by position then rule.

    With `inline_ignores`, `# netplan-cs: ignore[...]` comments of a YAML plan drop the
    findings they name, and P100 (when among `rules`) reports the unused ones; `known` is
    the whole catalogue (a comment naming a rule outside it is a mistake).
    """
    rules = list(rules)
    facts = Facts(document.plan) if document.plan is not None else None
    found: list[LocatedFinding] = []
    for rule in rules:
        if rule.needs_plan and document.plan is None:
            continue
        if not document.incomplete.isdisjoint(rule.assumes_complete):
            continue  # the source does not list what the rule would miss (P008 says so)
        settings = {**rule.options, **((options or {}).get(rule.id, {}))}
        context = RuleContext(document, facts, settings)
        found.extend(place(document, rule, finding) for finding in rule.check(context))
    if inline_ignores and document.source.syntax == "yaml":
        found = apply_suppressions(document.source.text, found, rules,
                                   known if known is not None else load_rules(), document.file)
    return sorted(found)


def lint_file(result: LintResult, path: str | Path, rules: Iterable[Rule],
              limits: Limits = DEFAULT_LIMITS, options: dict[str, dict[str, Any]] | None = None,
              inline_ignores: bool = True, known: Sequence[Rule] | None = None,
              against: Path | None = None) -> list[LocatedFinding]:
    """Read and lint one file: its name goes into `result`, and so does the error if it
    cannot be read (no crash); its findings are returned for the caller to keep.

    With `against` (a running cloud's snapshot), the plan is linted laid over the cloud,
    and only what the plan brings is kept: a finding the cloud alone gives is the cloud's
    own, already there before the change."""
    result.files.append(str(path))
    rules = list(rules)
    try:
        document = open_plan(path, limits) if against is None else open_against(path, against,
                                                                                limits)
        cloud = None if against is None else open_plan(against, limits)
    except InputError as error:
        result.errors.append(error)
        return []
    found = lint_document(document, rules, options, inline_ignores, known)
    if cloud is None:
        return found
    before = {(f.rule, f.path, f.message) for f in lint_document(cloud, rules, options)}
    return [f for f in found if (f.rule, f.path, f.message) not in before]


def lint_paths(paths: Iterable[str | Path], rules: list[Rule],
               limits: Limits = DEFAULT_LIMITS,
               options: dict[str, dict[str, Any]] | None = None) -> LintResult:
    """Lint each file on its own; a file that cannot be read is an error, not a crash."""
    result = LintResult()
    for path in paths:
        result.findings.extend(lint_file(result, path, rules, limits, options))
    result.findings.sort()
    return result
