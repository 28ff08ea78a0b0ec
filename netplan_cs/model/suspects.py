"""The few values of a plan file that P004 (placeholders) or S001 (secrets) may flag."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from netplan_cs.load.location import DataPath
from netplan_cs.load.walk import scalars_where, strings_and_keys
from netplan_cs.model.placeholders import hinted
from netplan_cs.model.secrets import is_secret_key, url_password_signs


def suspect_scalars(data: Any) -> list[tuple[DataPath, Any]]:
    """(path, value) of the scalars below `data` that hint at a placeholder, may carry a URL
    password or sit under a secret key, in document order: more than either rule flags
    (each applies its own test), far fewer than the 100,000 values of a large plan. A
    path-free walk finds them; only a plan that holds some pays a walk building paths."""
    strings, keys = strings_and_keys(data)
    secret = {key for key in keys if is_secret_key(key)}
    odd = hinted(strings) | url_password_signs(strings)
    if not secret and not odd:
        return []

    def keep(key: Hashable, value: Any) -> bool:
        return key in secret or (isinstance(value, str) and value in odd)

    return scalars_where(data, keep)
