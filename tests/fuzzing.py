"""The fuzz harness: hostile variants of real plans, run through the whole CLI in-process.

`COMMANDS` is the one list of command lines every fuzzed file goes through; a
new command or output format is one more entry (with a `locations` reader when
its output is not `file:line:col` text). `check_outcome` states the invariants
every run must keep, whatever the file holds.
"""

from __future__ import annotations

import json
import math
import re
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from typer.testing import CliRunner

from netplan_cs.cli.app import app
from netplan_cs.cli.convert import _native_form, _replace_secrets
from netplan_cs.document import open_plan
from netplan_cs.errors import InputError
from netplan_cs.load import read_plan_file
from netplan_cs.output.yaml_emit import to_yaml
from tests.conftest import ROOT, SAMPLES, corpus_files

SLOW_SECONDS = 5.0  # no single run on a fuzzed file of seed size may take longer
LONGEST_LINE = 1000  # a message quotes a value cut short, never a 200 kB string in full


@dataclass
class Outcome:
    """One CLI run: what it printed, the files it wrote, how it ended."""

    plan: Path
    out: Path
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None
    seconds: float

    @property
    def text(self) -> str:
        return self.stdout + self.stderr

    @property
    def written(self) -> str:
        return self.out.read_text(encoding="utf-8") if self.out.is_file() else ""


def _positions(plan: Path, text: str) -> list[tuple[str, int, int]]:
    """Every `plan:line:col` in `text` (the file is known: no regex backtracking on values)."""
    pattern = re.compile(re.escape(str(plan)) + r":(-?\d+):(-?\d+)")
    return [(str(plan), int(m[1]), int(m[2])) for m in pattern.finditer(text)]


def text_locations(outcome: Outcome) -> list[tuple[str, int, int]]:
    """Every `file:line:col` the run printed (findings, related notes, errors)."""
    return _positions(outcome.plan, outcome.text)


def sarif_locations(outcome: Outcome) -> list[tuple[str, int, int]]:
    """Result and related regions of the SARIF report (URIs relative), plus stderr's errors."""
    found = _positions(outcome.plan, outcome.stderr)
    for run in json.loads(outcome.stdout)["runs"]:
        for result in run["results"]:
            for place in (*result.get("locations", ()), *result.get("relatedLocations", ())):
                region = place["physicalLocation"]["region"]
                found.append((str(outcome.plan), region["startLine"], region["startColumn"]))
    return found


def json_locations(outcome: Outcome) -> list[tuple[str, int, int]]:
    """Findings, related locations and errors of the JSON report, plus stderr's errors."""
    found = _positions(outcome.plan, outcome.stderr)
    report = json.loads(outcome.stdout)
    for finding in report["findings"]:
        found.append((finding["file"], finding["line"], finding["column"]))
        assert finding["end_line"] >= finding["line"], finding
        found.extend((r["file"], r["line"], r["column"]) for r in finding["related"])
    found.extend((e["file"], e["line"], e["column"]) for e in report["errors"])
    return found


@dataclass(frozen=True)
class Command:
    """A command line to run on every fuzzed file: `{plan}` and `{out}` are filled in."""

    id: str
    argv: tuple[str, ...]
    locations: Callable[[Outcome], list[tuple[str, int, int]]] = text_locations
    echoes_data: bool = False  # stdout is the plan itself (convert): its lines may be long
    extra_checks: tuple[Callable[[Outcome], None], ...] = field(default=())


def _same(a: Any, b: Any) -> bool:
    """Equal data, NaN equal to NaN."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def _convert_reads_back(outcome: Outcome) -> None:
    """What `convert` wrote reads back as the plan's data, secrets as references."""
    if outcome.exit_code == 0:
        document = open_plan(outcome.plan)
        expected = _replace_secrets(_native_form(document), document.data, (), [])
        assert _same(read_plan_file(outcome.out).data, expected), outcome.written[:2000]


# Every command and output format that reads a plan: fuzz, hostile-input and secret tests all
# run each entry. A new one is a line here, e.g.
#   Command("lint-sarif", ("lint", "--format", "sarif", "{plan}"), sarif_locations),
#   Command("report-html", ("report", "{plan}", "--output", "{out}")),
# with a `locations` reader returning (file, line, column) for every location it reports.
COMMANDS: list[Command] = [
    Command("lint-text", ("lint", "--format", "text", "{plan}")),
    Command("lint-json", ("lint", "--format", "json", "{plan}"), json_locations),
    Command("convert-stdout", ("convert", "{plan}"), echoes_data=True),
    Command("convert-file", ("convert", "{plan}", "--output", "{out}"),
            extra_checks=(_convert_reads_back,)),
    # SARIF and JUnit embed the rules' documentation: long lines are expected there
    Command("lint-sarif", ("lint", "--format", "sarif", "{plan}"), sarif_locations,
            echoes_data=True),
    Command("lint-github", ("lint", "--format", "github", "{plan}"), lambda o: []),
    Command("lint-junit", ("lint", "--format", "junit", "{plan}"), lambda o: [],
            echoes_data=True),
    # these print the plan's own names (zones, pods, offerings) in tables and JSON, whole
    Command("budget", ("budget", "{plan}"), echoes_data=True),
    Command("rates", ("rates", "{plan}"), echoes_data=True),
    Command("trunks", ("trunks", "{plan}", "--format", "json"), lambda o: [],
            echoes_data=True),
    Command("report", ("report", "{plan}", "--output", "{out}"), echoes_data=True),
]


