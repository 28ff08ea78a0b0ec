"""A plan file read, imported and modelled: the unit every command works on."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from netplan_cs.display import clip
from netplan_cs.importers.common import Imported
from netplan_cs.importers.marvin import import_marvin, looks_like_marvin
from netplan_cs.importers.snapshot_files import looks_like_snapshot
from netplan_cs.load import SourceFile, read_plan_file
from netplan_cs.load.bundle import SourceBundle
from netplan_cs.load.limits import DEFAULT_LIMITS, Limits
from netplan_cs.load.location import DataPath, Location
from netplan_cs.model.build import ModelPaths, SchemaProblem, build_plan
from netplan_cs.model.plan import Plan
from netplan_cs.model.suspects import suspect_scalars

Dialect = Literal["native", "marvin", "snapshot"]


@dataclass
class PlanDocument:
    """One plan file: the source, the native data, the model and what reading it found."""

    source: SourceFile | SourceBundle
    dialect: Dialect
    imported: Imported
    plan: Plan | None
    problems: list[SchemaProblem] = field(default_factory=list)
    model_paths: ModelPaths = field(default_factory=ModelPaths)
    _shown_paths: dict[tuple[DataPath, bool], tuple[str, Any]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    @property
    def data(self) -> dict[str, Any]:
        """The plan in the native shape (what the model was validated from)."""
        return self.imported.data

    @cached_property
    def suspects(self) -> list[tuple[DataPath, Any]]:
        """The written source's values P004 or S001 may flag, found once for both (what cmk
        wrote of a running cloud is no plan text: its tokens are not secrets in a plan)."""
        source = self.source
        return suspect_scalars(source.written_data if isinstance(source, SourceBundle)
                               else source.data)

    def key_name(self, kind: str, native: str) -> str:
        """How this file spells a native key of an element `kind` (`kvmnetworklabel` of a
        traffic type is `kvm` in a Marvin config), for messages and suggestions."""
        if self.dialect == "marvin":
            from netplan_cs.importers.marvin import marvin_key

            return marvin_key(kind, native) or native
        return native

    def traffic_entry(self, kind: str) -> str:
        """How this file writes a traffic type entry, for suggestions: `traffictype: guest`
        in a native plan, `{"typ": "Guest"}` in a Marvin config's `traffictypes`."""
        if self.dialect == "marvin":
            return f'{{"typ": "{kind}"}} to the `traffictypes` of'
        return f"`traffictype: {kind.lower()}` to"

    @property
    def file(self) -> str:
        return self.source.path

    def data_path(self, model_path: DataPath) -> DataPath:
        """The native data path of the plan element the model reaches at `model_path` (they
        differ after an element before it was removed as unsound)."""
        return self.model_paths.data_path(model_path)

    def damaged(self, prefix: DataPath) -> bool:
        """Whether a schema problem removed something under the model's `prefix` (rules that
        count what is left stay quiet there instead of repeating P001/P004)."""
        prefix = self.data_path(prefix)
        return any(p.kind == "schema" and not p.kept and p.path[:len(prefix)] == prefix
                   for p in self.problems)

    def locate(self, path: DataPath, in_source: bool = False) -> Location:
        """The file position of a native path (mapped back through the importer)."""
        return self.source.locate(path if in_source else self.imported.source_path(path))

    def where(self, path: DataPath, in_source: bool = False) -> tuple[str, Location]:
        """The file and position of a native path: a snapshot's values are in several files."""
        raw = path if in_source else self.imported.source_path(path)
        return self.source.file_of(raw), self.source.locate(raw)

    @property
    def incomplete(self) -> frozenset[str]:
        """The plan's collections the source does not list at all (a snapshot without a
        storage pools listing says nothing of primary storage): unknown, not empty."""
        return self.imported.incomplete

    def display_path(self, path: DataPath, in_source: bool = False) -> str:
        """`zones[zone1].pods[pod1].startip`: list elements by name where they have one."""
        return self._shown(path, in_source)[0]

    def _shown(self, path: DataPath, in_source: bool) -> tuple[str, Any]:
        """The display text of `path` and the node it names, built on its parent's: a plan
        with 70,000 findings shares a few thousand zone, pod and cluster prefixes."""
        known = self._shown_paths.get((path, in_source))
        if known is not None:
            return known
        if not path:
            return "", self.source.data if in_source else self.data
        text, node = self._shown(path[:-1], in_source)
        key = path[-1]
        if isinstance(key, int):
            label = str(key)
            if isinstance(node, list) and 0 <= key < len(node):
                node = node[key]
                name = (node.get("name") or node.get("clustername")
                        if isinstance(node, dict) else None)
                if isinstance(name, str | int) and name != "":
                    label = clip(str(name), 40)
            else:
                node = None
            text += f"[{label}]"
        elif in_source and len(path) == 1 and isinstance(self.source, SourceBundle) \
                and self.source.sided:
            node = node.get(key) if isinstance(node, dict) else None  # a side shows no name:
            # the file a finding is in says which side it is on
        else:
            text += f".{clip(key, 40)}" if text else clip(key, 40)
            node = node.get(key) if isinstance(node, dict) else None
        self._shown_paths[(path, in_source)] = (text, node)
        return text, node


def open_plan(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> PlanDocument:
    """Read, import and model one plan file, or a snapshot (a folder of list-API outputs, or
    one JSON file of them). Raises InputError if it cannot be read."""
    if Path(path).is_dir():
        return _open_snapshot(Path(path), limits)
    source = read_plan_file(path, limits)
    if looks_like_marvin(source.data):
        imported = import_marvin(source.data)
        dialect: Dialect = "marvin"
    elif source.syntax == "json" and looks_like_snapshot(source.data):
        return _open_snapshot(Path(path), limits)
    else:
        imported = Imported(source.data)
        dialect = "native"
    plan, problems, model_paths = build_plan(imported.data)
    return PlanDocument(source, dialect, imported, plan, problems, model_paths)


def open_against(path: str | Path, against: str | Path,
                 limits: Limits = DEFAULT_LIMITS) -> PlanDocument:
    """A plan laid over the running cloud it is about to change (a snapshot, or a plan of
    it): one document whose findings point into both."""
    from netplan_cs.importers.overlay import AGAINST, PLAN, overlay

    plan, cloud = open_plan(path, limits), open_plan(against, limits)
    source = SourceBundle(plan.file, {PLAN: plan.source, AGAINST: cloud.source},
                          syntax=plan.source.syntax, text=plan.source.text,
                          written=frozenset({PLAN}), sided=True)
    imported = overlay(plan.imported, cloud.imported)
    built, problems, model_paths = build_plan(imported.data)
    return PlanDocument(source, plan.dialect, imported, built, problems, model_paths)


def _open_snapshot(path: Path, limits: Limits) -> PlanDocument:
    from netplan_cs.importers.snapshot import import_snapshot
    from netplan_cs.importers.snapshot_files import read_snapshot

    files = read_snapshot(path, limits)
    imported = import_snapshot(files)
    plan, problems, model_paths = build_plan(imported.data)
    return PlanDocument(files.bundle, "snapshot", imported, plan, problems, model_paths)
