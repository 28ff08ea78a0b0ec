"""Files the tool writes: atomic, never over an input, never over an existing file unasked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from netplan_cs.errors import InputError
from netplan_cs.output.files import write_output
from tests.conftest import SAMPLES
from tests.fuzzing import Command, run_cli

CONVERT = Command("convert", ("convert", "{plan}", "--output", "{out}"))
CONVERT_FORCE = Command("convert", ("convert", "{plan}", "--output", "{out}", "--force"))


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "lab.yaml"
    path.write_bytes((SAMPLES / "nested-kvm-lab.yaml").read_bytes())
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_convert_writes_a_new_file(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "converted.yaml"
    outcome = run_cli(CONVERT, plan, out)
    assert outcome.exit_code == 0, outcome.text
    assert out.read_text().startswith("# Converted from lab.yaml (native) by netplan-cs convert.")
    assert _leftovers(tmp_path) == []


def test_convert_never_writes_over_its_input(plan: Path, tmp_path: Path) -> None:
    before = plan.read_bytes()
    for command in (CONVERT, CONVERT_FORCE):
        outcome = run_cli(command, plan, plan)
        assert outcome.exit_code == 2
        assert f"{plan}: error: refusing to write over an input file\n" in outcome.stderr
    assert plan.read_bytes() == before


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_link_to_the_input_is_the_input(link: str, plan: Path, tmp_path: Path) -> None:
    other = tmp_path / "other-name.yaml"
    if link == "symlink":
        other.symlink_to(plan)
    else:
        other.hardlink_to(plan)
    before = plan.read_bytes()
    outcome = run_cli(CONVERT_FORCE, plan, other)
    assert outcome.exit_code == 2
    assert f"{other}: error: refusing to write over an input file\n" in outcome.stderr
    assert plan.read_bytes() == before


def test_an_existing_file_is_replaced_only_with_force(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "converted.yaml"
    out.write_text("keep me\n")
    out.chmod(0o640)
    refused = run_cli(CONVERT, plan, out)
    assert refused.exit_code == 2
    assert f"{out}: error: the file exists; pass --force to replace it\n" in refused.stderr
    assert out.read_text() == "keep me\n"
    forced = run_cli(CONVERT_FORCE, plan, out)
    assert forced.exit_code == 0, forced.text
    assert "zones:" in out.read_text()
    assert out.stat().st_mode & 0o777 == 0o640  # the replaced file keeps its mode
    assert _leftovers(tmp_path) == []


def test_a_new_file_gets_the_usual_mode(plan: Path, tmp_path: Path) -> None:
    """mkstemp creates 0600 files; the output is a plain file as `open()` would make it."""
    umask = os.umask(0o022)
    try:
        out = tmp_path / "converted.yaml"
        assert run_cli(CONVERT, plan, out).exit_code == 0
    finally:
        os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o644


def test_a_name_taken_meanwhile_is_not_overwritten(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Between the existence check and the write, another process creates the file."""
    out = tmp_path / "race.yaml"
    real_mkstemp = __import__("tempfile").mkstemp

    def mkstemp_then_race(*args: object, **kwargs: object) -> tuple[int, str]:
        out.write_text("theirs\n")
        return real_mkstemp(*args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr("netplan_cs.output.files.tempfile.mkstemp", mkstemp_then_race)
    with pytest.raises(InputError, match="the file exists; pass --force to replace it"):
        write_output(out, "ours\n", force=False)
    assert out.read_text() == "theirs\n"
    assert _leftovers(tmp_path) == []


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "plan.yaml"
    out.write_text("old\n")

    def fail(self: Path, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", fail)
    with pytest.raises(InputError) as caught:
        write_output(out, "new\n" * 1000, force=True)
    assert str(caught.value) == f"{out}: error: cannot write: No space left on device"
    assert out.read_text() == "old\n"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(("name", "message"), [
    ("missing-dir/out.yaml", "directory {folder}/missing-dir does not exist"),
    ("a-dir", "is a directory"),
])
def test_unwritable_targets(name: str, message: str, plan: Path, tmp_path: Path) -> None:
    (tmp_path / "a-dir").mkdir()
    out = tmp_path / name
    outcome = run_cli(CONVERT_FORCE, plan, out)
    assert outcome.exit_code == 2
    assert f"{out}: error: {message.format(folder=tmp_path)}\n" in outcome.stderr
