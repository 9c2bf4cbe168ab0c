"""Attendees tab: the registrants of a series, paged from the database, with a text filter."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.bootstrap import App
from desktop_app.domain.enums import label
from desktop_app.services import registrants
from desktop_app.services.rows import RegistrantRow
from ui.table_model import Column, RowTableModel
from ui.tabs.common import fit_columns, make_table_view

ATTENDEE_COLUMNS: list[Column[RegistrantRow]] = [
    Column("Last name", lambda r: r.last_name),
    Column("First name", lambda r: r.first_name),
    Column("Email", lambda r: r.email),
    Column("Organisation", lambda r: r.organisation),
    Column("Job title", lambda r: r.job_title),
    Column("Country", lambda r: r.country),
    Column("Consent", lambda r: label(r.consent)),
]

FILTER_DELAY_MS = 150  # wait for a pause in typing before querying


class AttendeesTab(QWidget):
    """Lists registrants a page at a time; the filter box narrows them as you type."""

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._series_id: int | None = None
        self.model: RowTableModel[RegistrantRow] = RowTableModel(ATTENDEE_COLUMNS, self)
        self.view = make_table_view()
        self.view.setModel(self.model)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by name, email, organisation or country")
        self.filter_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self._reload)
        self.filter_edit.textChanged.connect(self._timer.start)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def refresh(self, series_id: int | None) -> None:
        """Show the registrants of a series."""
        self._series_id = series_id
        self._reload()
        fit_columns(self.view, widest=300)

    def _reload(self) -> None:
        """Query the count and the first page for the current series and filter."""
        text, series_id = self.filter_edit.text(), self._series_id
        if series_id is None:
            self.model.set_rows([])
        else:
            total = registrants.count_registrants(self._app.uow(), series_id, text)
            self.model.set_pages(total, lambda offset, limit: registrants.list_registrants(
                self._app.uow(), series_id, text, offset, limit))
        shown = self.model.total()
        self.count_label.setText(f"{shown:,} registrant{'s' if shown != 1 else ''}")
