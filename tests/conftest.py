"""Shared test helpers: where the samples, rules and the shared corpus live."""

from __future__ import annotations

from pathlib import Path

import pytest

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
