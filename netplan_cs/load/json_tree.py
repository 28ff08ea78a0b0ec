"""JSON (Marvin `.cfg`) to plain data, with positions on demand.

Marvin drops every line whose first non-blank character is `#` before calling
json.loads; we blank those lines instead, so line numbers stay true. The C json
parser does the reading; a small scanner finds positions (and duplicate keys,
which json keeps silently, last one winning) only when something asks.
"""

from __future__ import annotations

import json
import re
from typing import Any

from netplan_cs.errors import InputError
from netplan_cs.load.limits import Limits
from netplan_cs.load.location import DataPath, LineIndex, Span

_COMMENT_LINE = re.compile(r"^[ \t]*#[^\n]*", re.MULTILINE)
_SCAN_TOKEN = re.compile(
    r'("[^"\\]*(?:\\.[^"\\]*)*")(\s*:)?'  # string, and the colon if it is a key
    r"|[{}\[\]]"                             # bracket
    r"|[^\s{}\[\]:,\"]+",                    # number, true, false, null
)


# A key's end: each key written has one (a string may add more, never fewer).
_KEY_END = re.compile(r'"\s*:')


def _shape(node: Any, limit: int) -> tuple[int, bool]:
    """How many mapping keys the data holds, and whether a value nests deeper than `limit`.

    A value is as deep as the containers around it, as in YAML (an empty list counts:
    nested deep enough it would exhaust Python's recursion further on). Containers are
    gathered level by level, a comprehension a level: scalars, most of the values, are
    looked at but never stacked.
    """
    count = 0
    level = [node] if isinstance(node, dict | list) else []
    for _ in range(limit):
        count += sum(len(item) for item in level if isinstance(item, dict))
        level = [value for item in level
                 for value in (item.values() if isinstance(item, dict) else item)
                 if isinstance(value, dict | list)]
    return count, any(level)  # anything inside a container at depth `limit` is too deep


def strip_comment_lines(text: str) -> str:
    """Blank Marvin's whole-line comments, keeping every newline in place."""
    if "#" not in text:
        return text
    return _COMMENT_LINE.sub(lambda m: " " * len(m.group(0)), text)


class _HugeNumberError(ValueError):
    """An integer literal longer than Python converts (4300 digits); Marvin fails on it too."""

    def __init__(self, literal: str) -> None:
        super().__init__(literal)
        self.literal = literal


def _parse_int(literal: str) -> int:
    try:
        return int(literal)
    except ValueError:
        raise _HugeNumberError(literal) from None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _not_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_BRACKET_OR_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _too_deep_at(text: str, limit: int) -> int | None:
    """The offset where nesting first passes `limit`, or None (strings are skipped whole)."""
    if text.count("[") + text.count("{") <= limit:
        return None
    depth = 0
    for match in _BRACKET_OR_STRING.finditer(text):
        ch = match.group(0)
        if ch in "[{":
            depth += 1
            if depth > limit:
                return match.start()
        elif ch in "]}":
            depth -= 1
    return None


def json_problem(text: str, pos: int) -> tuple[str, int]:
    """Our own words for a JSON syntax error near `pos`, and the offset to report.

    Read from the text itself: CPython's wording and offsets change between releases
    (3.13 rewrote several messages and moved the trailing-comma error onto the comma),
    and an operator's CI must print the same error on every interpreter.
    """
    rest = text[pos:].lstrip()
    if not rest:
        return ("the file ends before the JSON is complete (a value, ',' or a closing "
                "bracket is missing)", pos)
    char = rest[0]
    before = text[:pos].rstrip()
    if char == "," and text[pos + 1:].lstrip()[:1] in ("}", "]"):
        return "a comma before a closing bracket: JSON allows no trailing comma", pos
    if char in "}]" and before.endswith(","):
        return ("a comma before a closing bracket: JSON allows no trailing comma",
                len(before) - 1)
    if _complete(before):
        return f"found {char!r} after the end of the JSON document", pos
    if before.endswith(("{", ",")) and char != '"' and _in_object(before):
        return f"found {char!r} where a key in double quotes was expected", pos
    if before.endswith((":", "[", ",")):
        return (f"found {char!r} where a value was expected (a string in double quotes, "
                "a number, true, false, null, an object or a list)", pos)
    return f"found {char!r} where ',' or a closing bracket was expected", pos


def _complete(before: str) -> bool:
    """Whether the text before the error is a whole JSON document already."""
    try:
        json.loads(before)
    except ValueError:
        return False
    return True


def _in_object(before: str) -> bool:
    """Whether the innermost open bracket before this point is an object's."""
    depth = 0
    tokens: list[str] = [t for t in _BRACKETS.findall(before) if t]
    for token in reversed(tokens):
        if token in "}]":
            depth += 1
        elif depth:
            depth -= 1
        else:
            return token == "{"
    return False


