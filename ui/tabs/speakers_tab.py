"""Speakers tab: everyone who speaks, an editor, and the sessions each speaks at."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
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
from desktop_app.domain.wording import plural
from desktop_app.services import sessions, snapshots, speakers
from ui.changes import APPEARANCE, SERIES, SESSION, SPEAKER, Change
from ui.dialogs.confirm import ask_to_delete
from ui.editors.speaker_editor import SpeakerEditor
from ui.edits import Edits
from ui.icons import icon
from ui.models.table_model import Column, RowTableModel
from ui.tabs import mail_openers
from ui.tabs.common import fit_columns, make_table_view
from ui.tabs.empty_state import EmptyState
from ui.tabs.record_list import RecordListTab

# Sessions and Email before the long job titles, so that a 1280-pixel window shows them.
SPEAKER_COLUMNS: list[Column[SpeakerRow]] = [
    Column("Name", lambda r: r.name),
    Column("Organisation", lambda r: r.organisation, tooltip=lambda r: r.organisation),
    Column("Sessions", lambda r: str(r.session_count), align_right=True),
    Column("Email", lambda r: r.email),
    Column("Title", lambda r: r.title, tooltip=lambda r: r.title),
]
WIDEST = 220  # pixels; longer organisations are elided (the tooltip has them whole)

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
        self.mail_button = QPushButton("&Mail…")
        self.mail_button.setToolTip(
            "Write a mail draft to this speaker about one of their sessions"
        )
        self.mail_button.clicked.connect(self.open_mail)

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

        self.which_combo = QComboBox()
        self.which_combo.setAccessibleName("Which speakers")
        self.which_combo.addItem("Speakers of this series", False)
        self.which_combo.addItem("Not in any series", True)
        self.which_combo.setToolTip(
            "Speakers who have no part in any session of any series (left from a series "
            "deleted since): select them to delete them."
        )
        self.which_combo.currentIndexChanged.connect(lambda: self.show_series(self._series_id))
        self.lay_out(
            "speakersSplitter",
            SpeakerEditor(self._app.data_dir),
            parts_box,
            [self.new_button, self.delete_button, self.mail_button],
            [self.which_combo],
            panel_share=1,
            empty=EmptyState(
                "No speakers yet",
                "Add the people who speak in this series; then give each a part in a "
                "session from the Sessions tab or the list beside their details.",
                "New speaker",
                self.new_speaker,
                "add",
            ),
        )
        self.context_actions: list[QAction] = []
        for text, slot in (("Mail…", self.open_mail), ("Calendar file…", self.open_calendar)):
            action = QAction(text, self.view)
            action.triggered.connect(slot)
            self.view.addAction(action)
            self.context_actions.append(action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def apply_change(self, change: Change) -> None:
        """Speakers, their parts and the sessions' titles are shown here; people are not."""
        if change.touches(SERIES, SESSION, SPEAKER, APPEARANCE):
            self.show_series(self._series_id)

    def count_text(self) -> str:
        """ "13 speakers" for the status bar."""
        return plural(self.model.rowCount(), "speaker")

    def showing_no_series(self) -> bool:
        """True while the list shows the speakers in no series."""
        return bool(self.which_combo.currentData())

    def show_series(self, series_id: int | None) -> None:
        """Show the speakers of a series (or those in no series), keeping the selection."""
        self._series_id = series_id
        if self.showing_no_series():
            rows = speakers.list_speakers(self._app.uow(), in_no_series=True)
        else:
            rows = speakers.list_speakers(self._app.uow(), series_id) if series_id else []
        self.set_records(rows, widest=WIDEST)
        self.new_button.setEnabled(series_id is not None)

    def offers_new(self) -> bool:
        """An empty list of the series' speakers offers a new one."""
        return self._series_id is not None and not self.showing_no_series()

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
        widgets: list[QWidget | QAction] = [self.mail_button, *self.context_actions]
        for widget in widgets:
            widget.setEnabled(row is not None and self._series_id is not None)

    def open_mail(self) -> None:
        """Write a mail draft to the selected speaker about one of their sessions."""
        row = self.selected()
        if row is None or self._series_id is None or not self.save_pending():
            return
        row = speakers.get_speaker(self._app.uow(), row.id)  # the address just saved
        chosen = self.parts_view.currentIndex()
        session_id = self.parts_model.row_at(chosen.row()).session_id if chosen.isValid() else None
        self.mail_dialog = mail_openers.open_mail(
            self, self._edits, self._series_id, session_id, row
        )

    def open_calendar(self) -> None:
        """Write a calendar file of the selected speaker's holds."""
        row = self.selected()
        if row is not None and self._series_id is not None and self.save_pending():
            self.calendar_dialog = mail_openers.open_calendar(
                self, self._edits, self._series_id, speaker_id=row.id
            )

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
            f" and {plural(len(snap.nulled), 'After Hours segment')} lose their host"
            if snap.nulled
            else ""
        )
        self.delete_box = ask_to_delete(
            self,
            "Delete speaker",
            f"Delete {row.name}?",
            f"They will be taken off {plural(snap.count('session_speakers'), 'session part')}"
            f"{hosts}.",
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
