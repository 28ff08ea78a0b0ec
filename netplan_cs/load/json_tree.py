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
from netplan_cs.load.location import DataPath, Span

_COMMENT_LINE = re.compile(r"^[ \t]*#[^\n]*", re.MULTILINE)
_TOKEN = re.compile(
    r'"(?:[^"\\]|\\.)*"'          # string
    r"|[{}\[\]:,]"                 # punctuation
    r"|[^\s{}\[\]:,\"]+",          # number, true, false, null
)


_KEY_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"\s*:')


def _shape(node: Any) -> tuple[int, int]:
    """How many mapping keys the data holds, and how deep it nests."""
    count = deepest = 0
    stack = [(node, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            count += len(item)
            stack.extend((value, depth + 1) for value in item.values())
        elif isinstance(item, list):
            stack.extend((value, depth + 1) for value in item)
        else:
            deepest = max(deepest, depth)
    return count, deepest


def strip_comment_lines(text: str) -> str:
    """Blank Marvin's whole-line comments, keeping every newline in place."""
    if "#" not in text:
        return text
    return _COMMENT_LINE.sub(lambda m: " " * len(m.group(0)), text)


class JsonDocument:
    """A parsed JSON file: its plain data, duplicate keys, and positions on demand."""

    def __init__(self, text: str, file: str, limits: Limits) -> None:
        self.text = strip_comment_lines(text)
        self._file = file
        self._spans: dict[DataPath, Span] | None = None
        self._duplicates: list[DataPath] | None = None
        try:
            self.data = json.loads(self.text)
        except json.JSONDecodeError as exc:
            raise InputError(file, f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from None
        except RecursionError:
            raise InputError(file, f"nesting deeper than {limits.max_depth} levels") from None
        self._keys, depth = _shape(self.data)
        if depth > limits.max_depth:
            raise InputError(file, f"nesting deeper than {limits.max_depth} levels")

    @property
    def duplicates(self) -> list[DataPath]:
        """Keys a mapping repeats (JSON keeps the last silently).

        Cheap when there are none: the number of keys written (`"...":` tokens, counted by
        a regex in C) equals the number of keys parsed; only a difference pays for a scan.
        """
        if len(_KEY_TOKEN.findall(self.text)) == self._keys:
            return []
        self._scan()
        assert self._duplicates is not None
        return self._duplicates

    def find_span(self, path: DataPath) -> Span | None:
        if not path:
            return 0, 0
        self._scan()
        assert self._spans is not None
        return self._spans.get(path)

    def _scan(self) -> None:
        """One pass over the tokens: the span of every value, keyed by its path."""
        if self._spans is not None:
            return
        spans: dict[DataPath, Span] = {}
        duplicates: list[DataPath] = []
        # Each frame: [container kind, path, next index or pending key, keys seen]
        stack: list[list[Any]] = []
        path: DataPath = ()
        expecting_key = False
        for match in _TOKEN.finditer(self.text):
            token = match.group(0)
            start, end = match.span()
            if token in ",:":
                if token == "," and stack and stack[-1][0] == "{":
                    expecting_key = True
                continue
            if token in "]}":
                if stack:
                    stack.pop()
                expecting_key = False
                continue
            if expecting_key and stack and stack[-1][0] == "{":
                key = json.loads(token) if token.startswith('"') else token
                frame = stack[-1]
                if key in frame[3]:
                    duplicates.append((*frame[1], key))
                frame[3].add(key)
                frame[2] = key
                spans[(*frame[1], key)] = (start, end)  # the key, until its value is seen
                expecting_key = False
                continue
            if stack:
                frame = stack[-1]
                if frame[0] == "[":
                    path = (*frame[1], frame[2])
                    frame[2] += 1
                else:
                    path = (*frame[1], frame[2])
            else:
                path = ()
            if token in "{[":
                spans.setdefault(path, (start, end))
                stack.append([token, path, 0 if token == "[" else None, set()])
                expecting_key = token == "{"
            else:
                spans[path] = (start, end)
        self._spans = spans
        self._duplicates = duplicates
