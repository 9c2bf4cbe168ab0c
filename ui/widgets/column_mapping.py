"""The import dialog's column mapping: one field picker per heading of the file; and how each
column of dates was read (day or month first), switchable where no value settles it."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QWidget

from desktop_app.domain.dates import DAY_FIRST, MONTH_FIRST
from desktop_app.domain.import_rows import DateColumn, ParsedFile

# What each field of an import is called on screen ("" ignores the column); a test checks
# that these are exactly the fields the importer knows.
FIELD_LABELS = {
    "": "(ignore)",
    "email": "Email",
    "first_name": "First name",
    "last_name": "Last name",
    "full_name": "Full name (split)",
    "organisation": "Organisation",
    "job_title": "Job title",
    "city": "City",
    "country": "Country",
    "sector": "Sector",
    "consent": "Consent to share",
    "registered_at": "Registered at",
    "status": "Status / approval",
    "attended": "Attended",
    "join_time": "Join time",
    "leave_time": "Leave time",
    "minutes": "Minutes in session",
}
ORDER_LABELS = {
    DAY_FIRST: "Day first (31/12/2026)",
    MONTH_FIRST: "Month first (12/31/2026)",
}


class ColumnMapping(QGroupBox):
    """Shows which field each column was taken as; lets the user change it where allowed."""

    changed = Signal()  # the user mapped a column to another field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Columns", parent)
        self.grid = QGridLayout(self)
        for column in (0, 2):  # headings share the width; the pickers keep theirs
            self.grid.setColumnStretch(column, 1)
        self.combos: dict[int, QComboBox] = {}

    def show_file(self, parsed: ParsedFile, editable: bool, format_label: str) -> None:
        """One picker per heading; disabled where the format's layout fixes the columns."""
        clear(self.grid)
        fixed = "" if editable else f" (fixed by the layout of a {format_label})"
        self.setTitle(f"Columns{fixed}")
        self.combos = {}
        for index, heading in enumerate(parsed.header):
            if not heading.strip():
                continue
            combo = QComboBox()
            for key, text in FIELD_LABELS.items():
                combo.addItem(text, key)
            combo.setCurrentIndex(combo.findData(parsed.columns.get(index, "")))
            combo.setEnabled(editable)
            combo.currentIndexChanged.connect(self.changed)
            combo.setAccessibleName(f"Field for column {heading}")
            row, column = divmod(len(self.combos), 2)
            label = QLabel(html.escape(heading))
            label.setWordWrap(True)  # a form's question as heading can be a long sentence
            label.setToolTip(heading)
            self.grid.addWidget(label, row, column * 2)
            self.grid.addWidget(combo, row, column * 2 + 1)
            self.combos[index] = combo

    def columns(self) -> dict[int, str]:
        """The mapping as chosen: column position -> field (ignored columns left out)."""
        return {
            index: str(combo.currentData())
            for index, combo in self.combos.items()
            if combo.currentData()
        }


class DateOrders(QWidget):
    """A line per column of dates: how it was read and why, with a day/month switch where
    no value settles the order (or the user already chose)."""

    changed = Signal()  # the user switched a column's date order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 1)
        self.order_combos: dict[int, QComboBox] = {}
        self.date_notes: dict[int, QLabel] = {}
        self._dates: dict[int, DateColumn] = {}

    def show_columns(self, columns: list[DateColumn]) -> None:
        """Show how each column of dates was read; hidden when the file has none."""
        clear(self.grid)
        self.order_combos, self.date_notes = {}, {}
        self._dates = {column.index: column for column in columns}
        for row, column in enumerate(columns):
            note = QLabel(html.escape(column.describe()))
            note.setWordWrap(True)
            self.date_notes[column.index] = note
            self.grid.addWidget(note, row, 0)
            if column.ambiguous or column.chosen:
                combo = QComboBox()
                for order, text in ORDER_LABELS.items():
                    combo.addItem(text, order)
                combo.setCurrentIndex(combo.findData(column.order))
                combo.setAccessibleName(f"Date order of {column.heading}")
                combo.currentIndexChanged.connect(self.changed)
                self.order_combos[column.index] = combo
                self.grid.addWidget(combo, row, 1)
        self.setVisible(bool(columns))

    def date_orders(self) -> dict[int, str]:
        """The date orders the user chose (switched now or before); the rest stay as read."""
        return {
            index: str(combo.currentData())
            for index, combo in self.order_combos.items()
            if self._dates[index].chosen or combo.currentData() != self._dates[index].order
        }


def clear(grid: QGridLayout) -> None:
    """Remove and delete every widget of a grid."""
    while grid.count():
        item = grid.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
