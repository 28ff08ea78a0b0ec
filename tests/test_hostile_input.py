"""Hostile and broken files: every command answers exit 2 and names the file and the problem.

Each case goes through every entry of `tests.fuzzing.COMMANDS`, so a new
command or output format is held to the same answers.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from netplan_cs.errors import InputError
from netplan_cs.load import read_plan_file
from netplan_cs.load.limits import DEFAULT_LIMITS, Limits, parse_size
from tests.conftest import SAMPLES
from tests.fuzzing import COMMANDS, Command, check_outcome, run_cli

SAMPLE = SAMPLES / "nested-kvm-lab.yaml"


def _laughs(levels: int = 9) -> bytes:
    """The classic "billion laughs": nine levels of nine aliases, 9^9 values expanded."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return ("\n".join(lines) + f"\nzones: *a{levels - 1}\n").encode()


def _sparse(path: Path, size: int) -> None:
    """A file of `size` zero bytes that takes no disk space."""
    with path.open("wb") as stream:
        stream.truncate(size)


@dataclass(frozen=True)
class Hostile:
    id: str
    name: str  # file name: its suffix picks the syntax
    content: bytes | Callable[[Path], None]  # bytes, or a function that makes the path
    message: str  # what stderr must say after `path:line:col: error: ` (`path: error: `)
    line: int | None = None  # None: the error is about the whole file, it has no position
    column: int | None = None

    @property
    def where(self) -> str:
        return "" if self.line is None else f":{self.line}:{self.column or 1}"


