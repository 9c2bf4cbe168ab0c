"""Sessions tab: the sessions of a series in date order, an editor, and their speakers."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QPushButton,
    QWidget,
)

from desktop_app.domain import timezones
from desktop_app.domain.enums import SessionKind, SessionStatus, label
from desktop_app.domain.errors import UserError
from desktop_app.domain.records import AppearanceData, SessionData
from desktop_app.domain.rows import AppearanceRow, SessionRow
from desktop_app.domain.wording import plural
from desktop_app.services import draft_batches, series, sessions, snapshots, speakers
from ui.changes import APPEARANCE, MAIL, REGISTRATION, SERIES, SESSION, SPEAKER, Change
from ui.dialogs.confirm import ask_to_delete
from ui.editors.roster_panel import RosterPanel
from ui.editors.session_editor import SessionEditor
from ui.edits import Edits
from ui.icons import icon
from ui.models.table_model import Column
from ui.tabs import mail_openers
from ui.tabs.empty_state import EmptyState
from ui.tabs.record_list import RecordListTab
from ui.tabs.session_mail import SessionMailPanel


def _after_hours(row: SessionRow) -> str:
    if row.after_hours_minutes is None:
        return ""
    host = f" · {row.after_hours_host_name}" if row.after_hours_host_name else ""
    return f"{row.after_hours_minutes} min{host}"


def _start(row: SessionRow) -> str:
    """'Wed 18 Aug 2021' over '10:00 PT / 13:00 ET' (two zones a line): short lines, not
    one wide one, so that every zone shows however many the series has."""
    day, _dot, times = row.start_label.partition(" · ")
    clocks = times.split(" / ")
    pairs = [" / ".join(clocks[n : n + 2]) for n in range(0, len(clocks), 2)]
    return "\n".join([day, *pairs])


# The counts come before what the editor beside the list shows anyway (kind, status,
# minutes), so that a 1280-pixel window shows them whole.
SESSION_COLUMNS: list[Column[SessionRow]] = [
    Column("Start", _start, tooltip=lambda r: r.start_label),
    Column("Title", lambda r: r.title, tooltip=lambda r: f"{r.title}\n{r.subtitle}".strip()),
    Column("Registered", lambda r: f"{r.registered:,}", align_right=True),
    Column("Attended", lambda r: f"{r.attended:,}", align_right=True),
    Column("After Hours", _after_hours),
    Column("Kind", lambda r: label(r.kind)),
    Column("Status", lambda r: label(r.status)),
    Column("Minutes", lambda r: str(r.duration_minutes), align_right=True),
]
TITLE_WIDTH = 230  # longer titles are elided; the tooltip has them whole


class SessionsTab(RecordListTab):
    """Lists sessions; the selected one is edited on the right with its speakers below."""

    def __init__(self, edits: Edits, parent: QWidget | None = None) -> None:
        super().__init__(edits, SESSION_COLUMNS, parent)
        self._series_id: int | None = None
        self.new_button = QPushButton(icon("add"), "&New session")
        self.delete_button = QPushButton(icon("delete"), "Delete…")
        self.show_button = QPushButton(icon("print"), "&Run of show…")
        self.new_button.clicked.connect(self.new_session)
        self.delete_button.clicked.connect(self.delete_selected)
        self.show_button.clicked.connect(self.open_run_of_show)

        self.roster = RosterPanel()
        self.lay_out(
            "sessionsSplitter",
            SessionEditor(),
            self.roster,
            [self.new_button, self.delete_button],
            [self.show_button],
            panel_share=2,
            empty=EmptyState(
                "No sessions yet",
                "Add the first session of this series: its title, start and length, then "
                "its speakers. Registrations are imported into a session.",
                "New session",
                self.new_session,
                "add",
            ),
        )
        self.roster.edit_requested.connect(self._edit_part)
        self.roster.reorder_requested.connect(self._reorder)
        self.roster.add_requested.connect(self._add_part)
        self.roster.remove_requested.connect(self._edits.remove_part)
        # Under the list: what mail was drafted for the selected session.
        self.mail_panel = SessionMailPanel()
        self.mail_panel.mail_requested.connect(self.open_mail)
        self.mail_panel.history_requested.connect(self.open_mail_history)
        left = self.splitter.widget(0)
        column = left.layout() if left is not None else None
        assert column is not None, "lay_out puts the list in a column"
        column.addWidget(self.mail_panel)
        self._add_context_actions()
        self._update_buttons()

    # Loading -------------------------------------------------------------------------

    def show_series(self, series_id: int | None) -> None:
        """Show the sessions of a series, keeping the selected session when it remains."""
        self._series_id = series_id
        self.set_records(
            sessions.list_sessions(self._app.uow(), series_id) if series_id else [],
            widest=TITLE_WIDTH,
        )
        self.view.resizeRowsToContents()  # the two-line start

    def apply_change(self, change: Change) -> None:
        """Sessions, their times and hosts reload the list; registrations update the counts
        of their sessions; speakers' parts reload the roster."""
        if change.touches(SERIES, SESSION, SPEAKER):
            self.show_series(self._series_id)
            return
        if change.touches(MAIL):
            self._show_mail(self.selected())
        if change.touches(REGISTRATION):
            self._update_counts(change.ids_of(SESSION))
        elif change.touches(APPEARANCE):
            selected = self.selected()
            touched = change.ids_of(SESSION)
            if selected is not None and (touched is None or selected.id in touched):
                everyone = speakers.list_speakers(self._app.uow())
                parts = speakers.list_appearances(self._app.uow(), session_id=selected.id)
                self.roster.load(f"Speakers — {selected.title}", parts, everyone)

    def _update_counts(self, session_ids: frozenset[int] | None) -> None:
        """Registered and attended counts of some sessions (all when None), in place."""
        for line in range(self.model.rowCount()):
            row = self.model.row_at(line)
            if session_ids is None or row.id in session_ids:
                self.model.replace_row(line, sessions.get_session(self._app.uow(), row.id))

    def offers_new(self) -> bool:
        """An empty list offers a new session once a series is shown."""
        return self._series_id is not None

    def count_text(self) -> str:
        """ "4 sessions" for the status bar."""
        return plural(self.model.rowCount(), "session")

    def select_session(self, session_id: int) -> None:
        """Select a session by id and show it in the editor."""
        self.select_record(session_id)

    def _show(self, row: SessionRow | None) -> None:
        """Load a session into the editor and its speakers into the roster."""
        everyone = speakers.list_speakers(self._app.uow())
        if row is None:
            self.editor.load(None, None, everyone)
            self.roster.load("Speakers", [], [])
            self.roster.setEnabled(False)
        else:
            # A refresh caused by another edit must not wipe what is being typed here.
            if not self._editing(row):
                self.editor.load(row, series.get_series(self._app.uow(), row.series_id), everyone)
            parts = speakers.list_appearances(self._app.uow(), session_id=row.id)
            self.roster.setEnabled(True)
            self.roster.load(f"Speakers — {row.title}", parts, everyone)
        self._show_mail(row)
        self._update_buttons()

    def _show_mail(self, row: SessionRow | None) -> None:
        """The mail drafted for the selected session, newest first."""
        if row is None:
            self.mail_panel.show_batches(None, [], "UTC")
            return
        zone = series.get_series(self._app.uow(), row.series_id).home_zone
        batches = draft_batches.list_batches(self._app.uow(), row.id)
        self.mail_panel.show_batches(row.title, batches, zone)

    def _update_buttons(self) -> None:
        self.new_button.setEnabled(self._series_id is not None)
        widgets: list[QWidget | QAction] = [self.delete_button, self.show_button]
        for widget in widgets + list(self.context_actions):
            widget.setEnabled(self.selected() is not None)

    def _add_context_actions(self) -> None:
        """Right-click on a session: mail, its history, a calendar file, the run of show."""
        self.context_actions: list[QAction] = []
        for text, slot in (
            ("Mail…", self.open_mail),
            ("Mail history…", self.open_mail_history),
            ("Calendar file…", self.open_calendar),
            ("Run of show…", self.open_run_of_show),
        ):
            action = QAction(text, self.view)
            action.triggered.connect(slot)
            self.view.addAction(action)
            self.context_actions.append(action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    # Editing -------------------------------------------------------------------------

    def _update(self, record_id: int, data: Any) -> None:
        self._edits.update_session(record_id, data, self.editor.version())

    def _describe(self, data: Any) -> str:
        return f"“{data.title}”"

    def open_run_of_show(self) -> None:
        """Edit, print or export the selected session's run of show."""
        from ui.dialogs.run_of_show_dialog import RunOfShowDialog

        session = self.selected()
        if session is None or not self.save_pending():
            return
        dialog = RunOfShowDialog(self._app, session.id, self)
        dialog.saved.connect(
            lambda: self.status_message.emit(f"Run of show of “{session.title}” saved.")
        )
        self.run_of_show_dialog = dialog
        dialog.open()

    def open_mail(self) -> None:
        """Write mail drafts about the selected session."""
        session = self.selected()
        if session is None or self._series_id is None or not self.save_pending():
            return
        self.mail_dialog = mail_openers.open_mail(self, self._edits, self._series_id, session.id)

    def open_mail_history(self) -> None:
        """List the drafts written for the selected session."""
        session = self.selected()
        if session is not None:
            self.mail_history_dialog = mail_openers.open_history(self, self._edits, session)

    def open_calendar(self) -> None:
        """Write a calendar file, of the selected session unless another is chosen."""
        session = self.selected()
        if self._series_id is not None and self.save_pending():
            self.calendar_dialog = mail_openers.open_calendar(
                self, self._edits, self._series_id, session.id if session else None
            )

    def new_session(self) -> None:
        """Add a draft session two weeks after the last one and select it."""
        if self._series_id is None or not self.save_pending():
            return
        home = series.get_series(self._app.uow(), self._series_id)
        rows = [self.model.row_at(r) for r in range(self.model.rowCount())]
        if rows:
            start = rows[-1].starts_at + timedelta(days=14)
        else:
            now = datetime.now()
            start = timezones.local_to_utc(
                datetime(now.year, now.month, now.day, 10) + timedelta(days=7), home.home_zone
            )
        new_id = self._edits.create_session(
            self._series_id,
            SessionData(
                "New session",
                start,
                60,
                SessionKind.OTHER,
                status=SessionStatus.DRAFT,
                platform=home.default_platform,
            ),
        )
        self.select_session(new_id)
        self.editor.title_edit.setFocus()
        self.editor.title_edit.selectAll()

    def delete_selected(self) -> None:
        """Ask, saying what goes with it, then delete the selected session."""
        row = self.selected()
        if row is None:
            return
        snap = snapshots.capture(self._app.uow(), "sessions", [row.id])
        self.delete_box = ask_to_delete(
            self,
            "Delete session",
            f"Delete “{row.title}”?",
            f"This also removes {plural(snap.count('registrations'), 'registration')}, "
            f"{plural(snap.count('session_speakers'), 'speaker part')} and "
            f"{plural(snap.count('run_of_show_segments'), 'run-of-show segment')}.",
            lambda: self._delete(row),
        )

    def _delete(self, row: SessionRow) -> None:
        self.editor.tracker.reset()  # the edits go with the session
        self._edits.delete_sessions([row])
        self.status_message.emit(f"Deleted “{row.title}”.")

    def _edit_part(self, row: AppearanceRow, data: AppearanceData) -> None:
        try:
            self._edits.update_part(row, data)
        except UserError as error:
            self.status_message.emit(str(error))

    def _add_part(self, speaker_id: int, data: AppearanceData) -> None:
        session = self.selected()
        if session is None:
            return
        try:
            self._edits.add_part(session.id, speaker_id, data)
        except UserError as error:
            self.status_message.emit(f"Cannot add the speaker: {error}")

    def _reorder(self, ids: list[int]) -> None:
        session = self.selected()
        selected = self.roster.selected()
        if session is not None:
            model = self.roster.model
            seen = {model.row_at(r).id: model.row_at(r).version for r in range(model.rowCount())}
            try:
                self._edits.reorder_parts(session.id, model.ids(), ids, seen)
            except UserError as error:
                self.status_message.emit(str(error))
            if selected is not None:
                self.roster.select_part(selected.id)
