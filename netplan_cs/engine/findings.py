"""Findings as rules yield them (plan paths) and as reports print them (file positions)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Literal

from netplan_cs.load.location import DataPath

PathSpace = Literal["model", "data", "source"]


class Severity(IntEnum):
    """Ordered so that `severity >= fail_level` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}; expected error, warning or "
                             "info") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Related:
    """Another plan element a finding involves (the other side of a conflict)."""

    path: DataPath
    message: str = ""


@dataclass(frozen=True)
class Finding:
    """What a rule yields: a message about the most specific plan element.

    `severity` overrides the rule's default for this finding (e.g. A012 is an
    error for XenServer hosts and a warning for KVM ones). `space` says what the
    path indexes: the validated plan ("model", what rules see), the native data it was
    validated from ("data", where schema problems are), or the file's own shape
    ("source", a Marvin key).
    """

    path: DataPath
    message: str
    related: tuple[Related, ...] = ()
    suggestion: str | None = None
    severity: Severity | None = None
    space: PathSpace = "model"


@dataclass(frozen=True)
class RelatedLocation:
    file: str
    line: int
    column: int
    path: str
    message: str


@dataclass(frozen=True, order=True)
class LocatedFinding:
    """A finding placed in its file, ready for any report format."""

    file: str
    line: int
    column: int
    rule: str
    end_line: int = field(compare=False)
    end_column: int = field(compare=False)
    name: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    path: str = field(compare=False)
    related: tuple[RelatedLocation, ...] = field(default=(), compare=False)
    suggestion: str | None = field(default=None, compare=False)
