"""What the window asks of every tab: show a series, follow changes, save, delete, remember."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QTableView, QWidget

from ui.changes import Change
from ui.edits import Edits


class TabPage(QWidget):
    """A page of the main window's tabs; the window talks to its tabs only through this."""

    status_message = Signal(str)
    dirty_changed = Signal(bool)  # a form on the page holds unsaved edits (or no longer)
    counts_changed = Signal()  # what count_text() says changed outside show_series
    import_requested = Signal()  # an empty list's "Import registrations…" button
    export_requested = Signal(list)  # export these registrants (ids) for a partner
    view: QTableView  # the tab's main table (Edit › Delete acts on it)

    def __init__(self, edits: Edits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edits = edits
        self._app = edits.app

    def show_series(self, series_id: int | None) -> None:
        """Show this series (None: no series); called when the user picks another."""
        raise NotImplementedError

    def apply_change(self, change: Change) -> None:
        """Bring what is shown up to date after a change, reloading only what it touched."""
        raise NotImplementedError

    def count_text(self) -> str:
        """What the status bar says about this tab ("4 sessions"), or ""."""
        return ""

    def has_unsaved(self) -> bool:
        """True while a form on the page holds edits not saved yet."""
        return False

    def save_pending(self) -> bool:
        """Save unsaved edits; False (with the problem shown) when they are refused."""
        return True

    def delete_selected(self) -> None:
        """Edit › Delete: ask, then delete what is selected."""

    def save_state(self, settings: QSettings) -> None:
        """Remember splitters and the like when the window closes."""

    def restore_state(self, settings: QSettings) -> None:
        """Restore what save_state remembered."""

    def shutdown(self) -> None:
        """Stop background work before the database closes."""
