"""Fuzzing the whole CLI: mutated real plans in, findings or a clear error out, never a crash.

Every seed (samples, rule examples, the Marvin corpus) is mutated structurally
(keys dropped or renamed, values of the wrong type, huge or malformed strings)
or byte by byte (truncated, spliced with random bytes), then run through every
entry of `tests.fuzzing.COMMANDS`. The invariants are in `check_outcome`.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzzing import (
    COMMANDS,
    Command,
    byte_mutated,
    check_outcome,
    mutated,
    run_cli,
    seed_data,
    seed_files,
    serialise,
)

SEEDS = seed_files()
ALL_SEEDS = seed_files(readable=False)


@cache
def _tree(path: Path) -> Any:
    return seed_data(path)


def _run(command: Command, raw: bytes, suffix: str) -> None:
    with TemporaryDirectory() as folder:
        plan = Path(folder) / f"plan{suffix}"
        plan.write_bytes(raw)
        check_outcome(command, run_cli(command, plan, Path(folder) / "out.yaml"))


@pytest.mark.parametrize("command", COMMANDS, ids=[c.id for c in COMMANDS])
@given(st.data())
def test_structural_mutations_keep_the_invariants(command: Command, data: st.DataObject) -> None:
    seed = data.draw(st.sampled_from(SEEDS), label="seed")
    tree = data.draw(mutated(copy.deepcopy(_tree(seed))), label="mutated")
    raw = serialise(tree, seed.suffix, data.draw(st.integers(0, 2), label="style"))
    _run(command, raw, seed.suffix)


@pytest.mark.parametrize("command", COMMANDS, ids=[c.id for c in COMMANDS])
@given(st.data())
def test_byte_mutations_keep_the_invariants(command: Command, data: st.DataObject) -> None:
    seed = data.draw(st.sampled_from(ALL_SEEDS), label="seed")
    raw = data.draw(byte_mutated(seed.read_bytes()), label="bytes")
    _run(command, raw, seed.suffix)
