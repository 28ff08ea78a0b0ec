"""Running the CLI in-process, as an operator's shell would, capturing both streams."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass

import pytest

from netplan_cs.cli.app import main


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: str) -> Run:
    """`netplan-cs ARGS...` through the real entry point (no traceback may escape it)."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv
    sys.argv = ["netplan-cs", *args]
    try:
        with redirect_stdout(out), redirect_stderr(err), pytest.raises(SystemExit) as done:
            main()
    finally:
        sys.argv = saved
    code = done.value.code
    return Run(code if isinstance(code, int) else (0 if code is None else 2),
               out.getvalue(), err.getvalue())
