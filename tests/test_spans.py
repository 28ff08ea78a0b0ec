"""Spans agree with Python sets on random small sets (the oracle is the plain set)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from netplan_cs.facts.spans import Spans, union

intervals = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8)


def as_set(pairs: list[tuple[int, int]]) -> set[int]:
    return {value for first, last in pairs for value in range(first, last + 1)}


def members(spans: Spans) -> set[int]:
    return as_set(list(spans.intervals))


@given(intervals, intervals)
def test_union_difference_and_size_match_sets(a: list[tuple[int, int]],
                                              b: list[tuple[int, int]]) -> None:
    left, right = Spans(a), Spans(b)
    assert members(left) == as_set(a)
    assert left.size == len(as_set(a))
    assert members(left | right) == as_set(a) | as_set(b)
    assert members(union([left, right])) == as_set(a) | as_set(b)
    assert members(left - right) == as_set(a) - as_set(b)


@given(intervals, st.integers(0, 60), st.integers(0, 60), st.integers(-1, 61))
def test_clip_and_membership(a: list[tuple[int, int]], low: int, high: int, probe: int) -> None:
    spans = Spans(a)
    assert members(Spans(spans.within(low, high))) == {v for v in as_set(a) if low <= v <= high}
    assert spans.count_in(low, high) == len({v for v in as_set(a) if low <= v <= high})
    assert (probe in spans) == (probe in as_set(a))


def test_merged_and_reversed() -> None:
    assert Spans([(5, 9), (1, 3), (4, 4), (20, 20)]).intervals == ((1, 9), (20, 20))
    assert Spans.of(9, 5).size == 0
