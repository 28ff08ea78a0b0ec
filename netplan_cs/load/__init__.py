"""Reading plan files: bytes to plain data plus a way back to file positions.

This layer knows files and syntaxes, nothing of CloudStack. `read_plan_file`
returns a `SourceFile`; anything it cannot read raises InputError (exit 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from netplan_cs.errors import InputError
from netplan_cs.load.json_tree import JsonDocument
from netplan_cs.load.limits import DEFAULT_LIMITS, Limits
from netplan_cs.load.location import DataPath, Location, Locator
from netplan_cs.load.yaml_tree import YamlDocument

Syntax = Literal["yaml", "json"]
_JSON_SUFFIXES = {".cfg", ".json"}
_BOM = b"\xef\xbb\xbf"


@dataclass
class SourceFile:
    """One plan file as read: its data, repeated keys, and positions on demand."""

    path: str
    syntax: Syntax
    data: Any
    text: str
    locator: Locator
    _document: YamlDocument | JsonDocument

    @property
    def duplicates(self) -> list[DataPath]:
        return self._document.duplicates

    def locate(self, path: DataPath) -> Location:
        return self.locator.locate(path)


def _read_bytes(path: Path, limits: Limits) -> bytes:
    name = str(path)
    if path.is_dir():
        raise InputError(name, "is a directory, not a plan file")
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise InputError(name, f"file is {size} bytes, above the limit of "
                             f"{limits.max_bytes} bytes")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied: the file cannot be read") from None
    except OSError as exc:
        raise InputError(name, f"cannot read the file: {exc.strerror or exc}") from None


def _decode(raw: bytes, name: str) -> str:
    if b"\x00" in raw:
        raise InputError(name, "binary file (it contains NUL bytes): expected YAML or JSON text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(name, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the plan "
                         "as UTF-8", line, column) from None


def _inside(text: str, line: int, column: int) -> tuple[int, int]:
    """A parser's position moved onto the file's last line when it points past the end."""
    lines = text.removesuffix("\n").split("\n")  # as LineIndex counts: "\n" only
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return max(1, line), max(1, column)


def read_plan_file(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> SourceFile:
    """Read and parse one plan file (YAML, or JSON for `.cfg`/`.json`)."""
    file = Path(path)
    name = str(path)
    raw = _read_bytes(file, limits)
    if raw.startswith(_BOM):
        raw = raw[len(_BOM):]
    text = _decode(raw, name)
    if not text.strip():
        raise InputError(name, "the file is empty: expected a plan with a `zones` list")
    document: YamlDocument | JsonDocument
    try:
        if file.suffix.lower() in _JSON_SUFFIXES:
            document = JsonDocument(text, name, limits)
            locator = Locator(document.text, document.find_span)
            syntax: Syntax = "json"
        else:
            document = YamlDocument(bytearray(raw), name, limits)
            locator = Locator(raw, document.find_span)
            syntax = "yaml"
    except InputError as error:
        error.line, error.column = _inside(text, error.line, error.column)
        raise
    if not isinstance(document.data, dict):
        kind = "nothing" if document.data is None else type(document.data).__name__
        raise InputError(name, f"the top level holds {kind}: expected a mapping with a "
                         "`zones` list")
    return SourceFile(name, syntax, document.data, text, locator, document)
