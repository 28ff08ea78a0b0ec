"""Snapshot files: expected output kept in tests/snapshots/, regenerated on request.

After an intended change run `UPDATE_SNAPSHOTS=1 pytest tests/...` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_snapshot(relative: str, text: str) -> None:
    snapshot = SNAPSHOTS / relative
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(text, encoding="utf-8")
    assert snapshot.is_file(), f"no snapshot {snapshot}: run with UPDATE_SNAPSHOTS=1"
    assert text == snapshot.read_text(encoding="utf-8")
