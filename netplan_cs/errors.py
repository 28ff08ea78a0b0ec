"""The one exception the tool raises for input it cannot read at all.

Everything that can be read but is wrong becomes a located finding instead; an
InputError means there is no plan to lint (exit code 2).
"""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A file that cannot be parsed, or an invocation that cannot run."""

    def __init__(self, file: str | Path, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.file = str(file)
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: error: {self.message}"
