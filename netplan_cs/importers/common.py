"""What every importer returns: native-shaped data, its origin map and import notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from netplan_cs.load.location import DataPath


@dataclass(frozen=True)
class Note:
    """Something an importer noticed: a key the source format ignores or does not know."""

    kind: str  # "unknown-key" | "ignored-key" (P002) | "snapshot" (P008) | "change" (P009)
    path: DataPath  # in the native data when it has one, else where it would be
    raw_path: DataPath  # in the source file
    message: str
    suggestion: str | None = None
    unlisted: tuple[str, ...] = ()  # the plan collections a missing listing leaves unknown
    other: DataPath | None = None  # in the source: the other side (a change's current value)


@dataclass(frozen=True)
class InUse:
    """An address a running cloud has given out (to a system VM, a router, an account)."""

    address: str
    kind: str  # "public" (a public or guest range's) | "private" (a pod reserved range's)
    zone: str  # the zone's name
    pod: str | None  # the pod's name, for private addresses
    owner: str  # what holds it, for messages: "secondary storage VM s-1-VM"
    source: DataPath  # where the snapshot says so


@dataclass
class Imported:
    """Native plan data plus, for paths that moved, the path in the source file."""

    data: dict[str, Any]
    origin: dict[DataPath, DataPath] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    incomplete: frozenset[str] = frozenset()  # collections the source did not list at all
    in_use: list[InUse] = field(default_factory=list)  # addresses a snapshot shows taken

    def source_path(self, path: DataPath) -> DataPath:
        """Where a native path came from: its own entry, else its nearest mapped ancestor's."""
        origin = self.origin
        if not origin:
            return path
        for cut in range(len(path), -1, -1):
            found = origin.get(path[:cut])
            if found is not None:
                return found + path[cut:]
        return path
