"""Template placeholders left in a plan (`10.x.x.x`, `[SP_API_HOST]`, `CHANGEME`)."""

from __future__ import annotations

import re

_PATTERNS = [
    re.compile(r"(?:(?:\d{1,3}|x{1,3})\.){3}(?:\d{1,3}|x{1,3})\Z", re.IGNORECASE),  # 10.x.x.x
    re.compile(r"(?:[0-9a-f]{2}|xx)(?::(?:[0-9a-f]{2}|xx)){5}\Z", re.IGNORECASE),  # xx:xx:...
    re.compile(r"\[[A-Z][A-Z0-9_]*\]\Z"),  # [SOMETHING]
    re.compile(r"<[^<>\s][^<>]*>\Z"),  # <something>
    re.compile(r"(?:CHANGEME|CHANGE_ME|TODO|FIXME|TBD|XXX+)\Z", re.IGNORECASE),
]


_HINTS = r"[x\[<]|change|todo|fixme|tbd"  # every placeholder holds one of these
_HINT = re.compile(_HINTS, re.IGNORECASE)
_HINT_LOWER = re.compile(_HINTS)


def _hinted(text: str) -> bool:
    """Whether `text` shows a sign of a placeholder. Searching lowered ASCII text (the
    usual value) with a case-sensitive pattern is 2.5x faster than a case-blind search."""
    if text.isascii():
        return _HINT_LOWER.search(text.lower()) is not None
    return _HINT.search(text) is not None  # beyond ASCII, IGNORECASE folds more (ı is i)


def is_placeholder(value: object) -> bool:
    """True for a string that is a placeholder, not a value (`10.1.1.1` is a value)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    if not _hinted(text):
        return False
    for index, pattern in enumerate(_PATTERNS):
        if pattern.match(text):
            return index not in (0, 1) or "x" in text.lower()
    return False
