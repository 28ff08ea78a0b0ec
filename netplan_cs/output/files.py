"""Writing files the tool produces: atomically, never over an input, never over a file unasked.

The text goes to a temporary file in the target's directory, then takes the
target's name in one step: a reader sees the old file or the new one, never
half of one. Without --force the new file is linked in only if the name is
free (no window between "does it exist?" and the write).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from netplan_cs.errors import InputError


def _is_input(target: Path, inputs: Iterable[Path]) -> bool:
    """The target names an input: the same path, a symlink to it, or another link to it."""
    resolved = target.resolve()
    for source in inputs:
        if source.resolve() == resolved:
            return True
        if target.exists() and source.exists() and source.samefile(target):
            return True  # a hard link, or a case-insensitive file system
    return False


def _mode_for(target: Path) -> int:
    """The existing file's mode, or what a plain `open()` would give (mkstemp gives 0600)."""
    if target.exists():
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_output(target: Path, text: str, force: bool, inputs: Iterable[Path] = ()) -> None:
    """Write `text` to `target` through a temporary file and a rename (or a link)."""
    if _is_input(target, inputs):
        raise InputError(target, "refusing to write over an input file")
    if target.is_dir():
        raise InputError(target, "is a directory")
    if target.exists() and not force:
        raise InputError(target, "the file exists; pass --force to replace it")
    directory = target.resolve().parent
    if not directory.is_dir():
        raise InputError(target, f"directory {directory} does not exist")
    mode = _mode_for(target)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
    except OSError as exc:
        raise InputError(target, f"cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        Path(temporary).chmod(mode)
        if not force and _link(Path(temporary), target):
            return
        Path(temporary).replace(target.resolve())
    except OSError as exc:
        raise InputError(target, f"cannot write: {exc.strerror or exc}") from None
    finally:
        Path(temporary).unlink(missing_ok=True)


def _link(temporary: Path, target: Path) -> bool:
    """Give the new file the target's name only if no file has it; False if the file
    system has no hard links (then a rename follows the existence check above)."""
    try:
        target.hardlink_to(temporary)
    except FileExistsError:
        raise InputError(target, "the file exists; pass --force to replace it") from None
    except OSError:
        return False
    return True
