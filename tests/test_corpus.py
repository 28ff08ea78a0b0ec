"""Every real Marvin config either lints (exit 0 or 1) or fails with a located exit-2 message."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_helpers import run_cli
from tests.conftest import corpus_files, needs_corpus

FILES = corpus_files()
BROKEN_UPSTREAM = {  # invalid JSON upstream, kept in the corpus on purpose
    "apache__cloudstack__test__integration__plugins__storpool__storpool.cfg": (81, 22),
    "apache__cloudstack__tools__devcloud__devcloud_internal-mgt.cfg": (115, 5),
}


@needs_corpus
def test_corpus_is_there() -> None:
    assert len(FILES) == 31


@needs_corpus
@pytest.mark.parametrize("config", FILES, ids=[p.name for p in FILES])
def test_corpus_config_lints_or_fails_located(config: Path) -> None:
    result = run_cli("lint", str(config))
    assert "Traceback" not in result.out + result.err
    assert "internal error" not in result.err
    if config.name in BROKEN_UPSTREAM:
        line, column = BROKEN_UPSTREAM[config.name]
        assert result.code == 2
        assert result.err.startswith(f"{config}:{line}:{column}: error: invalid JSON")
    else:
        assert result.code in (0, 1), result.err
        assert result.err == ""
