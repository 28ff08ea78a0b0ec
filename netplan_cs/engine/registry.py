"""Rule discovery: every `rules/<category>/<ID>-<name>/rule.py` is one rule.

A rule module declares ID, NAME, SEVERITY and SUMMARY (and optionally OPTIONS,
a mapping of option names to defaults, NEEDS_PLAN = False for rules that read
the file rather than the model, ASSUMES_COMPLETE, the plan collections whose absence
the rule judges, and CLOUDSTACK, what CloudStack itself does with
the input: one of VERDICTS, explained in the README's `## CloudStack` section),
plus `check(ctx)` yielding Findings. Its
folder also holds README.md and examples/{pass,fail}/. Rule modules are loaded
from their files, so an organisation can add a folder of its own (--rules-dir).
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from netplan_cs.engine.findings import Finding, Severity
from netplan_cs.errors import COMMAND_LINE, InputError

VERDICTS = ("refuses", "fails-later", "advice")
_REFERENCE_LINE = re.compile(r"- (Verdict|Message|Code|Read in): (.+)")
_FOLDER = re.compile(r"([A-Z]\d{3})-([a-z0-9]+(?:-[a-z0-9]+)*)\Z")
CheckFunction = Callable[[Any], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    category: str
    severity: Severity
    summary: str
    folder: Path
    check: CheckFunction = field(compare=False, repr=False)
    options: dict[str, Any] = field(default_factory=dict, compare=False)
    needs_plan: bool = True
    cloudstack: str | None = None  # one of VERDICTS
    severity_varies: str | None = None  # when some findings carry another severity
    # plan collections whose absence the rule judges: it does not run where the source
    # leaves them unknown (a snapshot without that listing)
    assumes_complete: frozenset[str] = frozenset()

    @property
    def severity_text(self) -> str:
        """`error; a warning in basic zones, ...`: the default and when findings differ, in
        the words every catalogue output (rules, explain, SARIF, README) uses."""
        return str(self.severity) + (f"; {self.severity_varies}" if self.severity_varies else "")

    @property
    def readme(self) -> Path:
        return self.folder / "README.md"

    def cloudstack_reference(self) -> dict[str, str]:
        """The README's `## CloudStack` lines (verdict, message, code, read in), by key."""
        text = self.readme.read_text(encoding="utf-8") if self.readme.is_file() else ""
        _, found, section = text.partition("\n## CloudStack\n")
        if not found:
            return {}
        section = section.split("\n## ", 1)[0]
        return {m.group(1).lower().replace(" ", "_"): m.group(2).strip()
                for m in map(_REFERENCE_LINE.match, section.splitlines()) if m}

    def examples(self, kind: str) -> list[Path]:
        """The example plans of one kind ("pass" or "fail"), sorted; `x.against.json` beside
        `x.yaml` is the running cloud `x.yaml` is checked against, not an example."""
        folder = self.folder / "examples" / kind
        return sorted(p for p in folder.glob("*") if p.suffix in (".yaml", ".yml", ".cfg",
                                                                   ".json")
                      and ".against" not in p.suffixes)


def against_of(example: Path) -> Path | None:
    """The running cloud an example is checked against (`lint --against`), if it has one."""
    found = sorted(example.parent.glob(f"{example.stem}.against*"))
    return found[0] if found else None


def builtin_rules_dir() -> Path:
    """The rules shipped with netplan-cs: inside the wheel, or beside the package in a checkout."""
    package = Path(__file__).resolve().parents[1]
    shipped = package / "_rules"
    return shipped if shipped.is_dir() else package.parent / "rules"


def _load_module(path: Path, rule_id: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"netplan_cs_rule_{rule_id}", path)
    if spec is None or spec.loader is None:
        raise InputError(path, "cannot load this rule module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rule_from(folder: Path) -> Rule:
    match = _FOLDER.match(folder.name)
    if match is None:
        raise InputError(folder, "a rule folder must be named <ID>-<name>, "
                         "e.g. A009-address-overlap")
    module = _load_module(folder / "rule.py", match.group(1))
    rule_id, name = match.groups()
    verdict = getattr(module, "CLOUDSTACK", None)
    if verdict is not None and verdict not in VERDICTS:
        raise InputError(folder / "rule.py", f"CLOUDSTACK must be one of {', '.join(VERDICTS)}, "
                         f"not {verdict!r}")
    if (getattr(module, "ID", None), getattr(module, "NAME", None)) != (rule_id, name):
        raise InputError(folder / "rule.py", f"ID and NAME must match the folder name "
                         f"{folder.name}")
    return Rule(
        id=rule_id, name=name, category=folder.parent.name,
        severity=Severity.parse(module.SEVERITY), summary=module.SUMMARY, folder=folder,
        check=module.check, options=dict(getattr(module, "OPTIONS", {})),
        needs_plan=getattr(module, "NEEDS_PLAN", True), cloudstack=verdict,
        severity_varies=getattr(module, "SEVERITY_VARIES", None),
        assumes_complete=frozenset(getattr(module, "ASSUMES_COMPLETE", ())))


def discover(directory: Path) -> Iterator[Rule]:
    """Every rule under `directory`, in ID order."""
    for rule_file in sorted(directory.glob("*/*/rule.py"), key=lambda p: p.parent.name):
        yield _rule_from(rule_file.parent)


@cache
def _builtin() -> tuple[Rule, ...]:
    return tuple(discover(builtin_rules_dir()))


def load_rules(extra_dirs: Iterable[Path] = ()) -> list[Rule]:
    """Built-in rules plus those of `extra_dirs`; an ID may be defined only once."""
    rules = list(_builtin())
    for directory in extra_dirs:
        if not directory.is_dir():
            raise InputError(directory, "rules directory not found")
        rules.extend(discover(directory))
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in seen:
            raise InputError(rule.folder, f"rule {rule.id} is already defined in "
                             f"{seen[rule.id].folder}")
        seen[rule.id] = rule
    return sorted(rules, key=lambda r: r.id)


def matches(rule: Rule, selector: str) -> bool:
    """A selector is an ID (`A009`), an ID prefix (`A`, `A00`), a name, or `ALL`."""
    text = selector.strip()
    return (text.upper() == "ALL" or rule.id == text.upper() or rule.name == text.lower()
            or (bool(re.fullmatch(r"[A-Za-z]\d{0,2}", text)) and rule.id.startswith(text.upper())))


def select(rules: list[Rule], select: list[str], ignore: list[str]) -> list[Rule]:
    """Apply --select and --ignore; an unknown selector is a usage error."""
    for selector in [*select, *ignore]:
        if not any(matches(rule, selector) for rule in rules):
            from netplan_cs.spelling import nearest

            hint = nearest(selector, [r.id for r in rules] + [r.name for r in rules])
            extra = f" (did you mean {hint}?)" if hint else ""
            raise InputError(COMMAND_LINE, f"unknown rule {selector!r}{extra}")
    chosen = [r for r in rules if not select or any(matches(r, s) for s in select)]
    return [r for r in chosen if not any(matches(r, s) for s in ignore)]
