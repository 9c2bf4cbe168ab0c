"""Refuses the one PySide6/Python pairing known to crash the app after a while."""

from __future__ import annotations

import sys

import PySide6

# PySide6 6.12.0 on CPython 3.11 drops a reference to None on every Qt call that returns
# nothing; after a few thousand calls the interpreter aborts ("none_dealloc"). CPython
# 3.12 made None immortal, so the same PySide6 is harmless there.
BROKEN = {((3, 11), "6.12.0")}


def broken_pairing() -> str | None:
    """A sentence describing the installed broken pairing, or None when it is safe."""
    python = sys.version_info[:2]
    if (python, PySide6.__version__) in BROKEN:
        return (
            f"PySide6 {PySide6.__version__} on Python {python[0]}.{python[1]} crashes after "
            "a few thousand calls; install PySide6-Essentials<6.12 or use Python 3.12+ "
            "(reinstall with ./dev run)"
        )
    return None
