"""netplan-cs benchmarks: whole-process timings printed as ratios measured in the same run.

    python benchmarks/run.py [--runs 5]

Each figure is the median of several runs of a fresh process, compared with a floor
measured the same way on the same machine, the two taking turns run after run, so
machine noise cancels out. netplan-cs's modules and rules are compiled to bytecode
first, as pip does when it installs the wheel (a checkout run with
PYTHONDONTWRITEBYTECODE would otherwise compile them again in every process).

Targets (issue "Performance"):

  lint / json.load floor at 40,000 address items   <= 4x (Marvin JSON), <= 6x (YAML)
  growth 4,000 -> 40,000 items (start-up removed)   <= 12x  (n log n, not n^2)
  all-pairs netaddr overlap check / our sweep        >= 50x at 5,000 ranges
  netplan-cs --version / import of the libraries    <= 1.3x
  3,000 identical ranges in one zone                 seconds, <= 1 finding per range
  peak memory at 40,000 items                        < 500 MB
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import netaddr  # noqa: E402

import netplan_cs  # noqa: E402
from benchmarks.generate import (  # noqa: E402
    adversarial_plan,
    native_plan,
    repeated_hosts_plan,
    write_plan,
)
from netplan_cs.engine.registry import builtin_rules_dir  # noqa: E402
from netplan_cs.facts.addresses import Span, sweep  # noqa: E402

PYTHON = sys.executable
CLI = [PYTHON, "-m", "netplan_cs"]
LOAD = "import json,sys; json.load(open(sys.argv[1]))"
LIBRARIES = "import pydantic, typer, netaddr, tabulate"
# Reading the plan and validating it into the pydantic model: what any lint must do first.
MODEL = ("import json,sys; from netplan_cs.model.plan import Plan; "
         "Plan.model_validate(json.load(open(sys.argv[1])))")


def compile_bytecode() -> None:
    """Write the .pyc files a wheel install would have, so no run pays for compiling."""
    for folder in (Path(netplan_cs.__file__).parent, builtin_rules_dir()):
        compileall.compile_dir(folder, quiet=1)


def timed(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command in fresh processes. The commands take turns, run
    after run, so a machine that slows down mid-benchmark slows every figure alike."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           check=False, cwd=HERE.parent)
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(times) for name, times in samples.items()}


def peak_memory_mb(command: list[str]) -> float:
    """Peak resident memory of one run of `command` (its own child process)."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], "
            "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([PYTHON, "-c", code, *command], capture_output=True, text=True,
                         check=True, cwd=HERE.parent)
    return int(out.stdout.strip()) / 1024


