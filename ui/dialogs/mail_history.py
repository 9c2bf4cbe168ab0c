"""Mail history of a session: every batch of drafts written for it (kind, when, how many, by
whom, where), with the folder and the addresses of each, so "did we send the reminder?" and
"did Jane get it?" have answers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.bootstrap import App
from desktop_app.domain import timezones
from desktop_app.domain.draft_batches import DraftBatchRow
from desktop_app.domain.mail_kinds import kind_label
from desktop_app.services import draft_batches
from ui.dialogs.sizing import fitting_size
from ui.models.table_model import Column, RowTableModel
from ui.tabs.common import fit_columns, make_table_view


def drafted_at(batch: DraftBatchRow, zone: str) -> str:
    """'Wed 2 Sep 2026 14:05' in the series' home zone."""
    local = timezones.utc_to_local(batch.created_at, zone)
    return f"{local:%a} {local.day} {local:%b %Y %H:%M}"


def batch_line(batch: DraftBatchRow, zone: str) -> str:
    """'Reminder (day before) drafted Wed 2 Sep 2026 for 178 people'."""
    local = timezones.utc_to_local(batch.created_at, zone)
    people = "person" if batch.recipient_count == 1 else "people"
    return (
        f"{kind_label(batch.kind, batch.when)} drafted {local:%a} {local.day} {local:%b %Y} "
        f"for {batch.recipient_count:,} {people}"
    )


def columns(zone: str) -> list[Column[DraftBatchRow]]:
    """The history's columns, times in the series' home zone."""
    return [
        Column("Drafted", lambda b: drafted_at(b, zone)),
        Column("Kind", lambda b: kind_label(b.kind, b.when)),
        Column("People", lambda b: f"{b.recipient_count:,}", align_right=True),
        Column("Template", lambda b: b.template_name),
        Column("From", lambda b: b.sender),
        Column("Folder", lambda b: b.folder, tooltip=lambda b: b.folder),
    ]


class MailHistoryDialog(QDialog):
    """The batches of one session, newest first, and the chosen one's addresses."""

    def __init__(
        self, app: App, session_id: int, title: str, zone: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._app, self._session_id = app, session_id
        self.setWindowTitle(f"Mail history — {title}")
        self.resize(*fitting_size(parent, 900, 520))
        self.model: RowTableModel[DraftBatchRow] = RowTableModel(columns(zone), self)
        self.view = make_table_view()
        self.view.setModel(self.model)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a folder's own name shows
        self.empty_label = QLabel(
            "No mail drafted for this session yet. Use Mail… to write reminders, "
            "confirmations and the like; each batch is listed here."
        )
        self.empty_label.setWordWrap(True)
        self.details_label = QLabel()
        self.details_label.setWordWrap(True)
        self.recipients_edit = QPlainTextEdit()
        self.recipients_edit.setReadOnly(True)
        self.recipients_edit.setAccessibleName("Addresses the drafts were written to")
        self.open_folder_button = QPushButton("&Open folder")
        self.open_folder_button.clicked.connect(self.open_folder)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details_label)
        lower_layout.addWidget(self.recipients_edit, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.view)
        splitter.addWidget(lower)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.view.selectionModel().selectionChanged.connect(self._show_selected)
        self.reload()

    def reload(self) -> None:
        """Read the session's batches again; the newest is shown."""
        rows = draft_batches.list_batches(self._app.uow(), self._session_id)
        self.model.set_rows(rows)
        fit_columns(self.view, widest=260)
        self.empty_label.setVisible(not rows)
        if rows:
            self.view.selectRow(0)
        self._show_selected()

    def selected(self) -> DraftBatchRow | None:
        """The batch chosen in the list."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _show_selected(self) -> None:
        batch = self.selected()
        if batch is None:
            self.details_label.clear()
            self.recipients_edit.clear()
            self.open_folder_button.setEnabled(False)
            return
        there = Path(batch.folder).is_dir()
        where = batch.folder if there else f"{batch.folder} (moved or deleted since)"
        self.details_label.setText(
            f"Written to {where}, from {batch.sender}, with the template “{batch.template_name}”. "
            f"The {batch.recipient_count:,} addresses:"
        )
        addresses = draft_batches.batch_recipients(self._app.uow(), batch.id)
        self.recipients_edit.setPlainText("\n".join(addresses))
        self.open_folder_button.setEnabled(there)

    def open_folder(self) -> None:
        """Show the chosen batch's folder in the system's file manager."""
        batch = self.selected()
        if batch is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(batch.folder))
