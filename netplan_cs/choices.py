"""The base of every closed set of command-line choices (formats, levels, zone kinds)."""

from __future__ import annotations

from enum import Enum


class Choice(str, Enum):
    """A choice that prints as its value, as `enum.StrEnum` does (that arrived in Python
    3.11; Ubuntu 22.04's Python is 3.10)."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)
