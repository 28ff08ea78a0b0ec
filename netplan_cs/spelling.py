"""The nearest known spelling, for every "did you mean" the tool prints."""

from __future__ import annotations

import difflib
from functools import lru_cache


def nearest(word: str, choices: list[str] | set[str]) -> str | None:
    """The closest known spelling, for "did you mean" suggestions."""
    return _nearest(word, tuple(choices))


@lru_cache(maxsize=1024)
def _nearest(word: str, choices: tuple[str, ...]) -> str | None:
    """Remembered: a misspelt key copied into 36,000 hosts is matched once, not each time."""
    lowered = {choice.lower(): choice for choice in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[found[0]] if found else None
