"""Start-up stays light: the command line loads the model and engine only when a command runs.

(Speed itself is measured by benchmarks/run.py; this guards the design that makes it fast.)
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

HEAVY = ["netplan_cs.model.plan", "netplan_cs.document", "netplan_cs.engine.run",
         "netplan_cs.facts", "pydantic.main"]


def test_version_imports_no_model_engine_or_facts() -> None:
    code = ("import sys, netplan_cs.cli.app; "
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
