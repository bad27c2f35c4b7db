"""Pausing Python's cyclic garbage collector while footcheck builds what it reads.

The collector rescans every object still alive each time enough new ones are made: while
a reader or the audit builds up a large set of objects, those scans only find them alive.
The two places that pause it say what they gain.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, then restore its previous state.

    Garbage in cycles made meanwhile is not lost: the collector frees it after, as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