def run_cli(command: Command, plan: Path, out: Path) -> Outcome:
    args = [part.replace("{plan}", str(plan)).replace("{out}", str(out))
            for part in command.argv]
    start = time.perf_counter()
    result = CliRunner().invoke(app, args)
    seconds = time.perf_counter() - start
    exception = result.exception
    if isinstance(exception, SystemExit):
        exception = None
    return Outcome(plan, out, result.exit_code, result.stdout, result.stderr, exception,
                   seconds)


def line_count(raw: bytes) -> int:
    """Lines as an editor shows them (a final newline opens no new line)."""
    return max(1, raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1))


def check_outcome(command: Command, outcome: Outcome) -> None:
    """The invariants: a known exit code, no crash, every location inside the file, fast."""
    if outcome.exception is not None:
        trace = "".join(traceback.format_exception(outcome.exception))
        raise AssertionError(f"{command.id} crashed on {outcome.plan}:\n{trace}")
    assert outcome.exit_code in (0, 1, 2), (command.id, outcome.exit_code, outcome.text)
    assert "Traceback" not in outcome.text, outcome.text
    assert "internal error" not in outcome.text, outcome.text
    if outcome.exit_code == 2:
        assert f"{outcome.plan}:" in outcome.stderr, (command.id, outcome.stderr)
    lines = line_count(outcome.plan.read_bytes()) if outcome.plan.is_file() else 1
    for file, line, column in command.locations(outcome):
        if file == str(outcome.plan):
            assert 1 <= line <= lines and column >= 1, (
                f"{command.id}: {file}:{line}:{column} is outside the file "
                f"({lines} lines)\n{outcome.text}")
    report = outcome.stderr if command.echoes_data else outcome.text
    longest = max((len(line) for line in report.splitlines()), default=0)
    assert longest <= LONGEST_LINE, (command.id, longest, report[:3000])
    for check in command.extra_checks:
        check(outcome)
    assert outcome.seconds < SLOW_SECONDS, (command.id, outcome.seconds)


# -- seeds ----------------------------------------------------------------------------------

def _readable(path: Path) -> bool:
    try:
        read_plan_file(path)
    except InputError:
        return False  # one corpus file is not valid JSON; it is fuzzed as bytes only
    return True


def seed_files(readable: bool = True) -> list[Path]:
    """The real plans mutations start from: samples, rule examples, the Marvin corpus."""
    rules = sorted(p for p in (ROOT / "rules").glob("*/*/examples/*/*")
                   if p.suffix in (".yaml", ".cfg"))
    seeds = sorted(SAMPLES.glob("*.yaml")) + rules + corpus_files()
    return [seed for seed in seeds if _readable(seed)] if readable else seeds


def seed_data(path: Path) -> Any:
    """The seed as plain data (every seed is readable; CORPUS files are Marvin JSON)."""
    return read_plan_file(path).data


# -- structural mutations -------------------------------------------------------------------

MALFORMED = [
    "", " ", "10.0.0.", "10.0.0.256", "256.1.1.1", "10.1.1.0/33", "10.1.1.0/-1", "/24",
    "255.0.255.0", "0.0.0.0", "255.255.255.255", "1-", "-5", "100-50", "1-2-3", "0x10", "1e5",
    "vlan://", "vlan://abc", "untagged", "4095", "99999999999999999999", "${X}", "${",
    "***", "CHANGEME", "10.x.x.x", "[SP_API_HOST]", "<gateway>", "nan", "inf", ".nan", "~",
    "null", "yes", "no", "!!python/object:os.system", "*alias", "&anchor", "%YAML 1.2",
    "- item", "key: value", "a\nb", "tab\there", "nfs://", "nfs:///", "://", "http://[::1",
    "http://[zz]/", "nfs://10.0.0.1:99999/x", "zone1", "Advanced", "basic", "KVM",
    "\u202e\u0645\u0631\u062d\u0628\u0627", "\ud800", "\x00", "\x7f", "\ufeff", "é",
]


