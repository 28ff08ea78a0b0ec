"""Values quoted in messages, cut short: a report never repeats a 200 kB value in full."""

from __future__ import annotations

from typing import Any


def clip(text: str, limit: int = 60) -> str:
    """`text`, with its middle dropped past `limit` characters."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def shown(value: Any, limit: int = 60) -> str:
    """`repr(value)`, cut short, a password in a URL masked."""
    from netplan_cs.model.secrets import url_password, without_url_password

    if url_password(value) is not None:
        value = without_url_password(value)
    return clip(repr(value), limit)
