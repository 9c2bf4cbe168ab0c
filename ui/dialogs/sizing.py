"""Dialog sizes that fit: the size a dialog wants, but never larger than the window it
belongs to or the screen, so its buttons stay in sight on a 1024×640 laptop."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

MARGIN = 40  # pixels of the window left around a dialog that would otherwise fill it


def fitting_size(parent: QWidget | None, width: int, height: int) -> tuple[int, int]:
    """The wanted size, but no larger than the parent's window less a margin."""
    window = parent.window() if parent is not None else None
    if window is None:
        return width, height
    return min(width, window.width() - MARGIN), min(height, window.height() - MARGIN)


def fit_size(dialog: QWidget, width: int, height: int) -> None:
    """Resize dialog to width×height, shrunk to the main window it belongs to and the
    screen."""
    limits = []
    parent = dialog.parentWidget()
    if parent is not None:
        main = parent.window()
        above = main.parentWidget()
        while above is not None:  # a dialog opened from a dialog: the main window
            main = above.window()
            above = main.parentWidget()
        limits.append(main.size())
    screen = (parent or dialog).screen()
    if screen is not None:
        limits.append(screen.availableGeometry().size())
    for limit in limits:
        width, height = min(width, limit.width()), min(height, limit.height())
    dialog.resize(width, height)