def values(depth: int = 2) -> st.SearchStrategy[Any]:
    """Values of every JSON type, with sizes and spellings real plans never hold."""
    scalars = st.one_of(
        st.none(), st.booleans(),
        st.integers(), st.sampled_from([0, -1, 4095, 4096, 2**31, 2**63, 2**64 + 1, -(2**70)]),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=30), st.sampled_from(MALFORMED),
        st.integers(10_000, 200_000).map(lambda n: "9" * n),
        st.integers(10_000, 200_000).map(lambda n: "a." * (n // 2)),
    )
    if depth == 0:
        return scalars
    inner = values(depth - 1)
    return st.one_of(scalars, st.lists(inner, max_size=4),
                     st.dictionaries(st.text(max_size=12), inner, max_size=4))


def _nodes(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path in the data, the root included."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(_nodes(value, (*path, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(_nodes(value, (*path, index)))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    node = data
    for key in path[:-1]:
        node = node[key]
    return node


SPLINTERS = ["[", "]", "\x00", "%", ":", "/", "//", "@", "-", ".", "..", " ", "\n", "#", "é",
             "\ud800", "99999", "0", "/33", ":99999", "[::1]", "${", "*"]


@st.composite
def corrupted(draw: st.DrawFn, text: str) -> str:
    """`text` with a splinter put in, or cut short: a value that is almost right."""
    at = draw(st.integers(0, len(text)))
    if draw(st.booleans()):
        return text[:at]
    return text[:at] + draw(st.sampled_from(SPLINTERS)) + text[at:]


@st.composite
def mutated(draw: st.DrawFn, data: Any) -> Any:
    """`data` after one to six structural mutations (it is changed in place: pass a copy)."""
    for _ in range(draw(st.integers(1, 6))):
        paths = _nodes(data)
        action = draw(st.sampled_from(["drop", "replace", "rename", "duplicate", "empty",
                                       "wrap", "corrupt", "corrupt"]))
        if action == "corrupt":  # aim at text values: that is where almost-right hides
            paths = [p for p in paths if p and isinstance(_parent(data, p)[p[-1]], str)] or paths
        path = draw(st.sampled_from(paths))
        if not path:
            if action == "replace":
                data = draw(values())
            continue
        parent, key = _parent(data, path), path[-1]
        if action == "drop":
            del parent[key]
        elif action == "replace":
            parent[key] = draw(values())
        elif action == "rename" and isinstance(parent, dict):
            parent[draw(st.text(max_size=12) | st.sampled_from(["<<", "zones", ""]))] = \
                parent.pop(key)
        elif action == "duplicate" and isinstance(parent, list):
            parent.insert(key, parent[key])
        elif action == "empty":
            parent[key] = type(parent[key])() if isinstance(parent[key], dict | list) else None
        elif action == "corrupt" and isinstance(parent[key], str):
            parent[key] = draw(corrupted(parent[key]))
        elif action == "wrap":
            parent[key] = draw(st.sampled_from([[parent[key]], {"x": parent[key]}]))
    return data


def serialise(data: Any, suffix: str, style: int) -> bytes:
    """Data as file bytes: JSON for `.cfg`, our YAML emitter or JSON-as-YAML for `.yaml`."""
    if suffix == ".cfg" or style == 0:
        text = json.dumps(data, indent=[None, 1, 4][style % 3])
    else:
        text = to_yaml(data)
    return text.encode("utf-8", "surrogatepass")


# -- byte mutations ----------------------------------------------------------------------------

TOKENS = [b"&a ", b"*a", b"*b", b"!!str ", b"!!int ", b"!!python/object:os.system ", b"!x ",
          b"<<: *a\n", b"? ", b": ", b"- ", b"|\n", b">-\n", b"---\n", b"...\n",
          b"%YAML 1.2\n", b"%TAG ! tag:x,2000:\n", b"{", b"}", b"[", b"]", b",", b'"', b"'",
          b"#", b"\t", b"\r\n", b"\\u", b'"\\ud83d', b"\xef\xbb\xbf", b"\xff", b"\xc3",
          b"null", b"1e999", b"NaN", b"-Infinity", b"0x1F", b"0o17", b".inf"]

@st.composite
def byte_mutated(draw: st.DrawFn, raw: bytes) -> bytes:
    """`raw` truncated, spliced with random bytes or YAML/JSON tokens, or with a slice
    repeated or removed."""
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(raw)))
        action = draw(st.sampled_from(["truncate", "insert", "token", "overwrite", "repeat",
                                       "cut", "random"]))
        if action == "truncate":
            raw = raw[:at]
        elif action == "insert":
            raw = raw[:at] + draw(st.binary(min_size=1, max_size=16)) + raw[at:]
        elif action == "token":
            raw = raw[:at] + draw(st.sampled_from(TOKENS)) + raw[at:]
        elif action == "overwrite":
            patch = draw(st.binary(min_size=1, max_size=8))
            raw = raw[:at] + patch + raw[at + len(patch):]
        elif action == "repeat":
            end = draw(st.integers(at, min(len(raw), at + 200)))
            raw = raw[:end] + raw[at:end] * draw(st.integers(1, 50)) + raw[end:]
        elif action == "cut":
            end = draw(st.integers(at, min(len(raw), at + 200)))
            raw = raw[:at] + raw[end:]
        else:
            raw = draw(st.binary(max_size=512))
    return raw

