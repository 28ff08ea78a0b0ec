"""One `lint` run: configuration per file, rules, suppressions, overrides and baseline.

The command line only parses options and renders; the decisions (which rules run on which
file, what a finding's severity is, whether the run fails) are made here so every output
format sees the same result.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from netplan_cs.config import Config, ConfigFinder
from netplan_cs.engine.findings import LocatedFinding, Severity
from netplan_cs.engine.registry import Rule, load_rules, select
from netplan_cs.engine.run import LintResult, lint_file
from netplan_cs.load.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from netplan_cs.baseline import Entry


@dataclass
class LintRequest:
    """What the command line asked for; None means "as the configuration says"."""

    plans: list[Path]
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_level: Severity | None = None
    rules_dir: list[Path] = field(default_factory=list)
    config: Path | None = None
    inline_ignores: bool = True
    baseline: Path | None = None
    against: Path | None = None  # a running cloud's snapshot the plans are about to change


@dataclass
class LintOutcome:
    result: LintResult
    rules: list[Rule]  # every rule that ran on some file: all that can fire
    failed: bool  # a finding at or above its file's fail level
    baselined: int = 0
    stale: list[Entry] = field(default_factory=list)


def _rules_for(config: Config, catalogue: list[Rule], request: LintRequest) -> list[Rule]:
    chosen = request.select or list(config.select or [])
    return select(catalogue, chosen, [*config.ignore, *request.ignore])


def _adjust(findings: list[LocatedFinding], config: Config,
            by_id: dict[str, Rule]) -> list[LocatedFinding]:
    """Per-path ignores drop findings; severity overrides replace the rule's severity."""
    kept = []
    for finding in findings:
        rule = by_id.get(finding.rule)
        if rule is not None and config.ignored_at(rule, finding.path):
            continue
        override = config.severity.get(finding.rule)
        kept.append(finding if override is None else replace(finding, severity=override))
    return kept


def run_lint(request: LintRequest, limits: Limits = DEFAULT_LIMITS) -> LintOutcome:
    """Lint every plan; raises InputError for a bad configuration, selector or baseline."""
    catalogue = load_rules(request.rules_dir)
    select(catalogue, request.select, request.ignore)  # unknown selectors fail before any work
    finder = ConfigFinder(catalogue, request.config)
    entries = None
    if request.baseline is not None:
        from netplan_cs.baseline import read_baseline  # only runs with a baseline need it

        entries = read_baseline(request.baseline)
    by_id = {rule.id: rule for rule in catalogue}
    result = LintResult()
    ran: dict[str, Rule] = {}
    thresholds: dict[str, Severity] = {}
    for plan in request.plans:
        config = finder.for_plan(plan)
        rules = _rules_for(config, catalogue, request)
        ran.update((rule.id, rule) for rule in rules)
        threshold = request.fail_level or config.fail_level or Severity.ERROR
        found = _adjust(lint_file(result, plan, rules, limits, config.options,
                                  request.inline_ignores, catalogue, request.against),
                        config, by_id)
        # a snapshot's findings are in its files: each file takes its snapshot's threshold
        thresholds.update((finding.file, threshold) for finding in found)
        result.findings.extend(found)
    result.findings.sort()
    outcome = LintOutcome(result, sorted(ran.values(), key=lambda r: r.id), False)
    if entries is not None and request.baseline is not None:
        from netplan_cs.baseline import match_baseline

        matched = match_baseline(entries, result.findings, request.baseline, result.files)
        result.findings = matched.new
        outcome.baselined, outcome.stale = matched.known, matched.stale
    outcome.failed = any(f.severity >= thresholds[f.file] for f in result.findings)
    return outcome
