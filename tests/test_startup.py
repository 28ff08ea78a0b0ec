"""Start-up stays light: the command line loads the model and engine only when a command runs.

(Speed itself is measured by benchmarks/run.py; this guards the design that makes it fast.)
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
import typer

from netplan_cs.cli import app as cli_app
from tests.cli_helpers import run_cli
from tests.conftest import ROOT

TOML = "tomllib" if sys.version_info >= (3, 11) else "tomli"  # the reader config.py imports
HEAVY = ["netplan_cs.model.plan", "netplan_cs.document", "netplan_cs.engine.run",
         "netplan_cs.facts", "pydantic.main", "netplan_cs.engine.registry", "tabulate",
         TOML]


def test_version_imports_no_model_engine_or_facts() -> None:
    code = ("import sys, netplan_cs.cli.app; "
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


# What a clean lint of a plan with no configuration above it needs none of.
LINT_UNUSED = ["tabulate", TOML, "netplan_cs.baseline"]


def test_a_clean_lint_loads_only_what_it_uses(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes((ROOT / "samples" / "nested-kvm-lab.yaml").read_bytes())
    code = (f"import sys; sys.argv = ['netplan-cs', 'lint', {str(plan)!r}]\n"
            "from netplan_cs.cli.app import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print([m for m in {LINT_UNUSED!r} if m in sys.modules], file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=False, cwd=ROOT)
    assert out.stderr.strip() == "[]"


def test_a_run_builds_only_the_command_it_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[list[str]] = []
    real = cli_app.make_app

    def spy(names: Iterable[str]) -> typer.Typer:
        built.append(list(names))
        return real(built[-1])

    monkeypatch.setattr(cli_app, "make_app", spy)
    assert run_cli("rules", "--format", "json").code == 0
    assert run_cli("--version").code == 0  # not a command: the whole application
    assert built == [["rules"]]


@pytest.mark.parametrize("args", [["lint", "--help"], ["lint"], ["lint", "--bogus"],
                                  ["explain", "--help"]])
def test_a_command_alone_says_what_the_whole_application_says(
        args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    alone = run_cli(*args)
    monkeypatch.setattr(cli_app, "make_app", lambda names: cli_app.app)
    assert run_cli(*args) == alone
