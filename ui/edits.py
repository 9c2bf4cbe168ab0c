"""Every change the window makes, done through the services and recorded for Undo/Redo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop_app.bootstrap import App
from desktop_app.domain.enums import (
    ApprovalStatus,
    Consent,
    SessionKind,
    SessionStatus,
    SpeakerRole,
)
from desktop_app.domain.errors import UserError
from desktop_app.domain.records import (
    AppearanceData,
    ChecklistData,
    RegistrantData,
    RegistrationData,
    SeriesData,
    SessionData,
    SpeakerData,
)
from desktop_app.domain.rows import (
    AppearanceRow,
    RegistrantRow,
    RegistrationRow,
    SessionRow,
    SpeakerRow,
)
from desktop_app.services import registrants, series, sessions, snapshots, speakers


class _Change(QUndoCommand):
    """A change already done once; Redo does it again, Undo reverses it."""

    def __init__(
        self, edits: Edits, text: str, redo: Callable[[], object], undo: Callable[[], object]
    ) -> None:
        super().__init__(text)
        self._edits, self._redo, self._undo = edits, redo, undo
        self._first = True

    def redo(self) -> None:
        if self._first:  # the change was made before the command was pushed
            self._first = False
            return
        self._edits.run_safely(self._redo, self)

    def undo(self) -> None:
        self._edits.run_safely(self._undo, self)


class Edits(QObject):
    """The window's single way to change data: each call saves now and can be undone."""

    changed = Signal()  # data changed (by an edit, an undo or a redo): views should reload
    failed = Signal(str)  # an undo or redo could not be applied; the text says why

    def __init__(self, app: App, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(200)

    # Plumbing ------------------------------------------------------------------------

    def run_safely(self, action: Callable[[], object], command: QUndoCommand) -> None:
        """Run an undo/redo step; if the data moved on, drop the history and say so."""
        try:
            action()
        except UserError as error:
            command.setObsolete(True)
            self.failed.emit(f"{command.text()} could not be reversed: {error}")
        self.changed.emit()

    def _record(self, text: str, redo: Callable[[], object], undo: Callable[[], object]) -> None:
        self.stack.push(_Change(self, text, redo, undo))
        self.changed.emit()

    def _deletion(self, text: str, table: str, ids: list[int]) -> snapshots.Snapshot:
        """Delete with a snapshot; Undo restores it, Redo deletes the same rows again."""
        snap = snapshots.delete_with_snapshot(self.app.uow(), table, ids)
        self._record(
            text,
            lambda: snapshots.delete_with_snapshot(self.app.uow(), table, ids),
            lambda: snapshots.restore(self.app.uow(), snap),
        )
        return snap

    def _creation(self, text: str, table: str, create: Callable[[], int]) -> int:
        """Create a record; Undo deletes it, Redo restores it with the same id."""
        new_id = create()
        kept: dict[str, snapshots.Snapshot] = {}

        def undo() -> None:
            kept["snap"] = snapshots.delete_with_snapshot(self.app.uow(), table, [new_id])

        self._record(text, lambda: snapshots.restore(self.app.uow(), kept["snap"]), undo)
        return new_id

    # Series --------------------------------------------------------------------------

    def create_series(self, data: SeriesData) -> int:
        return self._creation(
            f"New series “{data.title}”",
            "series",
            lambda: series.create_series(self.app.uow(), data),
        )

    def update_series(self, series_id: int, data: SeriesData) -> None:
        old = series.get_series(self.app.uow(), series_id)
        before = SeriesData(
            old.title,
            old.organiser,
            old.description,
            old.home_zone,
            old.display_zones,
            old.default_platform,
        )
        series.update_series(self.app.uow(), series_id, data)
        self._record(
            f"Edit series “{data.title}”",
            lambda: series.update_series(self.app.uow(), series_id, data),
            lambda: series.update_series(self.app.uow(), series_id, before),
        )

    def delete_series(self, series_id: int) -> None:
        title = series.get_series(self.app.uow(), series_id).title
        self._deletion(f"Delete series “{title}”", "series", [series_id])

    # Sessions ------------------------------------------------------------------------

    def create_session(self, series_id: int, data: SessionData) -> int:
        return self._creation(
            f"New session “{data.title}”",
            "sessions",
            lambda: sessions.create_session(self.app.uow(), series_id, data),
        )

    def update_session(self, session_id: int, data: SessionData) -> None:
        before = session_data(sessions.get_session(self.app.uow(), session_id))
        sessions.update_session(self.app.uow(), session_id, data)
        self._record(
            f"Edit session “{data.title}”",
            lambda: sessions.update_session(self.app.uow(), session_id, data),
            lambda: sessions.update_session(self.app.uow(), session_id, before),
        )

    def delete_sessions(self, rows: list[SessionRow]) -> None:
        text = (
            f"Delete session “{rows[0].title}”"
            if len(rows) == 1
            else f"Delete {len(rows)} sessions"
        )
        self._deletion(text, "sessions", [r.id for r in rows])

    # Speakers ------------------------------------------------------------------------

    def create_speaker(self, data: SpeakerData) -> int:
        return self._creation(
            f"New speaker “{data.name}”",
            "speakers",
            lambda: speakers.create_speaker(self.app.uow(), data),
        )

    def update_speaker(self, speaker_id: int, data: SpeakerData) -> None:
        before = speaker_data(speakers.get_speaker(self.app.uow(), speaker_id))
        speakers.update_speaker(self.app.uow(), speaker_id, data)
        self._record(
            f"Edit speaker “{data.name}”",
            lambda: speakers.update_speaker(self.app.uow(), speaker_id, data),
            lambda: speakers.update_speaker(self.app.uow(), speaker_id, before),
        )

    def delete_speaker(self, row: SpeakerRow) -> None:
        self._deletion(f"Delete speaker “{row.name}”", "speakers", [row.id])

    def add_part(self, session_id: int, speaker_id: int, data: AppearanceData) -> int:
        part_id = speakers.add_to_session(self.app.uow(), session_id, speaker_id, data)
        kept: dict[str, int] = {"id": part_id}

        def redo() -> None:
            kept["id"] = speakers.add_to_session(self.app.uow(), session_id, speaker_id, data)

        self._record(
            "Add speaker to session",
            redo,
            lambda: speakers.remove_appearance(self.app.uow(), kept["id"]),
        )
        return part_id

    def update_part(self, row: AppearanceRow, data: AppearanceData) -> None:
        before = appearance_data(row)
        speakers.update_appearance(self.app.uow(), row.id, data)
        self._record(
            f"Edit {row.speaker_name}’s part",
            lambda: speakers.update_appearance(self.app.uow(), row.id, data),
            lambda: speakers.update_appearance(self.app.uow(), row.id, before),
        )

    def remove_part(self, row: AppearanceRow) -> None:
        kept: dict[str, int] = {"id": row.id}
        before = appearance_data(row)
        speakers.remove_appearance(self.app.uow(), row.id)

        def undo() -> None:
            kept["id"] = speakers.add_to_session(
                self.app.uow(), row.session_id, row.speaker_id, before
            )

        self._record(
            f"Take {row.speaker_name} off the session",
            lambda: speakers.remove_appearance(self.app.uow(), kept["id"]),
            undo,
        )

    def reorder_parts(self, session_id: int, before: list[int], after: list[int]) -> None:
        speakers.reorder_appearances(self.app.uow(), session_id, after)
        self._record(
            "Reorder speakers",
            lambda: speakers.reorder_appearances(self.app.uow(), session_id, after),
            lambda: speakers.reorder_appearances(self.app.uow(), session_id, before),
        )

    # Registrants ---------------------------------------------------------------------

    def update_registrant(self, row: RegistrantRow, data: RegistrantData) -> None:
        before = registrant_data(row)
        registrants.update_registrant(self.app.uow(), row.id, data)
        self._record(
            f"Edit registrant {data.email}",
            lambda: registrants.update_registrant(self.app.uow(), row.id, data),
            lambda: registrants.update_registrant(self.app.uow(), row.id, before),
        )

    def begin(self, text: str) -> None:
        """Group the following edits into one Undo step."""
        self.stack.beginMacro(text)

    def end(self) -> None:
        """Close the group opened by begin()."""
        self.stack.endMacro()

    def register(self, registrant_id: int, session_id: int, data: RegistrationData) -> None:
        kept = {"id": registrants.register(self.app.uow(), registrant_id, session_id, data)}

        def redo() -> None:
            kept["id"] = registrants.register(self.app.uow(), registrant_id, session_id, data)

        self._record(
            "Add registration",
            redo,
            lambda: registrants.delete_registration(self.app.uow(), kept["id"]),
        )

    def update_registration(self, row: RegistrationRow, data: RegistrationData) -> None:
        before = registration_data(row)
        registrants.update_registration(self.app.uow(), row.id, data)
        self._record(
            "Edit registration",
            lambda: registrants.update_registration(self.app.uow(), row.id, data),
            lambda: registrants.update_registration(self.app.uow(), row.id, before),
        )

    def delete_registration(self, row: RegistrationRow) -> None:
        self._deletion("Remove registration", "registrations", [row.id])

    def delete_registrants(self, ids: list[int]) -> None:
        self._deletion(
            f"Delete {len(ids)} registrant{'s' if len(ids) != 1 else ''}", "registrants", ids
        )

    def set_consent(self, ids: list[int], consent: Consent) -> None:
        source = "set by hand in Webinar Desk"
        before = registrants.set_consent(self.app.uow(), ids, consent, source)
        self._record(
            f"Set consent to {consent} for {len(ids)}",
            lambda: registrants.set_consent(self.app.uow(), ids, consent, source),
            lambda: registrants.restore_consent(self.app.uow(), before),
        )


# Rows back to editable data, for the "before" side of an edit. --------------------------


def session_data(row: SessionRow) -> SessionData:
    """The editable fields of a session row."""
    return SessionData(
        title=row.title,
        start=row.starts_at,
        duration_minutes=row.duration_minutes,
        kind=SessionKind(row.kind),
        subtitle=row.subtitle,
        description=row.description,
        platform=row.platform,
        join_url=row.join_url,
        registration_url=row.registration_url,
        recording_url=row.recording_url,
        status=SessionStatus(row.status),
        after_hours_minutes=row.after_hours_minutes,
        after_hours_host_id=row.after_hours_host_id,
    )


def speaker_data(row: SpeakerRow) -> SpeakerData:
    """The editable fields of a speaker row."""
    return SpeakerData(
        row.name,
        row.title,
        row.organisation,
        row.email,
        row.phone,
        row.pronouns,
        row.bio,
        row.headshot_path,
    )


def appearance_data(row: AppearanceRow) -> AppearanceData:
    """The editable fields of a speaker's part."""
    return AppearanceData(
        SpeakerRole(row.role),
        row.position,
        ChecklistData(
            row.confirmed,
            row.bio_received,
            row.headshot_received,
            row.tech_check_done,
            row.consents_to_recording,
        ),
    )


def registration_data(row: RegistrationRow) -> RegistrationData:
    """The editable fields of a registration row."""
    return RegistrationData(
        row.registered_at,
        ApprovalStatus(row.approval_status),
        row.source,
        row.attended,
        row.first_join,
        row.last_leave,
        row.minutes,
    )


def registrant_data(row: RegistrantRow) -> RegistrantData:
    """The editable fields of a registrant row."""
    return RegistrantData(
        row.email,
        row.first_name,
        row.last_name,
        row.organisation,
        row.job_title,
        row.city,
        row.country,
        row.sector,
        Consent(row.consent),
        row.consent_at,
        row.consent_source,
    )
