"""Template placeholders left in a plan (`10.x.x.x`, `[SP_API_HOST]`, `CHANGEME`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from netplan_cs.load.walk import holding

_PATTERNS = [
    re.compile(r"(?:(?:\d{1,3}|x{1,3})\.){3}(?:\d{1,3}|x{1,3})\Z", re.IGNORECASE),  # 10.x.x.x
    re.compile(r"(?:[0-9a-f]{2}|xx)(?::(?:[0-9a-f]{2}|xx)){5}\Z", re.IGNORECASE),  # xx:xx:...
    re.compile(r"\[[A-Z][A-Z0-9_]*\]\Z"),  # [SOMETHING]
    re.compile(r"<[^<>\s][^<>]*>\Z"),  # <something>
    re.compile(r"(?:CHANGEME|CHANGE_ME|TODO|FIXME|TBD|XXX+)\Z", re.IGNORECASE),
]


_HINTS = ("x", "[", "<", "change", "todo", "fixme", "tbd")  # every placeholder holds one
_HINT = re.compile("|".join(map(re.escape, _HINTS)), re.IGNORECASE)


def hinted(texts: Sequence[str]) -> set[str]:
    """The texts that show a sign of a placeholder: no other text can be one. ASCII text
    (the usual value) is lowered and scanned all at once; beyond ASCII, IGNORECASE folds
    more (ı is i), so such a text is searched on its own."""
    joined = "\0".join(texts)
    if joined.isascii():
        return holding(texts, _HINTS, joined.lower())
    return (hinted([text for text in texts if text.isascii()])
            | {text for text in texts if not text.isascii() and _HINT.search(text)})


def is_placeholder(value: object) -> bool:
    """True for a string that is a placeholder, not a value (`10.1.1.1` is a value)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    if not _HINT.search(text):  # `hinted`, for one text
        return False
    for index, pattern in enumerate(_PATTERNS):
        if pattern.match(text):
            return index not in (0, 1) or "x" in text.lower()
    return False
