"""Every finding on every real Marvin config, pinned (tests/snapshots/corpus/).

Each error here was read and confirmed real; see the rules' READMEs. After an intended
change: `UPDATE_SNAPSHOTS=1 pytest tests/test_corpus_snapshot.py` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netplan_cs.document import open_plan
from netplan_cs.engine.registry import load_rules
from netplan_cs.engine.run import lint_document
from netplan_cs.errors import InputError
from tests.conftest import corpus_files, needs_corpus
from tests.snapshot import assert_snapshot

RULES = load_rules()
FILES = corpus_files()


def findings_text(config: Path) -> str:
    try:
        document = open_plan(config)
    except InputError as error:
        return f"input error {error.line}:{error.column}: {error.message}\n"
    return "".join(f"{f.line}:{f.column} {f.rule} {f.severity} {f.path}: {f.message}\n"
                   for f in lint_document(document, RULES))


@needs_corpus
@pytest.mark.parametrize("config", FILES, ids=[p.name for p in FILES])
def test_corpus_findings_are_pinned(config: Path) -> None:
    assert_snapshot(f"corpus/{config.stem}.txt", findings_text(config))
