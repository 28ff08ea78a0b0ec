"""YAML to plain data with rapidyaml, safe by construction.

rapidyaml builds a tree without instantiating anything, so tags cannot run
code: we resolve plain scalars by the YAML 1.2 core schema ourselves and refuse
every tag outside it. Aliases are expanded under a node budget (a "billion
laughs" file fails fast), and nesting depth is bounded. Positions are read back
from the tree only when a finding asks for one.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import ryml

from netplan_cs.errors import InputError
from netplan_cs.load.limits import Limits
from netplan_cs.load.location import DataPath, LineIndex, Span

_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = {".nan", ".NaN", ".NAN"}
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_SAFE_TAGS = {"!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq",
              "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
              "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
              "tag:yaml.org,2002:seq"}


_TAGS = ryml.VALTAG | ryml.KEYTAG
_STR_TAGS = {"!!str", "tag:yaml.org,2002:str"}
_NUMERIC_START = set("0123456789+-.")


def resolve_plain(text: str) -> Any:
    """A plain (unquoted) scalar as the YAML 1.2 core schema reads it."""
    if not text or text[0] in "~nN":
        return None if text in _NULLS else text
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text[0] not in _NUMERIC_START or text.count(".") > 1:
        return text  # by far the most common case: names, addresses, ranges
    if _INT.match(text):
        try:
            return int(text)
        except ValueError:  # over Python's 4300-digit cap: no plan value; the model says so
            return text
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text) and any(ch.isdigit() for ch in text):
        return float(text)
    if _INF.match(text) or text in _NAN:
        return float(text.replace(".", "", 1))
    return text


def _utf8(raw: bytes) -> str | None:
    """Bytes rapidyaml produced, as text; None if they are not text.

    rapidyaml turns a `\\ud83d\\ude00` escape pair into two 3-byte surrogates
    (CESU-8), which we join into one character; a lone surrogate is no text.
    """
    try:
        return raw.decode()
    except UnicodeDecodeError:
        pass
    try:
        return (raw.decode("utf-8", "surrogatepass").encode("utf-16-le", "surrogatepass")
                .decode("utf-16-le"))
    except UnicodeError:
        return None


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """rapidyaml prints its parse errors to file descriptor 2; we report them ourselves."""
    fd = 2
    try:
        sys.stderr.flush()
        saved = os.dup(fd)
    except (AttributeError, OSError, ValueError):
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
        yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)
        os.close(devnull)


class _PyBuffer(ctypes.Structure):
    _fields_ = [("buf", ctypes.c_void_p), ("obj", ctypes.py_object), ("len", ctypes.c_ssize_t),
                ("itemsize", ctypes.c_ssize_t), ("readonly", ctypes.c_int),
                ("ndim", ctypes.c_int), ("format", ctypes.c_char_p),
                ("shape", ctypes.c_void_p), ("strides", ctypes.c_void_p),
                ("suboffsets", ctypes.c_void_p), ("internal", ctypes.c_void_p)]


def _address(view: memoryview) -> int:
    """The memory address a read-only memoryview starts at."""
    buffer = _PyBuffer()
    ctypes.pythonapi.PyObject_GetBuffer(ctypes.py_object(view), ctypes.byref(buffer), 0)
    try:
        return int(buffer.buf or 0)
    finally:
        ctypes.pythonapi.PyBuffer_Release(ctypes.byref(buffer))


class YamlDocument:
    """A parsed YAML file: its plain data, duplicate keys, and positions on demand."""

    def __init__(self, source: bytearray, file: str, limits: Limits) -> None:
        self._source = source
        self._file = file
        self._limits = limits
        try:
            with _quiet_stderr():
                self._tree = ryml.parse_in_place(source)
        except Exception as exc:  # rapidyaml raises its own exception types
            where = getattr(getattr(exc, "errdata_parse", None), "ymlloc", None)
            line = int(getattr(where, "line", 1) or 1)
            column = max(1, int(getattr(where, "col", 1) or 1))
            reason = str(getattr(exc, "msg", "") or "syntax error")
            raise InputError(file, f"invalid YAML: {reason} (check indentation, quotes and "
                             "brackets)", line, column) from None
        self._base = ctypes.addressof((ctypes.c_char * len(source)).from_buffer(source))
        self.duplicates: list[DataPath] = []
        self._anchors: dict[str, tuple[Any, int]] = {}
        self._budget = limits.max_nodes
        self._aliased = 0
        self._kids: dict[int, list[int]] = {}
        self._keys: dict[int, dict[str, int]] = {}
        try:
            self.data = self._document()
        except RecursionError:  # only if --max-depth is set above what Python can follow
            raise InputError(file, "nesting too deep to read (--max-depth)") from None

    # -- building plain data -------------------------------------------------------------
    def _document(self) -> Any:
        tree = self._tree
        root = tree.root_id()
        if tree.is_stream(root):
            docs = list(ryml.children(tree, root))
            if len(docs) > 1:
                raise InputError(self._file, "the file holds several YAML documents; "
                                 "a plan is one document", *self._line_col_of(docs[1]))
            if not docs:
                return None
            root = docs[0]
        value, _size = self._node(root, (), 0)
        return value

    def _spend(self, size: int, nid: int) -> None:
        self._budget -= size
        if self._budget < 0:
            raise InputError(self._file, f"the document expands to more than "
                             f"{self._limits.max_nodes} nodes (aliases are expanded); "
                             "refusing it (--max-nodes)", *self._line_col_of(nid))

    def _refuse_tag(self, nid: int, kind: int) -> None:
        tree = self._tree
        for present, get in ((kind & ryml.VALTAG, tree.val_tag),
                             (kind & ryml.KEYTAG, tree.key_tag)):
            if not present:
                continue
            view = get(nid)
            tag = self._text(view, nid)
            if tag not in _SAFE_TAGS:
                raise InputError(self._file, f"YAML tag {tag!r} is not allowed: plans hold "
                                 "plain data only", *self._line_col_of(nid, view))

    def _node(self, nid: int, path: DataPath, depth: int) -> tuple[Any, int]:
        """One node as plain data, and how many nodes it expands to (aliases included)."""
        tree = self._tree
        kind = tree.type(nid)
        if depth > self._limits.max_depth:
            raise InputError(self._file, f"nesting deeper than {self._limits.max_depth} "
                             "levels (--max-depth)", *self._line_col_of(nid))
        if kind & _TAGS:
            self._refuse_tag(nid, kind)
        if kind & ryml.VALREF:
            name = self._text(tree.val_ref(nid), nid)
            if name not in self._anchors:
                raise InputError(self._file, f"alias *{name} refers to no anchor before it",
                                 *self._line_col_of(nid))
            value, size = self._anchors[name]
            self._aliased += size
            if self._aliased > self._limits.max_alias_nodes:
                raise InputError(self._file, "aliases expand to more than "
                                 f"{self._limits.max_alias_nodes} values (a \"billion laughs\" "
                                 "file?); refusing it (--max-alias-nodes)",
                                 *self._line_col_of(nid))
            self._spend(size, nid)
            return value, size
        if kind & ryml.MAP:
            value, size = self._mapping(nid, path, depth)
        elif kind & ryml.SEQ:
            items: list[Any] = []
            size = 1
            for index, child in enumerate(ryml.children(tree, nid)):
                item, child_size = self._node(child, (*path, index), depth + 1)
                items.append(item)
                size += child_size
            value = items
        else:
            value, size = self._scalar(nid, kind), 1
        self._spend(1, nid)
        if kind & ryml.VALANCH:
            self._anchors[self._text(tree.val_anchor(nid), nid)] = (value, size)
        return value, size

    def _mapping(self, nid: int, path: DataPath, depth: int) -> tuple[dict[str, Any], int]:
        tree = self._tree
        result: dict[str, Any] = {}
        merged: dict[str, Any] = {}
        size = 1
        for child in ryml.children(tree, nid):
            kind = tree.type(child)
            if kind & ryml.KEYREF:
                raise InputError(self._file, "an alias cannot be a mapping key",
                                 *self._line_col_of(child))
            key = self._key(child)
            quoted_key = bool(kind & ryml.KEYQUO)
            value, child_size = self._node(child, (*path, key), depth + 1)
            size += child_size
            if key == "<<" and not quoted_key:
                for source in value if isinstance(value, list) else [value]:
                    if isinstance(source, dict):
                        merged.update({k: v for k, v in source.items() if k not in merged})
                continue
            if key in result:
                self.duplicates.append((*path, key))
            result[key] = value
        for key, value in merged.items():
            result.setdefault(key, value)
        return result, size

    def _scalar(self, nid: int, kind: int) -> Any:
        tree = self._tree
        if not kind & ryml.VAL or kind & ryml.VALNIL:
            return None
        text = self._text(tree.val(nid), nid)
        if kind & ryml.VALQUO:
            return text
        if kind & ryml.VALTAG and self._text(tree.val_tag(nid), nid) in _STR_TAGS:
            return text
        return resolve_plain(text)

    def _text(self, view: memoryview | None, nid: int) -> str:
        text = _utf8(bytes(view)) if view is not None else ""  # `: x` has no key at all
        if text is None:
            raise InputError(self._file, "a \\u escape here gives half of a surrogate pair, "
                             "which is not text", *self._line_col_of(nid))
        return text

    # -- positions -----------------------------------------------------------------------
    def _offset(self, view: memoryview | None) -> int | None:
        if view is None or len(view) == 0:  # an empty value (`zones:`) has no view
            return None
        offset = _address(view) - self._base
        return offset if 0 <= offset <= len(self._source) else None

    def _node_span(self, nid: int) -> Span | None:
        """The node's value or key; a container without either: its first descendant's."""
        tree = self._tree
        while True:
            if tree.has_val(nid) and not tree.is_container(nid):
                view = tree.val(nid)
                start = self._offset(view)
                if start is not None:
                    quoted = 1 if tree.is_val_quoted(nid) else 0
                    return start - quoted, start + len(view) + quoted
            if tree.has_key(nid):
                view = tree.key(nid)
                start = self._offset(view)
                if start is not None:
                    return start, start + len(view)
            if not tree.has_children(nid):
                return None
            nid = tree.first_child(nid)  # a loop, not recursion: nesting may be 10^5 deep

    def _line_col_of(self, nid: int, view: memoryview | None = None) -> tuple[int, int]:
        """Where an error about a node goes: at `view` (a tag) if given, else the node."""
        offset = self._offset(view)
        if offset is None:
            span = self._node_span(nid)
            offset = span[0] if span is not None else 0
        return LineIndex(bytes(self._source)).position(offset)

    def _key(self, child: int) -> str:
        """A mapping key as the data holds it (`1:` and `true:` are the strings "1", "True")."""
        tree = self._tree
        raw = self._text(tree.key(child), child)
        key = raw if tree.is_key_quoted(child) else resolve_plain(raw)
        return "" if key is None else key if isinstance(key, str) else str(key)

    def _children(self, nid: int) -> list[int]:
        kids = self._kids.get(nid)
        if kids is None:
            kids = self._kids[nid] = list(ryml.children(self._tree, nid))
        return kids

    def _keyed(self, nid: int) -> dict[str, int]:
        keyed = self._keys.get(nid)
        if keyed is None:  # the last duplicate wins, as in the data
            keyed = self._keys[nid] = {self._key(child): child for child in self._children(nid)}
        return keyed

    def find_span(self, path: DataPath) -> Span | None:
        """Where `path` sits in the file (byte offsets), or None if it is not there.

        Children are indexed once per node, so placing every finding of a list
        of 10^5 elements stays linear.
        """
        if not path:
            return 0, 0
        tree = self._tree
        nid = tree.root_id()
        if tree.is_stream(nid):
            if not tree.has_children(nid):
                return None
            nid = tree.first_child(nid)
        for key in path:
            if tree.is_val_ref(nid):
                return self._node_span(nid)
            if isinstance(key, int):
                kids = self._children(nid) if tree.is_seq(nid) else []
                if not 0 <= key < len(kids):
                    return None
                nid = kids[key]
                continue
            found = self._keyed(nid).get(key) if tree.is_map(nid) else None
            if found is None:
                return None
            nid = found
        return self._node_span(nid)