CASES = [
    Hostile("python-object-tag", "plan.yaml",
            b'zones: !!python/object/apply:os.system ["touch pwned"]\n',
            "YAML tag '!!python/object/apply:os.system' is not allowed: plans hold plain data "
            "only", 1, 8),
    Hostile("python-name-tag-on-key", "plan.yaml",
            b"zones: []\n? !!python/name:os.system\n: 1\n",
            "YAML tag '!!python/name:os.system' is not allowed: plans hold plain data only", 2, 3),
    Hostile("local-include-tag", "plan.yaml", b"zones: !include other.yaml\n",
            "YAML tag '!include' is not allowed: plans hold plain data only", 1, 8),
    Hostile("billion-laughs", "plan.yaml", _laughs(),
            'aliases expand to more than 100000 values (a "billion laughs" file?); refusing it '
            "(--max-alias-nodes)", 6, 10),
    Hostile("deep-yaml-flow", "plan.yaml", b"zones: " + b"[" * 5000 + b"]" * 5000 + b"\n",
            "nesting deeper than 64 levels (--max-depth)", 1, 1),
    Hostile("deep-yaml-block", "plan.yaml",
            b"zones:\n" + b"".join(b" " * i + b"a:\n" for i in range(1, 200)),
            "nesting deeper than 64 levels (--max-depth)", 65, 65),
    Hostile("deep-json", "plan.cfg", b'{"zones": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            "nesting deeper than 64 levels (--max-depth)", 1, 74),
    Hostile("deep-json-empty-lists", "plan.cfg", b'{"zones": ' + b"[" * 900 + b"]" * 900 + b"}",
            "nesting deeper than 64 levels (--max-depth)", 1, 74),
    Hostile("too-large", "plan.yaml",
            lambda path: _sparse(path, DEFAULT_LIMITS.max_bytes + 1),
            "the file is larger than the limit of 16777216 bytes (--max-file-size)"),
    Hostile("empty", "plan.yaml", b"", "the file is empty: expected a plan with a `zones` list"),
    Hostile("blank", "plan.cfg", b"  \n\n\t\n",
            "the file is empty: expected a plan with a `zones` list"),
    Hostile("only-comments", "plan.yaml", b"# nothing here yet\n",
            "the top level holds nothing: expected a mapping with a `zones` list"),
    Hostile("top-level-list", "plan.yaml", b"- zones\n",
            "the top level holds list: expected a mapping with a `zones` list"),
    Hostile("two-documents", "plan.yaml", b"zones: []\n---\nzones: []\n",
            "the file holds several YAML documents; a plan is one document", 3),
    Hostile("binary", "plan.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "binary file (it contains NUL bytes): expected YAML or JSON text"),
    Hostile("utf16", "plan.yaml", "zones: []\n".encode("utf-16"),
            "UTF-16 text (it starts with a UTF-16 byte-order mark): save the plan as UTF-8"),
    Hostile("utf32", "plan.cfg", '{"zones": []}'.encode("utf-32"),
            "UTF-32 text (it starts with a UTF-32 byte-order mark): save the plan as UTF-8"),
    Hostile("utf8-bom-json", "plan.cfg", b'\xef\xbb\xbf{"zones": []}\n',
            "the file starts with a UTF-8 byte-order mark, which JSON does not allow and Marvin "
            'cannot read (json.loads: "Unexpected UTF-8 BOM"); save it as UTF-8 without BOM'),
    Hostile("latin-1", "plan.yaml", "zones:\n  - name: Zürich\n".encode("latin-1"),
            "not UTF-8 text (byte 0xfc); save the plan as UTF-8", 2, 12),
    Hostile("lone-surrogate-yaml", "plan.yaml", b'zones:\n  - name: "\\ud800"\n',
            "a \\u escape here gives half of a surrogate pair, which is not text", 2, 11),
    Hostile("lone-surrogate-json", "plan.cfg", b'{"zones": [{"name": "\\udc00x"}]}',
            "a \\u escape here gives half of a surrogate pair, which is not text", 1, 21),
    Hostile("lone-surrogate-json-key", "plan.cfg", b'{"zones": [], "\\udc00": {}}',
            "a \\u escape here gives half of a surrogate pair, which is not text", 1, 15),
    Hostile("huge-integer-json", "plan.cfg", b'{"zones": [\n  ' + b"7" * 5000 + b"]}",
            "a number of 5000 digits is no plan value (Python, and so Marvin, refuses integers "
            "over 4300 digits)", 2, 3),
    Hostile("yaml-syntax", "plan.yaml", b"zones:\n  - name: [zone1\n",
            "invalid YAML: missing terminating ] (check indentation, quotes and brackets)", 2, 17),
    Hostile("json-syntax", "plan.cfg", b'{"zones": [\n  {"name": "z1",}\n]}',
            "invalid JSON: a comma before a closing bracket: JSON allows no trailing comma",
            2, 16),
    Hostile("truncated-json", "plan.cfg", b'{"zones": [\n  {"name": "z1"',
            "invalid JSON: the file ends before the JSON is complete (a value, ',' or a "
            "closing bracket is missing)", 2, 16),
    Hostile("directory", "plans.yaml", lambda path: path.mkdir(),
            "is a folder without a listZones output (zones.json), so it is no snapshot of a "
            "cloud: a plan is one file; a snapshot folder holds what the commands of "
            "`netplan-cs snapshot --help` write"),
    Hostile("missing", "absent.yaml", lambda path: None, "no such file"),
]


def _make(case: Hostile, folder: Path) -> Path:
    path = folder / case.name
    if isinstance(case.content, bytes):
        path.write_bytes(case.content)
    else:
        case.content(path)
    return path


@pytest.mark.parametrize("command", COMMANDS, ids=[c.id for c in COMMANDS])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_file_is_refused_with_its_name_and_reason(case: Hostile, command: Command,
                                                          tmp_path: Path) -> None:
    path = _make(case, tmp_path)
    outcome = run_cli(command, path, tmp_path / "out.yaml")
    check_outcome(command, outcome)
    assert outcome.exit_code == 2
    expected = f"{path}{case.where}: error: {case.message}\n"
    assert expected in outcome.stderr
    assert outcome.seconds < 1.0, f"{case.id} took {outcome.seconds:.2f} s"
    assert not (tmp_path / "out.yaml").exists()
    assert not (Path.cwd() / "pwned").exists()


def test_billion_laughs_is_refused_in_well_under_a_second(tmp_path: Path) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_bytes(_laughs())
    start = time.perf_counter()
    with pytest.raises(InputError, match="aliases expand to more than 100000 values"):
        read_plan_file(path)
    assert time.perf_counter() - start < 0.2


def test_aliases_within_the_budget_are_expanded(tmp_path: Path) -> None:
    path = tmp_path / "anchors.yaml"
    path.write_text("labels: &kvm {kvmnetworklabel: cloudbr0}\n"
                    "zones: [{name: z1, a: *kvm, b: *kvm, <<: *kvm}]\n")
    data = read_plan_file(path).data
    assert data["zones"][0] == {"name": "z1", "a": {"kvmnetworklabel": "cloudbr0"},
                                "b": {"kvmnetworklabel": "cloudbr0"},
                                "kvmnetworklabel": "cloudbr0"}
    with pytest.raises(InputError, match=r"anchors\.yaml:2:23: error: aliases expand to more "
                       r"than 1 values"):
        read_plan_file(path, Limits(max_alias_nodes=1))


def test_a_utf8_bom_in_yaml_is_ignored(tmp_path: Path) -> None:
    """YAML 1.2 allows a byte-order mark and Windows editors write one: it changes nothing."""
    plain = read_plan_file(SAMPLE)
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.read_bytes())
    with_bom = read_plan_file(path)
    assert with_bom.data == plain.data
    assert with_bom.locate(("zones", 0, "pods", 0, "startip")) == \
        plain.locate(("zones", 0, "pods", 0, "startip"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a mode-000 file; the message for a "
                    "PermissionError is tested by test_permission_error_message")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_bytes(SAMPLE.read_bytes())
    path.chmod(0)
    with pytest.raises(InputError) as caught:
        read_plan_file(path)
    assert str(caught.value) == f"{path}: error: permission denied: the file cannot be read"


def test_permission_error_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same answer as above, whoever runs the suite: open() itself is made to refuse."""
    path = tmp_path / "secret.yaml"
    path.write_bytes(SAMPLE.read_bytes())

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError) as caught:
        read_plan_file(path)
    assert str(caught.value) == f"{path}: error: permission denied: the file cannot be read"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_an_endless_device_is_read_only_up_to_the_limit() -> None:
    with pytest.raises(InputError, match="larger than the limit of 1024 bytes"):
        read_plan_file("/dev/zero", Limits(max_bytes=1024))


@pytest.mark.parametrize(("text", "size"), [("65536", 65536), ("64k", 65536), ("64K", 65536),
                                            ("16M", 16 * 1024**2), ("16MiB", 16 * 1024**2),
                                            ("1G", 1024**3), (" 2 mb ", 2 * 1024**2)])
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "0", "10x", "-5", "1.5M", "M", "1T"])
def test_parse_size_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="is not a size"):
        parse_size(text)


LINT = COMMANDS[0]


@pytest.mark.parametrize(("options", "message"), [
    (["--max-file-size", "1K"], "the file is larger than the limit of 1024 bytes "
     "(--max-file-size)"),
    (["--max-depth", "5"], "nesting deeper than 5 levels (--max-depth)"),
    (["--max-nodes", "50"], "the document expands to more than 50 nodes (aliases are "
     "expanded); refusing it (--max-nodes)"),
])
@pytest.mark.parametrize("command", ["lint", "convert"])
def test_limits_are_options(command: str, options: list[str], message: str,
                            tmp_path: Path) -> None:
    outcome = run_cli(Command(command, (command, *options, "{plan}")), SAMPLE, tmp_path / "o")
    assert outcome.exit_code == 2
    assert f"{SAMPLE}:" in outcome.stderr and f"error: {message}\n" in outcome.stderr


def test_raised_limits_read_what_the_defaults_refuse(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_bytes(SAMPLE.read_bytes() + _laughs(5).replace(b"zones:", b"x:"))
    refused = run_cli(LINT, path, tmp_path / "o")
    assert refused.exit_code == 2 and "--max-nodes" not in refused.stderr
    assert "(--max-alias-nodes)" in refused.stderr
    raised = Command("lint", ("lint", "--max-alias-nodes", "1000000", "{plan}"))
    accepted = run_cli(raised, path, tmp_path / "o")
    assert accepted.exit_code == 0, accepted.text  # read: P002 warns of `a0`..`a4` and `x`
    assert "0 error(s), 6 warning(s), 0 info in 1 file(s)" in accepted.stdout


@pytest.mark.parametrize("option", [["--max-file-size", "10x"], ["--max-depth", "1000"],
                                    ["--max-nodes", "0"]])
def test_bad_limit_values_are_usage_errors(option: list[str], tmp_path: Path) -> None:
    outcome = run_cli(Command("lint", ("lint", *option, "{plan}")), SAMPLE, tmp_path / "o")
    assert outcome.exit_code == 2
    assert "Invalid value for" in outcome.stderr
