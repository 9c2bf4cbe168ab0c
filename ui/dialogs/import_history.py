"""Import history: every file imported, into which session, and Undo import for a whole
batch."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.bootstrap import App
from desktop_app.domain.errors import UserError
from desktop_app.domain.import_rows import BatchRow
from desktop_app.domain.timezones import day_label
from desktop_app.domain.wording import plural
from desktop_app.io.formats import FORMATS
from desktop_app.services import imports, sessions
from ui.dialogs.sizing import fit_size
from ui.models.table_model import Column, RowTableModel
from ui.tabs.common import fit_columns, make_table_view

FORMAT_LABELS = {known.name: known.label for known in FORMATS}


def when(moment: datetime | None) -> str:
    """'Wed 2 Sep 2026' over '14:05', in this computer's time ('' for none)."""
    if moment is None:
        return ""
    local = moment.astimezone()
    return f"{day_label(local.date())}\n{local:%H:%M}"


def columns(session_of: Callable[[int | None], str]) -> list[Column[BatchRow]]:
    """The history's columns, two lines high so they fit 1024 pixels: the file over its
    format's name, the session's title over its date (session_of says them)."""
    return [
        Column("Imported", lambda b: when(b.imported_at)),
        Column("File and format", lambda b: f"{b.file_name}\n{format_label(b.format)}"),
        Column("Session", lambda b: session_of(b.session_id)),
        Column("Rows", lambda b: f"{b.rows_total:,}", align_right=True),
        Column("New people", lambda b: f"{b.registrants_created:,}", align_right=True),
        Column("Updated", lambda b: f"{b.registrants_updated:,}", align_right=True),
        Column("Skipped", lambda b: f"{b.rows_skipped:,}", align_right=True),
        Column("Undone", lambda b: when(b.undone_at)),
    ]


def format_label(name: str) -> str:
    """A format's name as the user knows it ('Zoom webinar attendee report')."""
    return FORMAT_LABELS.get(name, name)


class ImportHistoryDialog(QDialog):
    """Lists imports, newest first; Undo import takes one back as a whole."""

    undone = Signal(int)

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.setWindowTitle("Import history")
        fit_size(self, 940, 420)
        self._sessions: dict[int, str] = {}
        self.model: RowTableModel[BatchRow] = RowTableModel(columns(self.session_name), self)
        self.view = make_table_view()
        self.view.setModel(self.model)
        self.undo_button = QPushButton("&Undo import…")
        self.undo_button.clicked.connect(self.ask_undo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.view.selectionModel().selectionChanged.connect(self._update)
        self.reload()

    def reload(self) -> None:
        """Read the history again."""
        # A start label begins with the home zone's date: "Wed 18 Aug 2021 · 10:00 PT / …".
        self._sessions = {
            row.id: f"{row.title}\n{row.start_label.partition(' · ')[0]}"
            for row in sessions.list_sessions(self._app.uow())
        }
        self.model.set_rows(imports.list_batches(self._app.uow()))
        fit_columns(self.view, widest=240)
        self.view.resizeRowsToContents()
        self._update()

    def session_name(self, session_id: int | None) -> str:
        """The session a batch went into, or why it cannot be named."""
        if session_id is None:
            return "(session deleted)"
        return self._sessions.get(session_id, "(session deleted)")

    def selected(self) -> BatchRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update(self) -> None:
        batch = self.selected()
        self.undo_button.setEnabled(batch is not None and batch.undone_at is None)

    def ask_undo(self) -> None:
        """Confirm, then undo the selected import."""
        batch = self.selected()
        if batch is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Undo import",
            f"Undo the import of {batch.file_name}?",
            parent=self,
        )
        together = ""
        if batch.together:
            sessions_count = plural(len(batch.together) + 1, "session")
            together = (
                f"This file went into {sessions_count} at once; it is taken back from all of them. "
            )
        box.setInformativeText(
            f"{together}Its {batch.registrations_created:,} registrations are removed, the "
            f"{batch.registrants_updated:,} people it updated get their earlier details back, "
            f"and the {batch.registrants_created:,} people it added are removed unless they "
            "have registered for something else since."
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText("Undo import")
        box.finished.connect(lambda result: self._answered(result, batch.id))
        self.question = box
        box.open()

    def _answered(self, result: int, batch_id: int) -> None:
        if result == QMessageBox.StandardButton.Yes:
            self.undo(batch_id)

    def undo(self, batch_id: int) -> None:
        """Undo one import and show the result."""
        try:
            kept = imports.undo_import(self._app.uow(), batch_id)
        except UserError as error:
            box = QMessageBox(QMessageBox.Icon.Warning, "Undo import", str(error), parent=self)
            self.warning = box
            box.open()
            return
        self.reload()
        self.undone.emit(batch_id)
        if kept:  # never take back a colleague's later change: say what stayed
            box = QMessageBox(
                QMessageBox.Icon.Information,
                "Undo import",
                f"The import was undone. {kept:,} record(s) changed since it (by a "
                "colleague or a later import) were left as they are.",
                parent=self,
            )
            self.warning = box
            box.open()
