"""The one exception the tool raises for input it cannot read at all.

Everything that can be read but is wrong becomes a located finding instead; an
InputError means there is no plan to lint (exit code 2).
"""

from __future__ import annotations

from pathlib import Path

COMMAND_LINE = "<command line>"
"""The `file` of an error in the invocation itself (an unknown rule, options that clash)."""


class InputError(Exception):
    """A file that cannot be parsed, or an invocation that cannot run."""

    def __init__(self, file: str | Path, message: str, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.file = str(file)
        self.message = message
        self.located = line is not None  # a position in the file, not the whole file
        self.line = line or 1  # machine formats (SARIF, JSON) place file-wide errors at 1:1
        self.column = column or 1

    def __str__(self) -> str:
        """`plan.yaml:3:7: error: ...` where there is a position, `plan.yaml: error: ...`
        where the whole file is meant, `netplan-cs: error: ...` for the command line."""
        if self.file == COMMAND_LINE:
            return f"netplan-cs: error: {self.message}"
        where = f"{self.file}:{self.line}:{self.column}" if self.located else self.file
        return f"{where}: error: {self.message}"
