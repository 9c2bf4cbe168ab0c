"""Python's cycle collector paused around work that makes many objects and no cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """The cycle collector paused while a file is read, parsed, folded or written.

    Such work makes a million objects and no cycles, and each full collection walks all
    of them: a quarter of a 100,000-row import's time went there, and more at a million
    rows. Turned back on after, unless it was off before.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
