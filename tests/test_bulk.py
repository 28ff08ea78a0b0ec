"""The collector pause around bulk builds always gives the collector back."""

from __future__ import annotations

import gc

import pytest

from netplan_cs.model.bulk import paused_gc


def test_pause_restores_the_collector_even_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused_gc():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()


def test_inner_pause_leaves_the_outer_one_in_force() -> None:
    with paused_gc():
        with paused_gc():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
