"""The top of the import dialog: the file, the session it goes into (proposed by the report
itself, with a warning when the dates differ), the workbook's sheet and the format."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.import_rows import ImportPreview
from desktop_app.domain.rows import SessionRow
from desktop_app.io.formats import FORMATS
from desktop_app.services import session_match
from ui.dialogs.import_work import Previewed

WARNING_STYLE = "color: #b35c00; font-weight: bold;"


class ImportTarget(QWidget):
    """Where a file goes and how it is read: session, sheet and format pickers."""

    def __init__(self, path: Path, sessions: list[SessionRow], session_id: int | None) -> None:
        super().__init__()
        self._proposal: session_match.Proposal | None = None
        self.session_combo = QComboBox()
        for row in sessions:
            self.session_combo.addItem(f"{row.title} — {row.start_label}", row.id)
        self.session_combo.setCurrentIndex(max(self.session_combo.findData(session_id), 0))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.sheet_combo = QComboBox()
        self.sheet_combo.setAccessibleName("Sheet")
        self.format_combo = QComboBox()
        self.format_combo.addItem("Detect automatically", None)
        for known in FORMATS:
            self.format_combo.addItem(known.label, known.name)
        self.form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        file_label = QLabel(html.escape(str(path)))
        file_label.setWordWrap(True)
        form.addRow("File", file_label)
        session_box = QWidget()
        session_column = QVBoxLayout(session_box)
        session_column.setContentsMargins(0, 0, 0, 0)
        session_column.setSpacing(2)
        session_column.addWidget(self.session_combo)
        session_column.addWidget(self.note)
        session_box.setFocusProxy(self.session_combo)  # Alt+S reaches the combo
        form.addRow("Into &session", session_box)
        form.addRow("S&heet", self.sheet_combo)
        form.addRow("&Format", self.format_combo)
        form.setRowVisible(self.sheet_combo, False)

    def show_session(self, session_id: int, shown: Previewed) -> None:
        """Select the session previewed (the report may have proposed it) and say why it
        was chosen, or warn that the report is from another day."""
        if shown.proposal is not None:
            self._proposal = shown.proposal
        if self.session_combo.currentData() != session_id:
            self.session_combo.blockSignals(True)  # already previewed: no second look
            self.session_combo.setCurrentIndex(self.session_combo.findData(session_id))
            self.session_combo.blockSignals(False)
        proposal = self._proposal
        if shown.date_warning:
            note, style = f"{shown.date_warning} Check that this is the session.", WARNING_STYLE
        elif proposal is not None and proposal.session_id == session_id:
            note, style = f"This is the report's session ({proposal.reason}).", ""
        else:
            note, style = "", ""
        self.note.setStyleSheet(style)
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def show_sheets(self, preview: ImportPreview) -> str | None:
        """Offer a workbook's sheets (the one read chosen; hidden for one sheet or a CSV);
        returns the sheet read."""
        sheets = list(preview.sheets)
        self.sheet_combo.blockSignals(True)
        if [self.sheet_combo.itemText(i) for i in range(self.sheet_combo.count())] != sheets:
            self.sheet_combo.clear()
            self.sheet_combo.addItems(sheets)
        self.sheet_combo.setCurrentText(preview.parsed.sheet)
        self.sheet_combo.blockSignals(False)
        self.form.setRowVisible(self.sheet_combo, len(sheets) > 1)
        return preview.parsed.sheet or None
