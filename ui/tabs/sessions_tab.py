"""Sessions tab: the sessions of a series in date order, and who speaks at the selected one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from desktop_app.bootstrap import App
from desktop_app.domain.enums import label
from desktop_app.services import sessions, speakers
from desktop_app.services.rows import AppearanceRow, SessionRow
from ui.table_model import Column, RowTableModel
from ui.tabs.common import fit_columns, make_table_view


def _after_hours(row: SessionRow) -> str:
    if not row.after_hours_minutes:
        return ""
    host = f" · {row.after_hours_host_name}" if row.after_hours_host_name else ""
    return f"{row.after_hours_minutes} min{host}"


SESSION_COLUMNS: list[Column[SessionRow]] = [
    Column("Start", lambda r: r.start_label),
    Column("Title", lambda r: r.title, tooltip=lambda r: r.subtitle),
    Column("Kind", lambda r: label(r.kind)),
    Column("Status", lambda r: label(r.status)),
    Column("Minutes", lambda r: str(r.duration_minutes), align_right=True),
    Column("Registered", lambda r: f"{r.registered:,}", align_right=True),
    Column("Attended", lambda r: f"{r.attended:,}", align_right=True),
    Column("After Hours", _after_hours),
]

ROSTER_COLUMNS: list[Column[AppearanceRow]] = [
    Column("#", lambda r: str(r.position + 1), align_right=True),
    Column("Speaker", lambda r: r.speaker_name),
    Column("Role", lambda r: label(r.role)),
    Column("Confirmed", lambda r: "Yes" if r.confirmed else "No"),
    Column("Title", lambda r: r.speaker_title),
    Column("Organisation", lambda r: r.speaker_organisation),
]


class SessionsTab(QWidget):
    """Lists sessions; selecting one shows its speakers below."""

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.model: RowTableModel[SessionRow] = RowTableModel(SESSION_COLUMNS, self)
        self.roster_model: RowTableModel[AppearanceRow] = RowTableModel(ROSTER_COLUMNS, self)
        self.view = make_table_view()
        self.view.setModel(self.model)
        self.roster_view = make_table_view()
        self.roster_view.setModel(self.roster_model)
        self.roster_title = QLabel("Select a session to see its speakers.")
        self.roster_title.setObjectName("sectionTitle")

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 8, 0, 0)
        lower_layout.addWidget(self.roster_title)
        lower_layout.addWidget(self.roster_view)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.view.selectionModel().currentRowChanged.connect(self._show_roster)

    def refresh(self, series_id: int | None) -> None:
        """Reload the sessions of a series, keeping the selected session when it remains."""
        current = self.view.currentIndex()
        selected = self.model.row_at(current.row()).id if current.isValid() else None
        rows = sessions.list_sessions(self._app.uow(), series_id) if series_id else []
        self.model.set_rows(rows)
        fit_columns(self.view)
        ids = [r.id for r in rows]
        if rows:
            self.view.selectRow(ids.index(selected) if selected in ids else 0)
        else:
            self._show_roster()

    def _show_roster(self) -> None:
        """Show the speakers of the selected session."""
        current = self.view.currentIndex()
        if not current.isValid():
            self.roster_model.set_rows([])
            self.roster_title.setText("Select a session to see its speakers.")
            return
        session = self.model.row_at(current.row())
        parts = speakers.list_appearances(self._app.uow(), session_id=session.id)
        self.roster_model.set_rows(parts)
        fit_columns(self.roster_view)
        self.roster_title.setText(f"Speakers — {session.title}")
