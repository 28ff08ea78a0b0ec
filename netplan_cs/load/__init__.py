"""Reading plan files: bytes to plain data plus a way back to file positions.

This layer knows files and syntaxes, nothing of CloudStack. `read_plan_file`
returns a `SourceFile`; anything it cannot read raises InputError (exit 2).
"""

from __future__ import annotations

import codecs
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
_WIDE_BOMS = [(codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
              (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")]


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

    def file_of(self, path: DataPath) -> str:
        """The file a path is in: this one (a bundle of files answers per path)."""
        return self.path


def _read_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes, reading at most one byte past the limit (/dev/zero ends too)."""
    name = str(path)
    if path.is_dir():
        raise InputError(name, "is a directory, not a plan file")
    try:
        with path.open("rb") as stream:
            raw = stream.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied: the file cannot be read") from None
    except OSError as exc:
        raise InputError(name, f"cannot read the file: {exc.strerror or exc}") from None
    if len(raw) > limits.max_bytes:
        raise InputError(name, f"the file is larger than the limit of {limits.max_bytes} "
                         "bytes (--max-file-size)")
    return raw


def _without_bom(raw: bytes, name: str, is_json: bool) -> bytes:
    """Drop a UTF-8 byte-order mark from YAML; refuse it in JSON and refuse UTF-16/32.

    YAML 1.2 (5.2) allows a BOM and Windows editors write one, so it is ignored.
    JSON does not allow one (RFC 8259, 8.1) and Marvin's json.loads fails on it
    ("Unexpected UTF-8 BOM"), so a `.cfg` with one would never deploy.
    """
    for bom, encoding in _WIDE_BOMS:
        if raw.startswith(bom):
            raise InputError(name, f"{encoding} text (it starts with a {encoding} byte-order "
                             "mark): save the plan as UTF-8")
    if not raw.startswith(codecs.BOM_UTF8):
        return raw
    if is_json:
        raise InputError(name, "the file starts with a UTF-8 byte-order mark, which JSON does "
                         "not allow and Marvin cannot read (json.loads: \"Unexpected UTF-8 "
                         "BOM\"); save it as UTF-8 without BOM")
    return raw[len(codecs.BOM_UTF8):]


def _decode(raw: bytes, name: str) -> str:
    if b"\x00" in raw:
        raise InputError(name, "binary file (it contains NUL bytes): expected YAML or JSON text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[start:exc.start].decode("utf-8", "replace")) + 1
        raise InputError(name, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the plan "
                         "as UTF-8", line, column) from None


def _inside(text: str, line: int, column: int) -> tuple[int, int]:
    """A parser's position moved onto the file's last line when it points past the end."""
    lines = text.removesuffix("\n").split("\n")  # as LineIndex counts: "\n" only
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return max(1, line), max(1, column)


def read_source_file(path: str | Path, limits: Limits = DEFAULT_LIMITS,
                     syntax: Syntax | None = None) -> SourceFile:
    """Read and parse one file (YAML, or JSON for `.cfg`/`.json` or when `syntax` says),
    whatever its top level holds."""
    file = Path(path)
    name = str(path)
    is_json = syntax == "json" if syntax else file.suffix.lower() in _JSON_SUFFIXES
    raw = _without_bom(_read_bytes(file, limits), name, is_json)
    text = _decode(raw, name)
    if not text.strip():
        raise InputError(name, "the file is empty: expected a plan with a `zones` list")
    document: YamlDocument | JsonDocument
    try:
        if is_json:
            document = JsonDocument(text, name, limits)
            locator = Locator(document.text, document.find_span)
            kind: Syntax = "json"
        else:
            document = YamlDocument(bytearray(raw), name, limits)
            locator = Locator(raw, document.find_span)
            kind = "yaml"
    except InputError as error:
        error.line, error.column = _inside(text, error.line, error.column)
        raise
    return SourceFile(name, kind, document.data, text, locator, document)


def read_plan_file(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> SourceFile:
    """Read and parse one plan file (YAML, or JSON for `.cfg`/`.json`): a mapping."""
    source = read_source_file(path, limits)
    if not isinstance(source.data, dict):
        kind = "nothing" if source.data is None else type(source.data).__name__
        raise InputError(source.path, f"the top level holds {kind}: expected a mapping with a "
                         "`zones` list")
    return source
