"""Which keys hold secrets, so that no output ever prints their values.

Marvin spells them `password`, `passwd`, `apiKey`, `securityKey`, S3 `secretkey`
or `secret_key`, StorPool `spAuthToken`; the native format uses `password`,
`apikey`, `secretkey`. A value that is a reference (`${CS_PASSWORD}`) is no
secret in clear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from netplan_cs.load.walk import holding

MASK = "***"
_SECRET_KEY = re.compile(
    r"(pass(word|wd)?|api_?key|security_?key|secret(_?key)?|access_?secret|auth_?token|"
    r"token|private_?key)\Z", re.IGNORECASE)
_REFERENCE = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*\}\Z")


def is_secret_key(key: object) -> bool:
    return isinstance(key, str) and _is_secret_name(key)


@lru_cache(maxsize=4096)
def _is_secret_name(key: str) -> bool:
    """A plan repeats a few dozen key names 100,000 times over: each is matched once."""
    return bool(_SECRET_KEY.search(key.replace("-", "_")))


def is_reference(value: Any) -> bool:
    """`${ENV_VAR}` (or an already masked `***`): not a secret written in clear."""
    return isinstance(value, str) and (bool(_REFERENCE.match(value.strip())) or value == MASK)


_URL_SIGN = "@"  # ends the user part of a URL: a value without one carries no password
_URL_PASSWORD = re.compile(r"([a-z][a-z0-9+.-]*://[^/@:\s]*:)([^/@\s]+)(@)", re.IGNORECASE)


def url_password(value: Any) -> str | None:
    """The password of a URL that carries one (`rbd://admin:KEY@mon/pool`), unless it is a
    reference."""
    if not isinstance(value, str) or _URL_SIGN not in value:  # most values: no regex needed
        return None
    match = _URL_PASSWORD.match(value.strip())
    if match is None or is_reference(match.group(2)):
        return None
    return match.group(2)


def url_password_signs(texts: Sequence[str]) -> set[str]:
    """The texts that may carry a URL password (`url_password` tells which do), found in one
    scan of them all."""
    return holding(texts, (_URL_SIGN,))


def without_url_password(value: str, replacement: str = MASK) -> str:
    """The URL with its password replaced (by *** or a reference)."""
    return _URL_PASSWORD.sub(lambda m: m.group(1) + replacement + m.group(3), value, count=1)


def holds_clear_secret(key: object, value: Any) -> bool:
    """A secret key holding anything but nothing or a reference; a list or a mapping
    under `password` is badly typed, and may still hold the password."""
    return (is_secret_key(key) and value not in (None, "", [], {})
            and not is_reference(value))
