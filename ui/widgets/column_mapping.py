"""The import dialog's column mapping: one field picker per heading of the file."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QWidget

from desktop_app.domain.import_rows import ParsedFile

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


class ColumnMapping(QGroupBox):
    """Shows which field each column was taken as; lets the user change it where allowed."""

    changed = Signal()  # the user mapped a column to another field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Columns", parent)
        self.grid = QGridLayout(self)
        self.combos: dict[int, QComboBox] = {}

    def show_file(self, parsed: ParsedFile, editable: bool, format_label: str) -> None:
        """One picker per heading; disabled where the format's layout fixes the columns."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
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
            self.grid.addWidget(QLabel(html.escape(heading)), row, column * 2)
            self.grid.addWidget(combo, row, column * 2 + 1)
            self.combos[index] = combo

    def columns(self) -> dict[int, str]:
        """The mapping as chosen: column position -> field (ignored columns left out)."""
        return {
            index: str(combo.currentData())
            for index, combo in self.combos.items()
            if combo.currentData()
        }