def in_process(function: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def random_ranges(count: int, seed: int = 7) -> list[tuple[int, int]]:
    """`count` ranges of 1-64 addresses scattered over a /16: some overlap, most do not."""
    import random

    chooser = random.Random(seed)
    base = int(netaddr.IPAddress("10.20.0.0"))
    ranges = []
    for _ in range(count):
        first = base + chooser.randrange(65_000)
        ranges.append((first, first + chooser.randrange(64)))
    return ranges


def all_pairs(ranges: list[netaddr.IPRange]) -> int:
    """The straightforward check (tripleo-validations, Fuel): every pair of netaddr ranges."""
    found = 0
    for i, left in enumerate(ranges):
        for right in ranges[i + 1:]:
            if left.first <= right.last and right.first <= left.last:
                found += 1
    return found


def our_sweep(ranges: list[tuple[int, int]]) -> int:
    """netplan-cs's address index sweep over the same ranges."""
    spans = [Span(first, last, "public range", "", ("zones", 0, "public_ranges", i))
             for i, (first, last) in enumerate(ranges)]
    return sum(overlap.count for overlap in sweep(spans))


def row(label: str, value: float, target: str, ok: bool, detail: str = "") -> None:
    mark = "ok  " if ok else "MISS"
    print(f"{mark} {label:<58} {value:>8.2f}  target {target:<8} {detail}")


def info(label: str, value: float, detail: str) -> None:
    print(f"info {label:<58} {value:>8.2f}  (no target) {detail}")


def scale_plans(folder: Path, pods: int) -> tuple[Path, Path, Path]:
    """The plan at a scale: native YAML, Marvin .cfg, and the native plan as JSON (floor)."""
    plan = native_plan(10, pods, 9, 10, 5)
    base = folder / f"plan-{pods}"
    write_plan(plan, base)
    floor = base.with_suffix(".json")
    floor.write_text(json.dumps(plan), encoding="utf-8")
    return base.with_suffix(".yaml"), base.with_suffix(".cfg"), floor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = args.runs
    compile_bytecode()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"{runs} runs per figure (median)\n")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        yaml_40k, cfg_40k, json_40k = scale_plans(folder, 400)
        _, cfg_4k, _ = scale_plans(folder, 40)

        t = timed({
            "floor_cfg": [PYTHON, "-c", LOAD, str(cfg_40k)],
            "floor_json": [PYTHON, "-c", LOAD, str(json_40k)],
            "lint_cfg": [*CLI, "lint", str(cfg_40k)],
            "lint_yaml": [*CLI, "lint", str(yaml_40k)],
            "floor_libs": [PYTHON, "-c", f"{LIBRARIES}; {LOAD}", str(cfg_40k)],
            "least": [PYTHON, str(HERE / "floor.py"), str(json_40k)],
            "modelled": [PYTHON, "-c", f"{LIBRARIES}; {MODEL}", str(json_40k)],
            "startup": [*CLI, "--version"],
            "lint_4k": [*CLI, "lint", str(cfg_4k)],
            "libraries": [PYTHON, "-c", LIBRARIES],
        }, runs)
        lint_cfg, lint_yaml, floor_cfg, floor_json = (
            t["lint_cfg"], t["lint_yaml"], t["floor_cfg"], t["floor_json"])
        row("lint Marvin JSON 40k items / json.load floor", lint_cfg / floor_cfg, "<= 4x",
            lint_cfg / floor_cfg <= 4, f"({lint_cfg:.2f}s vs {floor_cfg:.2f}s)")
        row("lint native YAML 40k items / json.load floor", lint_yaml / floor_json, "<= 6x",
            lint_yaml / floor_json <= 6, f"({lint_yaml:.2f}s vs {floor_json:.2f}s)")
        # Not targets of the issue: the same floor plus what no pydantic-based lint can skip
        # (importing the libraries, validating a model), to show what the work on top costs.
        info("lint Marvin JSON / (library imports + json.load)", lint_cfg / t["floor_libs"],
             f"({lint_cfg:.2f}s vs {t['floor_libs']:.2f}s)")
        info("least pydantic lint (imports, load, plainest model) / floor",
             t["least"] / floor_json, f"({t['least']:.2f}s vs {floor_json:.2f}s; floor.py)")
        info("imports, load and netplan-cs's model (no rule) / floor",
             t["modelled"] / floor_json, f"({t['modelled']:.2f}s vs {floor_json:.2f}s)")

        startup, lint_4k = t["startup"], t["lint_4k"]
        growth = (lint_cfg - startup) / max(lint_4k - startup, 1e-3)
        row("growth 4,000 -> 40,000 items (start-up subtracted)", growth, "<= 12x",
            growth <= 12, f"({lint_4k:.2f}s -> {lint_cfg:.2f}s, start-up {startup:.2f}s)")
        libraries = t["libraries"]
        row("start-up: --version / import of the libraries", startup / libraries, "<= 1.3x",
            startup / libraries <= 1.3, f"({startup:.3f}s vs {libraries:.3f}s)")

        pairs = random_ranges(5000)
        objects = [netaddr.IPRange(first, last) for first, last in pairs]
        brute = in_process(lambda: all_pairs(objects), 1)
        ours = in_process(lambda: our_sweep(pairs), runs)
        assert all_pairs(objects) == our_sweep(pairs), "the sweep and all pairs disagree"
        row("all-pairs netaddr check / our sweep, 5,000 ranges", brute / ours, ">= 50x",
            brute / ours >= 50, f"({brute:.2f}s vs {ours:.3f}s)")

        identical = folder / "identical"
        write_plan(adversarial_plan(3000, nested=False), identical)
        start = time.perf_counter()
        result = subprocess.run([*CLI, "lint", "--format", "json", str(identical) + ".yaml"],
                                capture_output=True, text=True, check=False, cwd=HERE.parent)
        elapsed = time.perf_counter() - start
        findings = json.loads(result.stdout)["findings"] if result.stdout else []
        per_range = len(findings) / 3000
        row("3,000 identical ranges: seconds", elapsed, "seconds", elapsed < 10,
            f"({len(findings)} findings, {per_range:.2f} per range)")

        repeated = folder / "repeated"
        write_plan(repeated_hosts_plan(10, 400, 9), repeated)
        sarif = [*CLI, "lint", "--format", "sarif", str(repeated) + ".cfg"]
        start = time.perf_counter()
        report = subprocess.run(sarif, capture_output=True, text=True, check=False,
                                cwd=HERE.parent)
        elapsed = time.perf_counter() - start
        results = len(json.loads(report.stdout)["runs"][0]["results"]) if report.stdout else 0
        info("every host repeated, SARIF report: seconds", elapsed,
             f"({results} findings, peak {peak_memory_mb(sarif):.0f} MB)")

        memory = peak_memory_mb([*CLI, "lint", str(yaml_40k)])
        row("peak memory at 40,000 items, MB", memory, "< 500", memory < 500)


if __name__ == "__main__":
    main()
