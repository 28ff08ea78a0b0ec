"""`netplan-cs trunks` output pinned for the sample and two corpus configs, in every format.

Snapshots live in tests/snapshots/trunks/; after an intended change, regenerate them with
`UPDATE_SNAPSHOTS=1 pytest tests/test_trunks_snapshots.py` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from netplan_cs.cli.app import app
from tests.conftest import CORPUS, SAMPLES, needs_corpus
from tests.snapshot import assert_snapshot

FORMATS = {"markdown": "md", "csv": "csv", "json": "json", "cisco-ios": "ios",
           "junos": "junos", "arista-eos": "eos"}
CORPUS_PLANS = {
    # KVM, tagged public VLANs 100-101 beside guest range 2001-2050, no labels
    "kvm": "apache__cloudstack__tools__marvin__marvin__misc__build__kvm.cfg",
    # XenServer with name-labels GUEST/MGMT/PUBLIC, untagged public
    "devcloud4-advanced": "apache__cloudstack__tools__devcloud4__advanced__marvin.cfg",
}


def _run(plan: Path, output_format: str) -> str:
    result = CliRunner().invoke(app, ["trunks", str(plan), "--format", output_format])
    assert result.exit_code == 0, result.output
    return result.stdout


def _check(name: str, plan: Path, output_format: str) -> None:
    assert_snapshot(f"trunks/{name}.{FORMATS[output_format]}", _run(plan, output_format))


@pytest.mark.parametrize("output_format", list(FORMATS))
def test_sample_checklist(output_format: str) -> None:
    _check("nested-kvm-lab", SAMPLES / "nested-kvm-lab.yaml", output_format)


@needs_corpus
@pytest.mark.parametrize("output_format", list(FORMATS))
@pytest.mark.parametrize("name", list(CORPUS_PLANS))
def test_corpus_checklist(name: str, output_format: str) -> None:
    _check(name, CORPUS / CORPUS_PLANS[name], output_format)
