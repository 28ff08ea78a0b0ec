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


_HINT = re.compile(r"[xX\[<]|change|todo|fixme|tbd", re.IGNORECASE)


def is_placeholder(value: object) -> bool:
    """True for a string that is a placeholder, not a value (`10.1.1.1` is a value)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    if not _HINT.search(text):
        return False
    for index, pattern in enumerate(_PATTERNS):
        if pattern.match(text):
            return index not in (0, 1) or "x" in text.lower()
    return False
