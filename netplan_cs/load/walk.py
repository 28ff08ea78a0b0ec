"""Walking plain data: every scalar with its path, for rules that read the file itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from netplan_cs.load.location import DataPath


def scalars(data: Any, path: DataPath = ()) -> Iterator[tuple[DataPath, Any]]:
    """Yield (path, value) for every scalar below `data`, in document order."""
    stack: list[tuple[DataPath, Any]] = [(path, data)]
    while stack:
        where, node = stack.pop()
        if isinstance(node, dict):
            stack.extend((( *where, key), value) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend(((*where, index), item) for index, item in reversed(list(enumerate(node))))
        else:
            yield where, node
