"""Positions in a source file, and the map from data paths to them.

A path is a tuple of mapping keys and sequence indices, e.g.
("zones", 0, "pods", 1, "startip"). Loaders answer where each path sits in the
file; positions are computed only when a finding asks for one, so a clean plan
never pays for them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

PathKey = str | int
DataPath = tuple[PathKey, ...]
Span = tuple[int, int]
SpanFinder = Callable[[DataPath], Span | None]


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based line and column span in a file."""

    line: int
    column: int
    end_line: int
    end_column: int


class LineIndex:
    """Turns offsets into 1-based line and column numbers.

    The source is text (offsets count characters) or UTF-8 bytes (offsets count
    bytes); columns always count characters, as editors show them.
    """

    def __init__(self, source: str | bytes) -> None:
        self._source = source
        newline: str | bytes = b"\n" if isinstance(source, bytes) else "\n"
        starts = [0]
        find = source.find
        pos = find(newline)  # type: ignore[arg-type]
        while pos != -1:
            starts.append(pos + 1)
            pos = find(newline, pos + 1)  # type: ignore[arg-type]
        self._starts = starts
        self._last = (0, 0, 1)  # line, offset, column of the last position asked

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        start = self._starts[line - 1]
        base, column = start, 1
        last = self._last
        if last[0] == line and last[1] <= offset:
            base, column = last[1], last[2]  # go on from the last answer on this line
        column += self._width(base, offset)
        self._last = (line, offset, column)
        return line, column

    def _width(self, start: int, end: int) -> int:
        """Characters between two offsets (counting from the last answer keeps a
        one-line file with 10^5 findings linear, not quadratic)."""
        part = self._source[start:end]
        return len(part.decode("utf-8", "replace")) if isinstance(part, bytes) else len(part)

    def span(self, start: int, end: int) -> Location:
        line, column = self.position(start)
        end_line, end_column = self.position(max(end, start))
        return Location(line, column, end_line, end_column)


class Locator:
    """Finds the location of a data path in one file."""

    def __init__(self, source: str | bytes, find_span: SpanFinder) -> None:
        self._source = source
        self._find_span = find_span
        self._lines: LineIndex | None = None

    def locate(self, path: DataPath) -> Location:
        """The span of `path`, or of its nearest ancestor the file holds."""
        if self._lines is None:
            self._lines = LineIndex(self._source)
        for cut in range(len(path), -1, -1):
            found = self._find_span(path[:cut])
            if found is not None:
                return self._lines.span(*found)
        return Location(1, 1, 1, 1)
