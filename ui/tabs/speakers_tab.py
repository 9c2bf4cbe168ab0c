"""Speakers tab: everyone who speaks, an editor, and the sessions each speaks at."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import SpeakerRole, label
from desktop_app.domain.errors import UserError
from desktop_app.domain.records import AppearanceData, SpeakerData
from desktop_app.domain.rows import AppearanceRow, SpeakerRow
from desktop_app.services import sessions, snapshots, speakers
from ui.changes import APPEARANCE, SERIES, SESSION, SPEAKER, Change
from ui.dialogs.confirm import ask_to_delete
from ui.editors.speaker_editor import SpeakerEditor
from ui.edits import Edits
from ui.icons import icon
from ui.models.table_model import Column, RowTableModel
from ui.tabs.common import fit_columns, make_table_view
from ui.tabs.record_list import RecordListTab

SPEAKER_COLUMNS: list[Column[SpeakerRow]] = [
    Column("Name", lambda r: r.name),
    Column("Title", lambda r: r.title),
    Column("Organisation", lambda r: r.organisation),
    Column("Sessions", lambda r: str(r.session_count), align_right=True),
    Column("Email", lambda r: r.email),
]

PART_COLUMNS: list[Column[AppearanceRow]] = [
    Column("Session", lambda r: r.session_title),
    Column("Role", lambda r: label(r.role)),
    Column("Confirmed", lambda r: "Yes" if r.confirmed else "No"),
]


class SpeakersTab(RecordListTab):
    """Lists the speakers of the series; edits the selected one."""

    def __init__(self, edits: Edits, parent: QWidget | None = None) -> None:
        super().__init__(edits, SPEAKER_COLUMNS, parent)
        self._series_id: int | None = None
        self.new_button = QPushButton(icon("add"), "&New speaker")
        self.delete_button = QPushButton(icon("delete"), "Delete…")
        self.new_button.clicked.connect(self.new_speaker)
        self.delete_button.clicked.connect(self.delete_selected)

        self.parts_model: RowTableModel[AppearanceRow] = RowTableModel(PART_COLUMNS, self)
        self.parts_view = make_table_view()
        self.parts_view.setModel(self.parts_model)
        self.session_combo = QComboBox()
        self.session_combo.setAccessibleName("Session")
        self.role_combo = QComboBox()
        self.role_combo.setAccessibleName("Role")
        for role in SpeakerRole:
            self.role_combo.addItem(label(role), role.value)
        self.add_part_button = QPushButton(icon("add"), "Add to session")
        self.add_part_button.clicked.connect(self._add_part)

        parts_box = QWidget()
        parts_layout = QVBoxLayout(parts_box)
        parts_layout.setContentsMargins(0, 0, 0, 0)
        self.parts_title = QLabel("Sessions")
        parts_layout.addWidget(self.parts_title)
        parts_layout.addWidget(self.parts_view)
        add_row = QHBoxLayout()
        add_row.addWidget(self.session_combo, 1)
        add_row.addWidget(self.role_combo)
        add_row.addWidget(self.add_part_button)
        parts_layout.addLayout(add_row)

        self.lay_out(
            "speakersSplitter",
            SpeakerEditor(self._app.data_dir),
            parts_box,
            [self.new_button, self.delete_button],
            [],
            panel_share=1,
        )

    def apply_change(self, change: Change) -> None:
        """Speakers, their parts and the sessions' titles are shown here; people are not."""
        if change.touches(SERIES, SESSION, SPEAKER, APPEARANCE):
            self.show_series(self._series_id)

    def count_text(self) -> str:
        """ "13 speakers" for the status bar."""
        count = self.model.rowCount()
        return f"{count} speaker{'s' if count != 1 else ''}"

    def show_series(self, series_id: int | None) -> None:
        """Show the speakers of a series, keeping the selection."""
        self._series_id = series_id
        self.set_records(
            speakers.list_speakers(self._app.uow(), series_id) if series_id else [], widest=280
        )
        self.new_button.setEnabled(series_id is not None)

    def select_speaker(self, speaker_id: int) -> None:
        """Select a speaker by id."""
        self.select_record(speaker_id)

    def _show(self, row: SpeakerRow | None) -> None:
        # A refresh caused by another edit must not wipe what is being typed here.
        if row is None or not self._editing(row):
            self.editor.load(row)
        parts = speakers.list_appearances(self._app.uow(), speaker_id=row.id) if row else []
        self.parts_model.set_rows(parts)
        fit_columns(self.parts_view)
        self.parts_title.setText(f"Sessions — {row.name}" if row else "Sessions")
        self.session_combo.clear()
        if self._series_id is not None:
            for session in sessions.list_sessions(self._app.uow(), self._series_id):
                self.session_combo.addItem(session.title, session.id)
        self.add_part_button.setEnabled(row is not None and self.session_combo.count() > 0)
        self.delete_button.setEnabled(row is not None)

    def _update(self, record_id: int, data: Any) -> None:
        self._edits.update_speaker(record_id, data, self.editor.version())

    def _describe(self, data: Any) -> str:
        speaker: SpeakerData = data
        return speaker.name

    def new_speaker(self) -> None:
        """Create a speaker and select them for editing."""
        if not self.save_pending():
            return
        new_id = self._edits.create_speaker(SpeakerData("New speaker"))
        self.select_speaker(new_id)
        self.editor.name_edit.setFocus()
        self.editor.name_edit.selectAll()

    def delete_selected(self) -> None:
        """Ask, saying which sessions lose the speaker, then delete."""
        row = self.selected()
        if row is None:
            return
        snap = snapshots.capture(self._app.uow(), "speakers", [row.id])
        hosts = (
            f" and {len(snap.nulled)} After Hours segment(s) lose their host" if snap.nulled else ""
        )
        self.delete_box = ask_to_delete(
            self,
            "Delete speaker",
            f"Delete {row.name}?",
            f"They will be taken off {snap.count('session_speakers')} session part(s){hosts}.",
            lambda: self._delete(row),
        )

    def _delete(self, row: SpeakerRow) -> None:
        self.editor.tracker.reset()
        self._edits.delete_speaker(row)
        self.status_message.emit(f"Deleted {row.name}.")

    def _add_part(self) -> None:
        row, session_id = self.selected(), self.session_combo.currentData()
        if row is None or session_id is None:
            return
        position = len(speakers.list_appearances(self._app.uow(), session_id=session_id))
        try:
            self._edits.add_part(
                int(session_id),
                row.id,
                AppearanceData(SpeakerRole(self.role_combo.currentData()), position),
            )
        except UserError as error:
            self.status_message.emit(f"Cannot add {row.name}: {error}")
