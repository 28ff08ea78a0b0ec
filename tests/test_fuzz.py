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


# Each crash the fuzzing (and the hostile-input review) found, as the smallest file that
# showed it; the layer that crashed is named. They stay fixed.
CRASHES = [
    ("yaml-int-over-4300-digits", "plan.yaml",  # load: int() refused the literal
     b"zones:\n  - name: " + b"9" * 5000 + b"\n"),
    ("yaml-surrogate-pair-escape", "plan.yaml",  # load: rapidyaml's CESU-8 bytes
     b'zones:\n  - name: "\\ud83d\\ude00"\n'),
    ("yaml-null-value-located", "plan.yaml", b"zones:\n"),  # placing a finding on `zones:`
    ("yaml-empty-key", "plan.yaml", b"zones: []\n: 255.255.255.0\n"),  # load: no key view
    ("json-int-over-4300-digits", "plan.cfg",  # load: json's int() raised ValueError
     b'{"zones": [' + b"9" * 5000 + b"]}"),
    ("marvin-physical-networks-not-a-list", "zone.cfg",  # importer: looks_like_marvin
     b'{"zones": [{"name": "z", "physical_networks": 7}]}'),
    ("marvin-nul-in-mgtsvrip", "zone.cfg",  # importer: netaddr's inet_pton on "\0"
     b'{"mgtSvr": [{"mgtSvrIp": "10.1.1.5\\u0000"}], "zones": []}'),
    ("host-url-unclosed-ipv6", "plan.yaml",  # model Host.address, read by P006
     b"zones:\n  - name: z\n    networktype: advanced\n    dns1: 8.8.8.8\n"
     b"    internaldns1: 8.8.8.8\n    pods:\n      - name: p\n        gateway: 10.1.1.1\n"
     b"        netmask: 255.255.255.0\n        clusters:\n          - name: c\n"
     b"            hypervisor: KVM\n            hosts:\n              - url: http://[zz/\n"),
    ("yaml-error-at-end-of-file", "plan.yaml",  # position one line past the end
     b"zones:\n  - name: z1\n    x\n"),
    ("deep-flow-nesting-located", "plan.yaml",  # load: recursion while placing the error
     b"zones: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"),
    ("huge-name-in-messages", "plan.yaml",  # P002/P005 and display paths quoted 10^5 chars
     b"zones:\n  - name: " + b"n" * 100_000 + b"\n  - name: " + b"n" * 100_000 + b"\n"
     b"    " + b"k" * 100_000 + b": 1\n"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=[c.id for c in COMMANDS])
@pytest.mark.parametrize(("case", "name", "raw"), CRASHES, ids=[c[0] for c in CRASHES])
def test_crashes_found_stay_fixed(case: str, name: str, raw: bytes, command: Command) -> None:
    _run(command, raw, Path(name).suffix)
