"""Which columns of the Attendees table are shown: chosen from the header's context menu and
remembered between runs."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from ui.models.attendee_model import FIXED_COLUMNS, AttendeeModel

SETTING = "attendees/hiddenColumns"
ALWAYS_SHOWN = "last_name"  # a table with no name column would be no use
# The per-session columns are shown or hidden together, by kind.
SESSION_KINDS = {
    "registered": "Registered (each session)",
    "attended": "Attended (each session)",
    "minutes": "Minutes (each session)",
}


def column_key(sort_key: str) -> str:
    """What a column is remembered by: its field, or its kind for a session's column."""
    return sort_key.partition(":")[0]


class ColumnChooser(QObject):
    """The header's context menu of columns to show, and the hidden set it keeps."""

    def __init__(self, view: QTableView, model: AttendeeModel) -> None:
        super().__init__(view)
        self._view, self._model = view, model
        self.hidden: set[str] = set()
        self.menu: QMenu | None = None
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.open_menu)

    def choices(self) -> list[tuple[str, str]]:
        """(key, text) of every column that can be hidden, in table order."""
        fixed = [(c.sort_key, c.heading) for c in FIXED_COLUMNS if c.sort_key != ALWAYS_SHOWN]
        return fixed + list(SESSION_KINDS.items())

    def open_menu(self, where: QPoint) -> None:
        """Show the menu of columns at a point of the header."""
        menu = self.column_menu()
        menu.popup(self._view.horizontalHeader().mapToGlobal(where))

    def column_menu(self) -> QMenu:
        """The menu of columns, each ticked while shown."""
        menu = QMenu(self._view)
        menu.setTitle("Columns")
        for key, text in self.choices():
            action = QAction(text, menu)
            action.setCheckable(True)
            action.setChecked(key not in self.hidden)
            action.toggled.connect(lambda shown, k=key: self.set_shown(k, shown))
            menu.addAction(action)
        self.menu = menu
        return menu

    def set_shown(self, key: str, shown: bool) -> None:
        """Show or hide a column (or a kind of session column) and remember it."""
        if shown:
            self.hidden.discard(key)
        else:
            self.hidden.add(key)
        QSettings().setValue(SETTING, sorted(self.hidden))
        self.apply()

    def apply(self) -> None:
        """Hide the chosen columns of what the model shows now."""
        for section in range(self._model.columnCount()):
            key = column_key(self._model.column(section).sort_key)
            self._view.setColumnHidden(section, key in self.hidden)

    def restore(self, settings: QSettings) -> None:
        """Take the hidden set remembered from the last run."""
        value = settings.value(SETTING, [])
        names = (
            [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        )
        known = {key for key, _text in self.choices()}
        self.hidden = {str(name) for name in names if str(name) in known}
        self.apply()
