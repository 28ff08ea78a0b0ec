"""Walking plain data for rules that read the file itself (placeholders, secrets)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
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
