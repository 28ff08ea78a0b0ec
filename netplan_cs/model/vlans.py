"""Guest VLAN (vnet) ranges: CloudStack's `start-end[,start-end]` syntax, parsed once.

The string form follows NetworkServiceImpl.validateVlanRange exactly: a bare
`500` is CloudStack's own syntax error (rule V001 reports it, the model keeps
the text). The native YAML list form (`[100-200, 300]`) may name single IDs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

from netplan_cs.display import shown

_PAIR = re.compile(r"\s*([0-9]{1,30})\s*-\s*([0-9]{1,30})\s*\Z")
_SINGLE = re.compile(r"\s*([0-9]{1,30})\s*\Z")


@dataclass(frozen=True)
class VlanRanges:
    """Inclusive intervals of VLAN IDs (or VNIs), in the order written."""

    text: str
    intervals: tuple[tuple[int, int], ...] = ()
    error: str | None = None
    items: tuple[str, ...] = field(default=(), compare=False)
    listed: bool = field(default=False, compare=False)  # written as a YAML list

    @classmethod
    def parse(cls, value: Any) -> VlanRanges:
        if isinstance(value, VlanRanges):
            return value
        if isinstance(value, list):
            return cls._parse_items([str(item) for item in value], allow_single=True,
                                    text=",".join(str(item) for item in value), listed=True)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls._parse_items([str(value)], allow_single=False, text=str(value))
        if not isinstance(value, str):
            raise ValueError(f"expected a VLAN range such as 100-200, got {shown(value)}")
        return cls._parse_items(value.split(","), allow_single=False, text=value)

    @classmethod
    def _parse_items(cls, items: list[str], allow_single: bool, text: str,
                     listed: bool = False) -> VlanRanges:
        intervals: list[tuple[int, int]] = []
        for item in items:
            pair = _PAIR.match(item)
            single = _SINGLE.match(item)
            if pair:
                start, end = int(pair.group(1)), int(pair.group(2))
            elif single and allow_single:
                start = end = int(single.group(1))
            elif single:
                number = single.group(1)
                return cls(text, error=f"{shown(item.strip())} is a bare number: CloudStack takes "
                           f"only start-end pairs (write {number}-{number})", items=tuple(items))
            else:
                return cls(text, error=f"{shown(item.strip())} is not a start-end pair of numbers",
                           items=tuple(items))
            if start > end:
                return cls(text, error=f"{shown(item.strip())}: the start is above the end",
                           items=tuple(items))
            intervals.append((start, end))
        return cls(text, tuple(intervals), items=tuple(items), listed=listed)

    @property
    def valid(self) -> bool:
        return self.error is None

    def merged(self) -> list[tuple[int, int]]:
        """The union of the intervals, sorted (CloudStack stores it this way)."""
        result: list[tuple[int, int]] = []
        for start, end in sorted(self.intervals):
            if result and start <= result[-1][1] + 1:
                result[-1] = (result[-1][0], max(result[-1][1], end))
            else:
                result.append((start, end))
        return result

    def size(self) -> int:
        return sum(end - start + 1 for start, end in self.merged())

    def __contains__(self, vlan: object) -> bool:
        return isinstance(vlan, int) and any(s <= vlan <= e for s, e in self.intervals)

    def __str__(self) -> str:
        return self.text

    def written(self) -> str | list[str | int]:
        """The value as a plan writes it back: a list stays a list (where a bare number is
        allowed), a CSV stays the text CloudStack's API takes."""
        if not self.listed:
            return self.text
        return [int(item) if _SINGLE.match(item) else item.strip() for item in self.items]

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any,
                                     handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(
                cls.written))


def format_vlans(vlans: list[int] | set[int]) -> str:
    """`100,101,2001-2050`: sorted IDs compressed into ranges (switch syntax)."""
    parts: list[str] = []
    ordered = sorted(set(vlans))
    index = 0
    while index < len(ordered):
        start = end = ordered[index]
        while index + 1 < len(ordered) and ordered[index + 1] == end + 1:
            index += 1
            end = ordered[index]
        parts.append(str(start) if start == end else f"{start}-{end}")
        index += 1
    return ",".join(parts)
