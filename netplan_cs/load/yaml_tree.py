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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import ryml
from ryml import _ryml

from netplan_cs.errors import InputError
from netplan_cs.load.limits import Limits
from netplan_cs.load.location import DataPath, LineIndex, Span

_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = {".nan", ".NaN", ".NAN"}
_WORDS: dict[str, Any] = {"~": None, "null": None, "Null": None, "NULL": None,
                          "true": True, "True": True, "TRUE": True,
                          "false": False, "False": False, "FALSE": False}
_WORD_START = {word[0] for word in _WORDS}
_SAFE_TAGS = {"!!str", "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq",
              "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
              "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
              "tag:yaml.org,2002:seq"}


_TAGS = ryml.VALTAG | ryml.KEYTAG
_STR_TAGS = {"!!str", "tag:yaml.org,2002:str"}
_NUMERIC_START = set("0123456789+-.")


def resolve_plain(text: str) -> Any:
    """A plain (unquoted) scalar as the YAML 1.2 core schema reads it."""
    if not text:
        return None
    if text[0] in _WORD_START:
        return _WORDS.get(text, text)
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


# rapidyaml's SWIG functions, called with the tree's SWIG pointer (`Tree.this`): handed
# the Python proxy instead, each call looks `this` up again, ten times the cost of the call
# itself (1.5 us against 0.15 us), and a plan takes a few hundred thousand calls.
# tests/test_load.py checks these agree with the proxy's methods.
_TYPE = _ryml.Tree_type
_KEY = _ryml.Tree_key
_VAL = _ryml.Tree_val
_FIRST_CHILD = _ryml.Tree_first_child
_NEXT_SIBLING = _ryml.Tree_next_sibling
_PARENT = _ryml.Tree_parent
_NONE = ryml.NONE
_MAP, _SEQ, _KEY_BIT, _VAL_BIT = ryml.MAP, ryml.SEQ, ryml.KEY, ryml.VAL
_VALNIL, _VALQUO = ryml.VALNIL, ryml.VALQUO
_KEYQUO, _KEYREF, _VALREF, _VALANCH = ryml.KEYQUO, ryml.KEYREF, ryml.VALREF, ryml.VALANCH
_RARE = _TAGS | _VALREF | _VALANCH  # what `_node` leaves to `_rare`
_CONTAINER = _MAP | _SEQ
_NOT_LEAF = _CONTAINER | _RARE


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
        self._handle = self._tree.this
        self._base = ctypes.addressof((ctypes.c_char * len(source)).from_buffer(source))
        self.duplicates: list[DataPath] = []
        self._anchors: dict[str, tuple[Any, int]] = {}
        self._spent = 0  # nodes expanded so far, aliases included
        self._max_depth = limits.max_depth
        self._max_nodes = limits.max_nodes
        self._plain_keys: dict[str, str] = {}
        self._aliased = 0
        self._kids: dict[int, list[int]] = {}
        self._keys: dict[int, dict[str, int]] = {}
        self._indices: dict[int, dict[int, int]] = {}
        self._root = self._document_root()
        try:
            self.data = self._document()
        except RecursionError:  # only if --max-depth is set above what Python can follow
            raise InputError(file, "nesting too deep to read (--max-depth)") from None

    # -- building plain data -------------------------------------------------------------
    def _document_root(self) -> int | None:
        """The node of the file's one document (None if it holds none)."""
        tree = self._tree
        root: int = tree.root_id()
        if not tree.is_stream(root):
            return root
        docs = self._children(root)
        if len(docs) > 1:
            raise InputError(self._file, "the file holds several YAML documents; "
                             "a plan is one document", *self._line_col_of(docs[1]))
        return docs[0] if docs else None

    def _document(self) -> Any:
        root = self._root
        return None if root is None else self._node(root, _TYPE(self._handle, root), 0)

    def _node(self, nid: int, kind: int, depth: int) -> Any:
        """One node as plain data (`kind`: its type, which the caller has read)."""
        if depth > self._max_depth:
            raise InputError(self._file, f"nesting deeper than {self._max_depth} "
                             "levels (--max-depth)", *self._line_col_of(nid))
        if kind & _RARE:
            return self._rare(nid, kind, depth)
        if not kind & _NOT_LEAF:
            return self._leaf(nid, kind)
        value = self._mapping(nid, depth) if kind & _MAP else self._sequence(nid, depth)
        self._count(1, nid)
        return value

    def _leaf(self, nid: int, kind: int) -> Any:
        """A scalar without tag, alias or anchor (most nodes, so the path is kept short)."""
        if not kind & _VAL_BIT or kind & _VALNIL:
            value = None
        else:
            text = self._text(_VAL(self._handle, nid), nid)
            value = text if kind & _VALQUO else resolve_plain(text)
        self._spent += 1  # `_count`, inlined: this runs for most nodes
        if self._spent > self._max_nodes:
            self._too_many(nid)
        return value

    def _count(self, size: int, nid: int) -> None:
        """Count nodes against --max-nodes, each once its children have (so the error
        names the node where the count passes the limit), an alias as what it expands to."""
        self._spent += size
        if self._spent > self._max_nodes:
            self._too_many(nid)

    def _too_many(self, nid: int) -> None:
        raise InputError(self._file, f"the document expands to more than {self._max_nodes} "
                         "nodes (aliases are expanded); refusing it (--max-nodes)",
                         *self._line_col_of(nid))

    def _rare(self, nid: int, kind: int, depth: int) -> Any:
        """A node with a tag, an alias or an anchor; a `!!str` scalar reads as if quoted."""
        if kind & _TAGS and self._refuse_tag(nid, kind) in _STR_TAGS:
            kind |= _VALQUO
        if kind & _VALREF:
            return self._alias(nid)
        before = self._spent
        value = self._node(nid, kind & ~(_TAGS | _VALANCH), depth)
        if kind & _VALANCH:
            name = self._text(self._tree.val_anchor(nid), nid)
            self._anchors[name] = (value, self._spent - before)
        return value

    def _alias(self, nid: int) -> Any:
        """An alias: its anchor's value, counted against both budgets."""
        name = self._text(self._tree.val_ref(nid), nid)
        if name not in self._anchors:
            raise InputError(self._file, f"alias *{name} refers to no anchor before it",
                             *self._line_col_of(nid))
        value, size = self._anchors[name]
        self._aliased += size
        if self._aliased > self._limits.max_alias_nodes:
            raise InputError(self._file, "aliases expand to more than "
                             f"{self._limits.max_alias_nodes} values (a \"billion laughs\" "
                             "file?); refusing it (--max-alias-nodes)", *self._line_col_of(nid))
        self._count(size, nid)
        return value

    def _refuse_tag(self, nid: int, kind: int) -> str | None:
        """Refuse a tag outside the core schema; the value's tag (None if it has none)."""
        value_tag = self._safe_tag(nid, self._tree.val_tag) if kind & ryml.VALTAG else None
        if kind & ryml.KEYTAG:
            self._safe_tag(nid, self._tree.key_tag)
        return value_tag

    def _safe_tag(self, nid: int, get: Callable[[int], memoryview | None]) -> str:
        view = get(nid)
        tag = self._text(view, nid)
        if tag not in _SAFE_TAGS:
            raise InputError(self._file, f"YAML tag {tag!r} is not allowed: plans hold "
                             "plain data only", *self._line_col_of(nid, view))
        return tag

    def _sequence(self, nid: int, depth: int) -> list[Any]:
        handle = self._handle
        leaves = depth < self._max_depth  # plain scalar children may skip `_node`
        items: list[Any] = []
        child = _FIRST_CHILD(handle, nid)
        while child != _NONE:
            kind = _TYPE(handle, child)
            items.append(self._leaf(child, kind) if leaves and not kind & _NOT_LEAF
                         else self._node(child, kind, depth + 1))
            child = _NEXT_SIBLING(handle, child)
        return items

    def _mapping(self, nid: int, depth: int) -> dict[str, Any]:
        handle = self._handle
        leaves = depth < self._max_depth  # plain scalar children may skip `_node`
        result: dict[str, Any] = {}
        merged: dict[str, Any] = {}
        child = _FIRST_CHILD(handle, nid)
        while child != _NONE:
            kind = _TYPE(handle, child)
            if kind & _KEYREF:
                raise InputError(self._file, "an alias cannot be a mapping key",
                                 *self._line_col_of(child))
            key = self._key(child, kind)
            value = (self._leaf(child, kind) if leaves and not kind & _NOT_LEAF
                     else self._node(child, kind, depth + 1))
            if key == "<<" and not kind & _KEYQUO:
                for source in value if isinstance(value, list) else [value]:
                    if isinstance(source, dict):
                        merged.update({k: v for k, v in source.items() if k not in merged})
            else:
                if key in result:
                    self.duplicates.append((*self._path(nid), key))
                result[key] = value
            child = _NEXT_SIBLING(handle, child)
        for key, value in merged.items():
            result.setdefault(key, value)
        return result

    def _path(self, nid: int) -> DataPath:
        """The data path of a node, read up its parents (only for a repeated key)."""
        path: list[str | int] = []
        while nid != self._root:
            parent = _PARENT(self._handle, nid)
            if _TYPE(self._handle, parent) & _MAP:
                path.append(self._key(nid, _TYPE(self._handle, nid)))
            else:
                path.append(self._indexed(parent)[nid])
            nid = parent
        return tuple(reversed(path))

    def _text(self, view: memoryview | None, nid: int) -> str:
        if view is None:  # `: x` has no key at all
            return ""
        try:
            return str(view, "utf-8")
        except UnicodeDecodeError:
            text = _utf8(bytes(view))
        if text is None:
            raise InputError(self._file, "a \\u escape here gives half of a surrogate pair, "
                             "which is not text", *self._line_col_of(nid))
        return text

    def _key(self, child: int, kind: int) -> str:
        """A mapping key as the data holds it (`1:` and `true:` are the strings "1", "True")."""
        raw = self._text(_KEY(self._handle, child), child)
        if kind & _KEYQUO:
            return raw
        key = self._plain_keys.get(raw)
        if key is None:  # a plan repeats a few dozen keys: each is resolved once
            plain = resolve_plain(raw)
            key = plain if isinstance(plain, str) else "" if plain is None else str(plain)
            self._plain_keys[raw] = key
        return key

    # -- positions -----------------------------------------------------------------------
    def _offset(self, view: memoryview | None) -> int | None:
        if view is None or len(view) == 0:  # an empty value (`zones:`) has no view
            return None
        offset = _address(view) - self._base
        return offset if 0 <= offset <= len(self._source) else None

    def _node_span(self, nid: int) -> Span | None:
        """The node's value or key; a container without either: its first descendant's."""
        handle = self._handle
        while True:
            kind = _TYPE(handle, nid)
            if kind & _VAL_BIT and not kind & _CONTAINER:
                view = _VAL(handle, nid)
                start = self._offset(view)
                if start is not None:
                    quoted = 1 if kind & _VALQUO else 0
                    return start - quoted, start + len(view) + quoted
            if kind & _KEY_BIT:
                view = _KEY(handle, nid)
                start = self._offset(view)
                if start is not None:
                    return start, start + len(view)
            nid = _FIRST_CHILD(handle, nid)  # a loop, not recursion: nesting may be 10^5 deep
            if nid == _NONE:
                return None

    def _line_col_of(self, nid: int, view: memoryview | None = None) -> tuple[int, int]:
        """Where an error about a node goes: at `view` (a tag) if given, else the node."""
        offset = self._offset(view)
        if offset is None:
            span = self._node_span(nid)
            offset = span[0] if span is not None else 0
        return LineIndex(bytes(self._source)).position(offset)

    def _children(self, nid: int) -> list[int]:
        kids = self._kids.get(nid)
        if kids is None:
            kids = self._kids[nid] = []
            child = _FIRST_CHILD(self._handle, nid)
            while child != _NONE:
                kids.append(child)
                child = _NEXT_SIBLING(self._handle, child)
        return kids

    def _indexed(self, nid: int) -> dict[int, int]:
        indexed = self._indices.get(nid)
        if indexed is None:
            indexed = self._indices[nid] = {kid: i for i, kid in enumerate(self._children(nid))}
        return indexed

    def _keyed(self, nid: int) -> dict[str, int]:
        keyed = self._keys.get(nid)
        if keyed is None:  # the last duplicate wins, as in the data
            keyed = self._keys[nid] = {self._key(child, _TYPE(self._handle, child)): child
                                       for child in self._children(nid)}
        return keyed

    def find_span(self, path: DataPath) -> Span | None:
        """Where `path` sits in the file (byte offsets), or None if it is not there.

        Children are indexed once per node, so placing every finding of a list
        of 10^5 elements stays linear.
        """
        if not path:
            return 0, 0
        nid = self._root
        if nid is None:
            return None
        for key in path:
            kind = _TYPE(self._handle, nid)
            if kind & _VALREF:
                return self._node_span(nid)
            if isinstance(key, int):
                kids = self._children(nid) if kind & _SEQ else []
                if not 0 <= key < len(kids):
                    return None
                nid = kids[key]
                continue
            found = self._keyed(nid).get(key) if kind & _MAP else None
            if found is None:
                return None
            nid = found
        return self._node_span(nid)
