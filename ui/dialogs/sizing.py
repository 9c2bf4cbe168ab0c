"""Dialog sizes that fit the window they open over, down to a 1024×640 one."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

MARGIN = 40  # pixels of the window left around a dialog that would otherwise fill it


def fitting_size(parent: QWidget | None, width: int, height: int) -> tuple[int, int]:
    """The wanted size, but no larger than the parent's window less a margin."""
    window = parent.window() if parent is not None else None
    if window is None:
        return width, height
    return min(width, window.width() - MARGIN), min(height, window.height() - MARGIN)
