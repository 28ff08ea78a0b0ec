"""Shared test helpers: where the samples, rules and the shared corpus live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "marvin"


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.cfg")) if CORPUS.is_dir() else []


needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason="../shared/corpus is absent (a user's clone); corpus tests skip")
needs_shared = pytest.mark.skipif(
    not (SHARED / "RULES.md").is_file(), reason="../shared/RULES.md is absent (a user's clone)")


# -- hypothesis: a modest, repeatable budget in the normal suite; `--fuzz-long` for hours -----
settings.register_profile("ci", max_examples=100, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz-long", max_examples=5_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("NETPLAN_CS_HYPOTHESIS_PROFILE", "ci"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--fuzz-long", action="store_true",
                     help="run the fuzz and property tests with 5000 random examples each "
                     "(hypothesis profile `fuzz-long`; NETPLAN_CS_HYPOTHESIS_PROFILE=fuzz-long "
                     "does the same)")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--fuzz-long"):
        settings.load_profile("fuzz-long")
