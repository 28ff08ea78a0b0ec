"""A plan laid over a running cloud (`lint PLAN --against SNAPSHOT`): one plan of both.

The plan is what the operator is about to add. Its zones, pods, physical networks,
clusters, ranges and offerings are matched with the cloud's by name (ranges by their
start address, hosts by address), so a pod in both is one pod, not a duplicate; what only
the plan has is added. A value the plan gives for an element the cloud has is the plan's,
and where it differs from the cloud's it is a change, said as such (P009). Every value
keeps the side and the file position it came from.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from netplan_cs.importers.common import Imported, Note
from netplan_cs.load.location import DataPath
from netplan_cs.model.types import parse_flag

PLAN, AGAINST = "plan", "against"  # the two sides' keys in the combined source

Key = Callable[[dict[str, Any]], Any]


def _by(*names: str) -> Key:
    def key(item: dict[str, Any]) -> Any:
        for name in names:
            value = item.get(name)
            if value not in (None, ""):
                return (name, str(value).lower())
        return None
    return key


# how two elements of a list are the same element, per collection (None: never matched)
_MATCH: dict[str, Key] = {
    "zones": _by("name"), "pods": _by("name"), "physical_networks": _by("name"),
    "traffic_types": _by("traffictype"), "clusters": _by("name"),
    "hosts": _by("ipaddress", "url", "name"), "public_ranges": _by("startip"),
    "guest_ranges": _by("startip"), "storage_ranges": _by("startip"),
    "management_ranges": _by("startip"), "shared_networks": _by("name"),
    "primary_storage": _by("name", "url"), "secondary_storage": _by("url", "name"),
    "management_servers": _by("ipaddress"), "service": _by("name"), "network": _by("name"),
    "system": _by("name"), "switches": _by("name"), "ports": _by("name"),
}


def _same(current: Any, planned: Any) -> bool:
    """Equal as CloudStack takes them: `Advanced` is `advanced`, `vlan://100` is 100, the
    API's `"200"` is a plan's 200 (both are validated by the model later)."""
    if isinstance(current, list) and isinstance(planned, list):
        return len(current) == len(planned) and all(map(_same, current, planned))
    if isinstance(current, bool) or isinstance(planned, bool):
        try:
            return parse_flag(current) == parse_flag(planned)  # the API's "0" is false
        except ValueError:
            return False
    return _text(current) == _text(planned)


def _text(value: Any) -> str:
    return str(value).strip().lower().removeprefix("vlan://")


@dataclass
class Overlay(Imported):
    """The merged plan; `origin` maps its paths to (side, that side's native path)."""

    sides: dict[str, Imported] = field(default_factory=dict)

    def source_path(self, path: DataPath) -> DataPath:
        """(side, *where that side's source holds it): the nearest mapped ancestor's side."""
        for cut in range(len(path), -1, -1):
            found = self.origin.get(path[:cut])
            if found is not None:
                side, native = found[0], found[1:] + path[cut:]
                return (side, *self.sides[str(side)].source_path(native))
        return (AGAINST, *self.sides[AGAINST].source_path(path))


@dataclass
class _Merger:
    plan: Imported
    cloud: Imported
    origin: dict[DataPath, DataPath] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)

    def take(self, merged: DataPath, side: str, native: DataPath) -> None:
        self.origin[merged] = (side, *native)

    def mapping(self, into: dict[str, Any], extra: dict[str, Any], merged: DataPath,
                plan_path: DataPath, cloud_path: DataPath) -> None:
        for key, value in extra.items():
            here, ours = (*merged, key), (*plan_path, key)
            if key not in into:
                into[key] = copy.deepcopy(value)
                self.take(here, PLAN, ours)
            elif isinstance(value, dict) and isinstance(into[key], dict):
                self.mapping(into[key], value, here, ours, (*cloud_path, key))
            elif isinstance(value, list) and isinstance(into[key], list) and key in _MATCH:
                self.sequence(into[key], value, key, here, ours, (*cloud_path, key))
            else:
                if not _same(into[key], value):
                    self.change(here, ours, (*cloud_path, key), into[key], value)
                into[key] = copy.deepcopy(value)
                self.take(here, PLAN, ours)

    def sequence(self, into: list[Any], extra: list[Any], collection: str, merged: DataPath,
                 plan_path: DataPath, cloud_path: DataPath) -> None:
        key = _MATCH[collection]
        known = {key(item): i for i, item in enumerate(into)
                 if isinstance(item, dict) and key(item) is not None}
        for j, item in enumerate(extra):
            match = known.get(key(item)) if isinstance(item, dict) else None
            if match is None:
                self.take((*merged, len(into)), PLAN, (*plan_path, j))
                into.append(copy.deepcopy(item))
                continue
            self.mapping(into[match], item, (*merged, match), (*plan_path, j),
                         (*cloud_path, match))

    def change(self, merged: DataPath, plan_path: DataPath, cloud_path: DataPath,
               old: Any, new: Any) -> None:
        raw_plan = (PLAN, *self.plan.source_path(plan_path))
        raw_cloud = (AGAINST, *self.cloud.source_path(cloud_path))
        self.notes.append(Note("change", merged, raw_plan,
                               f"`{merged[-1]}` changes from {old!r} (the running cloud) to "
                               f"{new!r}", other=raw_cloud))


def overlay(plan: Imported, cloud: Imported) -> Overlay:
    """The cloud with the plan laid over it."""
    merger = _Merger(plan, cloud)
    data = copy.deepcopy(cloud.data)
    merger.mapping(data, plan.data, (), (), ())
    data["version"] = plan.data.get("version", data.get("version"))
    notes = [*(_sided(note, PLAN) for note in plan.notes),
             *(_sided(note, AGAINST) for note in cloud.notes), *merger.notes]
    in_use = [replace(item, source=(AGAINST, *item.source)) for item in cloud.in_use]
    return Overlay(data, merger.origin, notes, cloud.incomplete, in_use,
                   sides={PLAN: plan, AGAINST: cloud})


def _sided(note: Note, side: str) -> Note:
    """A side's own note, its source path now in the combined source."""
    return Note(note.kind, note.path, (side, *note.raw_path), note.message, note.suggestion,
                note.unlisted, None if note.other is None else (side, *note.other))
