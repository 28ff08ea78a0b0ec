"""Building many small objects at once without paying for the cyclic garbage collector."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run a bulk build of acyclic objects (imported data, plan models) with the collector off.

    Every few hundred allocations Python runs a collection, and as the heap grows the
    full ones traverse all of it, the source tree included: at 40,000 address items
    that was most of the import and the model build. Reference counting still frees
    everything; any cycle made meanwhile is found by the first collection after.
    A pause inside a pause leaves the collector off until the outer one ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
