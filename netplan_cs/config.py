"""Project configuration: `.netplan-cs.toml` or `[tool.netplan-cs]` in pyproject.toml.

The file is found by searching upward from each plan file (the nearest wins, as with
ruff), or named with `--config`. Unknown keys, rule IDs and rule options are errors that
name the nearest valid spelling: a typo in a CI gate's configuration must not silently
switch a check off.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from netplan_cs.engine.findings import Severity
from netplan_cs.engine.registry import Rule, matches
from netplan_cs.errors import InputError
from netplan_cs.spelling import nearest

CONFIG_NAMES = (".netplan-cs.toml", "pyproject.toml")
Level = Literal["error", "warning", "info"]


class ConfigFile(BaseModel):
    """The keys of a netplan-cs configuration table."""

    # The validator is built on first use (defer_build): most runs find no table to check.
    model_config = ConfigDict(extra="forbid", title="netplan-cs configuration",
                              defer_build=True)

    select: list[str] | None = Field(
        None, description="Only these rules: IDs, names or ID prefixes (A, A00).")
    ignore: list[str] = Field(default_factory=list, description="Skip these rules.")
    severity: dict[str, Level] = Field(
        default_factory=dict, description="Severity overrides, e.g. {A009 = \"warning\"}.")
    fail_level: Level | None = Field(
        None, alias="fail-level", description="Exit 1 on findings at or above this severity.")
    per_path_ignores: dict[str, list[str]] = Field(
        default_factory=dict, alias="per-path-ignores",
        description="Plan-path globs (\"zones[lab].**\") to the rules skipped there.")
    rules: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="Per-rule options, e.g. [rules.C005] threshold = 0.8.")


@dataclass(frozen=True)
class Config:
    """A configuration checked against the rule catalogue."""

    source: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_level: Severity | None = None
    per_path_ignores: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = ()
    options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def severity_of(self, rule_id: str, default: Severity) -> Severity:
        return self.severity.get(rule_id, default)

    def ignored_at(self, rule: Rule, plan_path: str) -> bool:
        """Whether a per-path-ignores entry switches `rule` off at this plan path."""
        return any(pattern.fullmatch(plan_path) and any(matches(rule, s) for s in selectors)
                   for pattern, selectors in self.per_path_ignores)


def path_glob(glob: str) -> re.Pattern[str]:
    """`zones[lab].**` -> a regex over display paths: `*` stays within one step, `**` not."""
    parts: list[str] = []
    i = 0
    while i < len(glob):
        if glob.startswith(".**", i) and i + 3 == len(glob):
            parts.append(r"(?:[.\[].*)?")
            i += 3
        elif glob.startswith("**", i):
            parts.append(".*")
            i += 2
        elif glob[i] == "*":
            parts.append(r"[^.\[\]]*")
            i += 1
        elif glob[i] == "?":
            parts.append(r"[^.\[\]]")
            i += 1
        else:
            parts.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(parts))


def _line_of(text: str, word: str) -> int:
    """The first line mentioning `word`, so an error points near its cause."""
    for number, line in enumerate(text.splitlines(), start=1):
        if word in line:
            return number
    return 1


def _parse_toml(text: str) -> dict[str, Any]:
    """TOML by the standard library, or by its backport before Python 3.11; imported only
    when a configuration file or a pyproject.toml is found."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10
        import tomli as tomllib
    return tomllib.loads(text)


