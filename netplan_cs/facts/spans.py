"""Sets of addresses (or VLAN IDs) as sorted, merged, inclusive integer intervals.

netaddr's IPSet is exact but decomposes every range into CIDR blocks, which costs
about half a millisecond per operation: too slow to budget thousands of pods. The
budgets only count and subtract ranges, which merged integer intervals do in
O(n log n), with a bisect to clip a zone-wide set to one pod.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable


class Spans:
    """An immutable set of integers held as disjoint, sorted, inclusive (first, last) pairs."""

    __slots__ = ("_firsts", "intervals")
    _firsts: list[int] | None
    intervals: tuple[tuple[int, int], ...]

    def __init__(self, intervals: Iterable[tuple[int, int]] = ()) -> None:
        merged: list[tuple[int, int]] = []
        for first, last in sorted(intervals):
            if first > last:  # reversed: holds nothing
                continue
            if merged and first <= merged[-1][1] + 1:
                if last > merged[-1][1]:
                    merged[-1] = (merged[-1][0], last)
            else:
                merged.append((first, last))
        self.intervals = tuple(merged)
        self._firsts = None

    @classmethod
    def of(cls, first: int, last: int) -> Spans:
        """first..last, or nothing when last < first (a reversed range holds no address)."""
        return cls([(first, last)])

    @property
    def size(self) -> int:
        return sum(last - first + 1 for first, last in self.intervals)

    def __or__(self, other: Spans) -> Spans:
        if not other.intervals:
            return self
        if not self.intervals:
            return other
        return Spans((*self.intervals, *other.intervals))

    def __sub__(self, other: Spans) -> Spans:
        if not self.intervals or not other.intervals:
            return self
        result: list[tuple[int, int]] = []
        cuts = other.within(self.intervals[0][0], self.intervals[-1][1])
        index = 0
        for first, last in self.intervals:
            start = first
            while index < len(cuts) and cuts[index][1] < start:
                index += 1
            probe = index
            while probe < len(cuts) and cuts[probe][0] <= last:
                cut_first, cut_last = cuts[probe]
                if cut_first > start:
                    result.append((start, cut_first - 1))
                start = max(start, cut_last + 1)
                probe += 1
            if start <= last:
                result.append((start, last))
        return Spans(result)

    def within(self, low: int, high: int) -> list[tuple[int, int]]:
        """The intervals inside low..high, cut to it, found by bisection (cheap on a
        zone-wide set)."""
        kept: list[tuple[int, int]] = []
        if low > high:
            return kept
        intervals = self.intervals
        for index in range(max(bisect_left(self._starts(), low) - 1, 0), len(intervals)):
            first, last = intervals[index]  # indexed, not sliced: a slice copies the rest
            if first > high:
                break
            if last >= low:
                kept.append((max(first, low), min(last, high)))
        return kept

    def count_in(self, low: int, high: int) -> int:
        """How many members lie inside low..high (no set is built)."""
        return sum(last - first + 1 for first, last in self.within(low, high))

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, int):
            return False
        index = bisect_left(self._starts(), value + 1) - 1
        return index >= 0 and self.intervals[index][1] >= value

    def _starts(self) -> list[int]:
        """The firsts of the intervals, to bisect; built on the first search, since most
        sets are never searched."""
        if self._firsts is None:
            self._firsts = [first for first, _ in self.intervals]
        return self._firsts

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Spans) and self.intervals == other.intervals

    def __hash__(self) -> int:
        return hash(self.intervals)

    def __repr__(self) -> str:
        return f"Spans({list(self.intervals)!r})"


def union(sets: Iterable[Spans]) -> Spans:
    items = list(sets)
    if len(items) == 1:
        return items[0]
    return Spans(interval for item in items for interval in item.intervals)
