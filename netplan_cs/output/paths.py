"""File names as reports print them: relative to the working directory, with slashes."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path, PurePath


def relative_uri(file: str) -> str:
    """A POSIX path relative to the cwd (code scanning resolves it against the checkout root)."""
    return _relative_to(file, os.getcwd())  # noqa: PTH109 (a str key; Path.cwd() costs 10x)


@lru_cache(maxsize=256)
def _relative_to(file: str, cwd: str) -> str:
    # Cached: a report names the same few files once or twice per finding.
    path = Path(file)
    if path.is_absolute():
        try:
            path = Path(os.path.relpath(path, cwd))
        except ValueError:  # another drive on Windows: nothing relative exists
            return path.as_posix()
    return PurePath(path).as_posix()
