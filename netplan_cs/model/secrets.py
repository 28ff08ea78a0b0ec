"""Which keys hold secrets, so that no output ever prints their values.

Marvin spells them `password`, `passwd`, `apiKey`, `securityKey`, S3 `secretkey`
or `secret_key`, StorPool `spAuthToken`; the native format uses `password`,
`apikey`, `secretkey`. A value that is a reference (`${CS_PASSWORD}`) is no
secret in clear.
"""

from __future__ import annotations

import re
from typing import Any

MASK = "***"
_SECRET_KEY = re.compile(
    r"(pass(word|wd)?|api_?key|security_?key|secret(_?key)?|access_?secret|auth_?token|"
    r"token|private_?key)\Z", re.IGNORECASE)
_REFERENCE = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*\}\Z")


def is_secret_key(key: object) -> bool:
    return isinstance(key, str) and bool(_SECRET_KEY.search(key.replace("-", "_")))


def is_reference(value: Any) -> bool:
    """`${ENV_VAR}` (or an already masked `***`): not a secret written in clear."""
    return isinstance(value, str) and (bool(_REFERENCE.match(value.strip())) or value == MASK)


def holds_clear_secret(key: object, value: Any) -> bool:
    """A secret key holding anything but nothing or a reference; a list or a mapping
    under `password` is badly typed, and may still hold the password."""
    return (is_secret_key(key) and value not in (None, "", [], {})
            and not is_reference(value))
