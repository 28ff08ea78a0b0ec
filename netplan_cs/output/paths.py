"""File names as reports print them: relative to the working directory, with slashes."""

from __future__ import annotations

import os
from pathlib import Path, PurePath


def relative_uri(file: str) -> str:
    """A POSIX path relative to the cwd (code scanning resolves it against the checkout root)."""
    path = Path(file)
    if path.is_absolute():
        try:
            path = Path(os.path.relpath(path))
        except ValueError:  # another drive on Windows: nothing relative exists
            return path.as_posix()
    return PurePath(path).as_posix()