def _table(path: Path, text: str) -> dict[str, Any] | None:
    try:
        data = _parse_toml(text)
    except ValueError as error:  # TOMLDecodeError, in both readers
        raise InputError(path, f"invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("netplan-cs")
        return table if isinstance(table, dict) else None
    return data


def _schema_error(path: Path, text: str, error: ValidationError) -> InputError:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    last = str(first["loc"][-1]) if first["loc"] else ""
    if first["type"] == "extra_forbidden":
        names = [f.alias or name for name, f in ConfigFile.model_fields.items()]
        hint = nearest(last, names)
        extra = f" (did you mean {hint!r}?)" if hint else f"; valid keys: {', '.join(names)}"
        return InputError(path, f"unknown key {where!r}{extra}", _line_of(text, last))
    return InputError(path, f"{where}: {first['msg']}", _line_of(text, last or where))


def _check_selector(path: Path, text: str, selector: str, rules: list[Rule]) -> None:
    if not any(matches(rule, selector) for rule in rules):
        hint = nearest(selector, [r.id for r in rules] + [r.name for r in rules])
        extra = f" (did you mean {hint}?)" if hint else ""
        raise InputError(path, f"unknown rule {selector!r}{extra}", _line_of(text, selector))


def _rule_options(path: Path, text: str, table: dict[str, dict[str, Any]],
                  rules: list[Rule]) -> dict[str, dict[str, Any]]:
    options: dict[str, dict[str, Any]] = {}
    for selector, values in table.items():
        _check_selector(path, text, selector, rules)
        for rule in (r for r in rules if matches(r, selector)):
            for key, value in values.items():
                if key not in rule.options:
                    known = sorted(rule.options)
                    hint = nearest(key, known)
                    extra = (f" (did you mean {hint!r}?)" if hint else
                             f"; {rule.id} takes {', '.join(known) or 'no options'}")
                    raise InputError(path, f"unknown option {key!r} for {rule.id}{extra}",
                                     _line_of(text, key))
                default = rule.options[key]
                numeric = (int, float)
                same = (isinstance(value, numeric) and isinstance(default, numeric)
                        and not isinstance(value, bool)) or type(value) is type(default)
                if not same:
                    raise InputError(path, f"option {key!r} of {rule.id} expects a "
                                     f"{type(default).__name__}, got {value!r}",
                                     _line_of(text, key))
                options.setdefault(rule.id, {})[key] = value
    return options


def _severities(entries: dict[str, Level], rules: list[Rule]) -> dict[str, Severity]:
    """Overrides per rule ID; an exact ID or name beats a prefix, a longer prefix a shorter."""
    resolved: dict[str, Severity] = {}
    for selector in sorted(entries, key=len):
        for rule in rules:
            if matches(rule, selector):
                resolved[rule.id] = Severity.parse(entries[selector])
    return resolved


def load_config(path: Path, rules: list[Rule], required: bool = True) -> Config | None:
    """Read and check one configuration file; None for a pyproject without our table."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(path, f"cannot read the configuration: {error.strerror}") from None
    table = _table(path, text)
    if table is None:
        if required:
            raise InputError(path, "no [tool.netplan-cs] table in this pyproject.toml")
        return None
    try:
        model = ConfigFile.model_validate(table)
    except ValidationError as error:
        raise _schema_error(path, text, error) from None
    for selector in [*(model.select or []), *model.ignore, *model.severity,
                     *(s for values in model.per_path_ignores.values() for s in values)]:
        _check_selector(path, text, selector, rules)
    return Config(
        source=path,
        select=tuple(model.select) if model.select is not None else None,
        ignore=tuple(model.ignore),
        severity=_severities(model.severity, rules),
        fail_level=Severity.parse(model.fail_level) if model.fail_level else None,
        per_path_ignores=tuple((path_glob(glob), tuple(selectors))
                               for glob, selectors in model.per_path_ignores.items()),
        options=_rule_options(path, text, model.rules, rules))


class ConfigFinder:
    """Finds the configuration of each plan file by searching upward; reads each file once."""

    def __init__(self, rules: list[Rule], explicit: Path | None = None) -> None:
        self._rules = rules
        self._explicit = load_config(explicit, rules) if explicit is not None else None
        self._by_directory: dict[Path, Config] = {}

    def for_plan(self, plan: Path) -> Config:
        if self._explicit is not None:
            return self._explicit
        start = plan.resolve().parent
        visited: list[Path] = []
        found = Config()
        for directory in (start, *start.parents):
            if directory in self._by_directory:
                found = self._by_directory[directory]
                break
            visited.append(directory)
            config = self._in_directory(directory)
            if config is not None:
                found = config
                break
        for directory in visited:
            self._by_directory[directory] = found
        return found

    def _in_directory(self, directory: Path) -> Config | None:
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                config = load_config(candidate, self._rules, required=False)
                if config is not None:
                    return config
        return None


def config_schema() -> dict[str, Any]:
    """The JSON Schema of the configuration table (for editors and SchemaStore)."""
    return ConfigFile.model_json_schema(by_alias=True)
