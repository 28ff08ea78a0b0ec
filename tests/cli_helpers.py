"""Running the command line in tests, and a small plan with one error and one warning."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from netplan_cs.cli.app import app, main


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


# PLAN_WITH_SECRET: S001 (warning) on line 3, P005 (error) on line 10.
PLAN = """\
management_servers:
  - ipaddress: 10.1.20.5
zones:
  - name: zone1
    networktype: advanced
    dns1: 8.8.8.8
    internaldns1: 8.8.4.4
    pods: []
  - name: zone1
    networktype: advanced
    dns1: 8.8.8.8
    internaldns1: 8.8.4.4
    pods: []
"""
ERROR_LINE = 10
PLAN_WITH_SECRET = PLAN.replace("  - ipaddress: 10.1.20.5\n",
                                "  - ipaddress: 10.1.20.5\n    apikey: AbCdEf0123456789\n")
WARNING_LINE = 3


def write_plan(folder: Path, text: str = PLAN_WITH_SECRET, name: str = "plan.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str | Path, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `netplan-cs ARGS`."""
    result = CliRunner().invoke(app, [str(a) for a in args], env=env or {"GITHUB_ACTIONS": ""})
    return result.exit_code, result.stdout, result.stderr


PINNED = "P005,S001,P100"


def lint(*args: str | Path, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """`netplan-cs lint --select P005,S001,P100 ARGS`: pinned to the rules these tests are
    about, so rules added to the catalogue later cannot change their outcomes."""
    return run("lint", "--select", PINNED, *args, env=env)
