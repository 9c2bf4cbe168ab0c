"""Speakers tab: everyone who speaks in the series, with title and organisation."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.bootstrap import App
from desktop_app.services import speakers
from desktop_app.services.rows import SpeakerRow
from ui.table_model import Column, RowTableModel
from ui.tabs.common import fit_columns, make_table_view

SPEAKER_COLUMNS: list[Column[SpeakerRow]] = [
    Column("Name", lambda r: r.name),
    Column("Title", lambda r: r.title),
    Column("Organisation", lambda r: r.organisation),
    Column("Sessions", lambda r: str(r.session_count), align_right=True),
    Column("Email", lambda r: r.email),
]


class SpeakersTab(QWidget):
    """Lists the speakers of the selected series."""

    def __init__(self, app: App, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.model: RowTableModel[SpeakerRow] = RowTableModel(SPEAKER_COLUMNS, self)
        self.view = make_table_view()
        self.view.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)

    def refresh(self, series_id: int | None) -> None:
        """Reload the speakers of a series."""
        rows = speakers.list_speakers(self._app.uow(), series_id) if series_id else []
        self.model.set_rows(rows)
        fit_columns(self.view)