_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|([{}\[\]])')


class JsonDocument:
    """A parsed JSON file: its plain data, duplicate keys, and positions on demand."""

    def __init__(self, text: str, file: str, limits: Limits) -> None:
        self.text = strip_comment_lines(text)
        self._file = file
        self._spans: dict[DataPath, Span] | None = None
        self._duplicates: list[DataPath] | None = None
        try:
            self.data = json.loads(self.text, parse_int=_parse_int)
        except json.JSONDecodeError as exc:
            problem, offset = json_problem(self.text, exc.pos)
            raise InputError(file, f"invalid JSON: {problem}",
                             *self._position(offset)) from None
        except _HugeNumberError as exc:
            raise InputError(file, f"a number of {len(exc.literal)} digits is no plan value "
                             "(Python, and so Marvin, refuses integers over 4300 digits)",
                             *self._position(self.text.find(exc.literal))) from None
        except RecursionError:
            self._check_depth(limits.max_depth)
            raise InputError(file, "nesting too deep for the JSON parser") from None
        self._keys, too_deep = _shape(self.data, limits.max_depth)
        if too_deep:
            self._check_depth(limits.max_depth)  # says where
            raise InputError(file, f"nesting deeper than {limits.max_depth} levels "
                             "(--max-depth)")
        if _SURROGATE_ESCAPE.search(self.text):
            self._check_surrogates()

    def _check_surrogates(self) -> None:
        """Refuse a string holding half a `\\uD83D\\uDE00` pair: it is no text to print."""
        stack: list[tuple[DataPath, Any]] = [((), self.data)]
        while stack:
            path, node = stack.pop()
            items = (node.items() if isinstance(node, dict)
                     else enumerate(node) if isinstance(node, list) else ())
            stack.extend(((*path, key), value) for key, value in items)
            if any(isinstance(part, str) and _not_text(part) for part in (*path[-1:], node)):
                span = self.find_span(path) or (0, 0)
                raise InputError(self._file, "a \\u escape here gives half of a surrogate "
                                 "pair, which is not text", *self._position(span[0]))

    def _position(self, offset: int) -> tuple[int, int]:
        return LineIndex(self.text).position(max(0, offset))

    def _check_depth(self, limit: int) -> None:
        deep = _too_deep_at(self.text, limit)
        if deep is not None:
            raise InputError(self._file, f"nesting deeper than {limit} levels (--max-depth)",
                             *self._position(deep))

    @property
    def duplicates(self) -> list[DataPath]:
        """Keys a mapping repeats (JSON keeps the last silently).

        Cheap when there are none: each key written ends in `":` (spaces allowed), so if a
        regex in C counts no more of those than keys parsed, none repeats; only more pays
        for a scan.
        """
        if len(_KEY_END.findall(self.text)) == self._keys:
            return []
        self._scan()
        assert self._duplicates is not None
        return self._duplicates

    def find_span(self, path: DataPath) -> Span | None:
        if not path:  # the top-level value, after any comment lines before it
            start = len(self.text) - len(self.text.lstrip())
            return start, start + 1
        self._scan()
        assert self._spans is not None
        return self._spans.get(path)

    def _scan(self) -> None:
        """One pass over the tokens: the span of every value by its path (a container's is
        its key's, or its opening bracket's in a list), and the keys an object repeats.

        The text is valid JSON (json.loads read it), so a string followed by `:` is a key
        and `,` and `:` need no token of their own.
        """
        if self._spans is not None:
            return
        spans: dict[DataPath, Span] = {}
        duplicates: list[DataPath] = []
        stack: list[list[Any]] = []  # each open container: [its path, next index, keys seen]
        after_key: DataPath | None = None  # the path of the value a key announced
        for match in _SCAN_TOKEN.finditer(self.text):
            start, end = match.span()
            first = self.text[start]
            if first in "]}":
                stack.pop()
                continue
            if match.group(2) is not None:
                string = match.group(1)
                key = json.loads(string) if "\\" in string else string[1:-1]
                frame = stack[-1]
                if key in frame[2]:
                    duplicates.append((*frame[0], key))
                frame[2].add(key)
                after_key = (*frame[0], key)
                spans[after_key] = (start, match.end(1))  # the key, until its value is seen
                continue
            if after_key is not None:
                path, after_key = after_key, None
            elif stack:
                frame = stack[-1]
                path = (*frame[0], frame[1])
                frame[1] += 1
            else:
                path = ()
            if first in "{[":
                spans.setdefault(path, (start, end))
                stack.append([path, 0, set()])
            else:
                spans[path] = (start, end)
        self._spans = spans
        self._duplicates = duplicates
