"""Walking plain data for rules that read the file itself (placeholders, secrets)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import accumulate, count
from operator import add
from typing import Any

from netplan_cs.load.location import DataPath

Keep = Callable[[Hashable, Any], bool]


def scalars_where(data: Any, keep: Keep) -> list[tuple[DataPath, Any]]:
    """(path, value) of every scalar below `data` whose (key, value) `keep` accepts, in
    document order. A path is built only for a container or a kept scalar, so a rule that
    looks at every value of a 40,000-host plan pays one call per value and nothing more."""
    found: list[tuple[DataPath, Any]] = []
    _visit(data, (), keep, found)
    return found


def _visit(node: Any, path: DataPath, keep: Keep, found: list[tuple[DataPath, Any]]) -> None:
    # Recursion is bounded: the loader refuses data nested deeper than Limits.max_depth.
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        if isinstance(value, dict | list):
            _visit(value, (*path, key), keep, found)
        elif keep(key, value):
            found.append(((*path, key), value))


def strings_and_keys(data: Any) -> tuple[list[str], set[Hashable]]:
    """Every string value and every mapping key below `data`. Building no path and calling
    no predicate per value, this walk costs half of `scalars_where`'s: enough to tell
    whether a plan holds anything worth a second, path-building walk."""
    strings: list[str] = []
    keys: set[Hashable] = set()
    _gather(data, strings, keys)
    return strings, keys


def _gather(node: Any, strings: list[str], keys: set[Hashable]) -> None:
    # Recursion is bounded: the loader refuses data nested deeper than Limits.max_depth.
    if isinstance(node, dict):
        keys.update(node)
        node = node.values()
    for value in node:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict | list):
            _gather(value, strings, keys)


def holding(texts: Sequence[str], words: Iterable[str], joined: str | None = None) -> set[str]:
    """The texts that hold one of `words` (none of which holds a NUL). One `find` scan per
    word over all the texts joined by NUL costs a few ms for 100,000 plan values, where a
    regex search per value costs 60 ms. `joined` may give that text, or a copy as long (ASCII
    text lowered), to be scanned instead."""
    if joined is None:
        joined = "\0".join(texts)
    ends: list[int] = []
    found: set[str] = set()
    for word in words:
        at = joined.find(word)
        while at >= 0:
            if not ends:  # text i ends where the NUL after it sits
                ends = list(map(add, accumulate(map(len, texts)), count()))
            index = bisect_left(ends, at)
            found.add(texts[index])
            at = joined.find(word, ends[index])
    return found
