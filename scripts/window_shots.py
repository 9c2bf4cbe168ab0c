"""Screenshots of the window's own dialogs (series editor, merge, restore, the question on
closing with unsaved edits), for take_screenshots.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow


def _series(window: MainWindow) -> QWidget | None:
    """Edit series…: title, organiser, home zone and display zones."""
    window.menus.edit_series.trigger()
    return window.series.series_dialog


def _merge(window: MainWindow) -> QWidget | None:
    """Merge… with two registrants selected on the Attendees tab."""
    from ui.tabs.attendees_tab import AttendeesTab

    tab = window.tab(AttendeesTab)
    window.select_tab(tab)
    model, chosen = tab.view.model(), tab.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 1):
        chosen.select(model.index(row, 0), flags)
    tab.merge_selected()
    return tab.merge_dialog


def _restore(window: MainWindow) -> QWidget | None:
    """File › Restore…: the automatic backups with their dates and counts."""
    from desktop_app.services import backup_set

    path = window.app.path if window.app is not None else None
    if path is not None and not backup_set.list_backups(path):  # a fresh demo has none yet
        backup_set.take_backup(path, "daily")
    window.files.care.choose_restore()
    return window.files.care.restore_dialog


def _closing(window: MainWindow) -> QWidget | None:
    """Closing the window with an edited session: Save, Discard or Cancel."""
    from ui.tabs.sessions_tab import SessionsTab

    tab = window.tab(SessionsTab)
    window.select_tab(tab)
    tab.editor.subtitle_edit.setText(tab.editor.subtitle_edit.text() + " (draft)")
    tab.editor.tracker.touch()
    window.close()  # asks, and stays open
    return window.closing.question


def _revert(window: MainWindow) -> None:
    from ui.tabs.sessions_tab import SessionsTab

    window.tab(SessionsTab).editor.revert()


WINDOW_SHOTS: list[
    tuple[str, Callable[[MainWindow], QWidget | None], Callable[[MainWindow], object]]
] = [
    ("series", _series, lambda _window: None),
    ("merge", _merge, lambda _window: None),
    ("restore", _restore, lambda _window: None),
    ("closing-unsaved", _closing, _revert),
]
