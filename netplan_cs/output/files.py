"""Writing files the tool produces: atomically, never over an input, never over a file unasked."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from netplan_cs.errors import InputError


def write_output(target: Path, text: str, force: bool, inputs: Iterable[Path] = ()) -> None:
    """Write `text` to `target` through a temporary file and a rename."""
    resolved = target.resolve()
    for source in inputs:
        if source.resolve() == resolved:
            raise InputError(target, "refusing to write over an input file")
    if target.exists() and not force:
        raise InputError(target, "the file exists; pass --force to replace it")
    if target.is_dir():
        raise InputError(target, "is a directory")
    directory = resolved.parent
    if not directory.is_dir():
        raise InputError(target, f"directory {directory} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        Path(temporary).replace(resolved)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(target, f"cannot write: {exc.strerror or exc}") from None
