"""Several files read as one tree: a snapshot folder of list-API outputs, or a plan laid
over a snapshot (`lint --against`), a bundle of a file and a bundle.

`data[name]` is one member's data, so a path's first key names its member; positions and
repeated keys are each member's own. Commands treat a bundle as they treat one plan file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from netplan_cs.load import SourceFile
from netplan_cs.load.location import DataPath, Location

_NOWHERE = Location(1, 1, 1, 1)


@dataclass
class SourceBundle:
    """The files of a folder (or the one file) a snapshot was read from."""

    path: str  # the folder, or the one file
    files: dict[str, SourceFile | SourceBundle] = field(default_factory=dict)  # by key in `data`
    failed: dict[str, tuple[str, Location]] = field(default_factory=dict)  # file, where parsing
    # stopped, of the files that could not be read (what is said of them points there)
    syntax: Literal["json", "yaml"] = "json"
    text: str = ""  # the written plan's, for inline suppressions (cmk writes no comments)
    written: frozenset[str] = frozenset()  # members an operator wrote: rules about how a plan
    # is written (repeated keys, placeholders, secrets in clear) judge only these
    sided: bool = False  # members are the sides of a check (plan, against), not files

    @property
    def data(self) -> dict[str, Any]:
        return {name: source.data for name, source in self.files.items()}

    @property
    def duplicates(self) -> list[DataPath]:
        return [(name, *path) for name, source in self.files.items() if name in self.written
                for path in source.duplicates]

    @property
    def written_data(self) -> dict[str, Any]:
        return {name: self.files[name].data for name in self.written}

    def _file(self, path: DataPath) -> SourceFile | SourceBundle | None:
        if not path:  # the snapshot as a whole: a one-file snapshot's top level
            return None if len(self.files) != 1 or Path(self.path).is_dir() else \
                next(iter(self.files.values()))
        return self.files.get(path[0]) if isinstance(path[0], str) else None

    def locate(self, path: DataPath) -> Location:
        source = self._file(path)
        if source is not None:
            return source.locate(path[1:] if path else path)
        failed = self.failed.get(path[0]) if path and isinstance(path[0], str) else None
        return failed[1] if failed is not None else _NOWHERE

    def file_of(self, path: DataPath) -> str:
        """The file a path is in; the folder for what concerns the snapshot as a whole."""
        source = self._file(path)
        if source is not None:
            return source.file_of(path[1:] if path else path)
        failed = self.failed.get(path[0]) if path and isinstance(path[0], str) else None
        if failed is not None:
            return failed[0]
        if path and isinstance(path[0], str) and Path(self.path).is_dir():
            return str(Path(self.path) / path[0])  # a file that holds no listing
        return self.path
