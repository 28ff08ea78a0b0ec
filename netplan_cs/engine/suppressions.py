"""Inline suppressions in YAML plans: `# netplan-cs: ignore[A009] reason`.

A comment at the end of a line suppresses the named rules on that line; a comment alone
on its line suppresses them on the next line with content; `ignore-file[...]` anywhere
suppresses them in the whole file. Rules are named by ID, name or ID prefix, as on the
command line. A suppression that suppresses nothing is reported by P100 (so stale ones
do not pile up), and so is one naming no known rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from netplan_cs.engine.findings import LocatedFinding
from netplan_cs.engine.registry import Rule, matches

UNUSED_RULE = "P100"
_COMMENT = re.compile(r"#\s*netplan-cs:\s*(ignore|ignore-file)\[([^\]]*)\]\s*(.*)$")


@dataclass
class Suppression:
    line: int  # where the comment is
    column: int
    target: int | None  # the line it covers; None for ignore-file
    selectors: tuple[str, ...]
    reason: str
    used: set[str] = field(default_factory=set)  # selectors that suppressed something


def parse_suppressions(text: str) -> list[Suppression]:
    found: list[Suppression] = []
    waiting: list[Suppression] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _COMMENT.search(line)
        content = line[: match.start()].strip() if match else line.strip()
        if match:
            selectors = tuple(s.strip() for s in match.group(2).split(",") if s.strip())
            whole_file = match.group(1) == "ignore-file"
            target = None if whole_file else (number if content else -1)
            item = Suppression(number, match.start() + 1, target, selectors,
                               match.group(3).strip())
            found.append(item)
            if target == -1:
                waiting.append(item)
        if content and not content.startswith("#"):
            for item in waiting:
                item.target = number
            waiting = []
    for item in waiting:  # nothing follows: it can only cover its own line
        item.target = item.line
    return found


def _covers(item: Suppression, finding: LocatedFinding, rule: Rule | None) -> str | None:
    """The selector of `item` that suppresses `finding`, if any."""
    if item.target is not None and item.target != finding.line:
        return None
    for selector in item.selectors:
        if rule is not None and matches(rule, selector) and selector.upper() != "ALL":
            return selector
    return None


def apply_suppressions(text: str, findings: list[LocatedFinding], ran: Iterable[Rule],
                       known: Iterable[Rule], file: str) -> list[LocatedFinding]:
    """The findings no comment suppresses, plus P100 findings (if P100 ran) for unused ones."""
    items = parse_suppressions(text)
    if not items:
        return findings
    by_id = {rule.id: rule for rule in known}
    ran_rules = [rule for rule in ran if rule.id != UNUSED_RULE]
    unused_rule = next((rule for rule in ran if rule.id == UNUSED_RULE), None)
    kept: list[LocatedFinding] = []
    for finding in findings:
        if finding.file != file:  # in the snapshot a plan is checked against
            kept.append(finding)
            continue
        hit = None
        for item in items:
            hit = _covers(item, finding, by_id.get(finding.rule))
            if hit is not None:
                item.used.add(hit)
                break
        if hit is None:
            kept.append(finding)
    if unused_rule is not None:
        kept.extend(_report(unused_rule, item, file, message)
                    for item, message in _unused(items, ran_rules, list(by_id.values())))
    return sorted(kept)


def _unused(items: list[Suppression], ran: list[Rule],
            known: list[Rule]) -> Iterable[tuple[Suppression, str]]:
    for item in items:
        if not item.selectors:
            yield item, ("this suppression names no rule: write "
                         "`# netplan-cs: ignore[ID] reason`")
        for selector in item.selectors:
            if selector.upper() == "ALL":
                yield item, ("a suppression must name the rules it accepts; `ALL` is not "
                             "allowed here")
            elif not any(matches(rule, selector) for rule in known):
                yield item, (f"suppression names {selector!r}, which is no rule (name rules "
                             "by ID, name or ID prefix)")
            elif selector not in item.used and any(matches(rule, selector) for rule in ran):
                where = "in this file" if item.target is None else f"on line {item.target}"
                yield item, (f"unused suppression: {selector} reports nothing {where}; "
                             "remove it")


def _report(rule: Rule, item: Suppression, file: str, message: str) -> LocatedFinding:
    return LocatedFinding(file=file, line=item.line, column=item.column, rule=rule.id,
                          end_line=item.line, end_column=item.column, name=rule.name,
                          severity=rule.severity, message=message, path="")
