"""Every change the window makes, done through the services and recorded for Undo/Redo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop_app.bootstrap import App
from desktop_app.domain.enums import Consent
from desktop_app.domain.errors import UserError
from desktop_app.domain.records import (
    AppearanceData,
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
from ui.row_data import (
    appearance_data,
    registrant_data,
    registration_data,
    session_data,
    speaker_data,
)
from ui.version_book import FIRST_VERSION, Key, VersionBook


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
        self.versions = VersionBook()

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

    def _update(
        self,
        text: str,
        key: Key,
        save: Callable[[Any, int], int],
        before: Any,
        after: Any,
        seen: int,
    ) -> None:
        """Save `after` over the version the caller saw; Undo saves `before` back, each
        step naming the version the previous one left (another copy's change refuses it)."""
        expected = self.versions.expect(key, seen)
        self.versions.wrote(key, expected, save(after, expected))

        def apply(data: Any) -> None:
            current = self.versions.latest(key)
            self.versions.wrote(key, current, save(data, current))

        self._record(text, lambda: apply(after), lambda: apply(before))

    def _deletion(
        self, text: str, table: str, ids: list[int], seen: dict[int, int] | None
    ) -> snapshots.Snapshot:
        """Delete with a snapshot; Undo restores it, Redo deletes the same rows again.

        seen: the versions the caller saw (None when it has none, e.g. a bulk selection).
        """
        expected = (
            {i: self.versions.expect((table, i), v) for i, v in seen.items()} if seen else None
        )
        snap = snapshots.delete_with_snapshot(self.app.uow(), table, ids, expected)
        self.versions.now(table, snap.versions())

        def restore() -> None:
            snapshots.restore(self.app.uow(), snap)
            self.versions.now(table, snap.versions())

        self._record(
            text,
            lambda: snapshots.delete_with_snapshot(
                self.app.uow(), table, ids, self.versions.latest_of(table, ids)
            ),
            restore,
        )
        return snap

    def _creation(self, text: str, table: str, create: Callable[[], int]) -> int:
        """Create a record; Undo deletes it (unless changed elsewhere), Redo restores it."""
        new_id = create()
        self.versions.now(table, {new_id: FIRST_VERSION})
        kept: dict[str, snapshots.Snapshot] = {}

        def undo() -> None:
            kept["snap"] = snapshots.delete_with_snapshot(
                self.app.uow(), table, [new_id], self.versions.latest_of(table, [new_id])
            )

        def redo() -> None:
            snapshots.restore(self.app.uow(), kept["snap"])
            self.versions.now(table, kept["snap"].versions())

        self._record(text, redo, undo)
        return new_id

    # Series --------------------------------------------------------------------------

    def create_series(self, data: SeriesData) -> int:
        return self._creation(
            f"New series “{data.title}”",
            "series",
            lambda: series.create_series(self.app.uow(), data),
        )

    def update_series(self, series_id: int, data: SeriesData, seen: int) -> None:
        old = series.get_series(self.app.uow(), series_id)
        before = SeriesData(
            old.title,
            old.organiser,
            old.description,
            old.home_zone,
            old.display_zones,
            old.default_platform,
        )
        self._update(
            f"Edit series “{data.title}”",
            ("series", series_id),
            lambda d, v: series.update_series(self.app.uow(), series_id, d, v),
            before,
            data,
            seen,
        )

    def delete_series(self, series_id: int, seen: int | None = None) -> None:
        title = series.get_series(self.app.uow(), series_id).title
        versions = {series_id: seen} if seen is not None else None
        self._deletion(f"Delete series “{title}”", "series", [series_id], versions)

    # Sessions ------------------------------------------------------------------------

    def create_session(self, series_id: int, data: SessionData) -> int:
        return self._creation(
            f"New session “{data.title}”",
            "sessions",
            lambda: sessions.create_session(self.app.uow(), series_id, data),
        )

    def update_session(self, session_id: int, data: SessionData, seen: int) -> None:
        self._update(
            f"Edit session “{data.title}”",
            ("sessions", session_id),
            lambda d, v: sessions.update_session(self.app.uow(), session_id, d, v),
            session_data(sessions.get_session(self.app.uow(), session_id)),
            data,
            seen,
        )

    def delete_sessions(self, rows: list[SessionRow]) -> None:
        text = (
            f"Delete session “{rows[0].title}”"
            if len(rows) == 1
            else f"Delete {len(rows)} sessions"
        )
        self._deletion(text, "sessions", [r.id for r in rows], {r.id: r.version for r in rows})

    # Speakers ------------------------------------------------------------------------

    def create_speaker(self, data: SpeakerData) -> int:
        return self._creation(
            f"New speaker “{data.name}”",
            "speakers",
            lambda: speakers.create_speaker(self.app.uow(), data),
        )

    def update_speaker(self, speaker_id: int, data: SpeakerData, seen: int) -> None:
        self._update(
            f"Edit speaker “{data.name}”",
            ("speakers", speaker_id),
            lambda d, v: speakers.update_speaker(self.app.uow(), speaker_id, d, v),
            speaker_data(speakers.get_speaker(self.app.uow(), speaker_id)),
            data,
            seen,
        )

    def delete_speaker(self, row: SpeakerRow) -> None:
        self._deletion(f"Delete speaker “{row.name}”", "speakers", [row.id], {row.id: row.version})

    def add_part(self, session_id: int, speaker_id: int, data: AppearanceData) -> int:
        table = "session_speakers"
        part_id = speakers.add_to_session(self.app.uow(), session_id, speaker_id, data)
        kept: dict[str, int] = {"id": part_id}
        self.versions.now(table, {part_id: FIRST_VERSION})

        def redo() -> None:
            kept["id"] = speakers.add_to_session(self.app.uow(), session_id, speaker_id, data)
            self.versions.now(table, {kept["id"]: FIRST_VERSION})

        def undo() -> None:
            speakers.remove_appearance(
                self.app.uow(), kept["id"], self.versions.latest((table, kept["id"]))
            )

        self._record("Add speaker to session", redo, undo)
        return part_id

    def update_part(self, row: AppearanceRow, data: AppearanceData) -> None:
        self._update(
            f"Edit {row.speaker_name}’s part",
            ("session_speakers", row.id),
            lambda d, v: speakers.update_appearance(self.app.uow(), row.id, d, v),
            appearance_data(row),
            data,
            row.version,
        )

    def remove_part(self, row: AppearanceRow) -> None:
        table = "session_speakers"
        kept: dict[str, int] = {"id": row.id}
        before = appearance_data(row)
        expected = self.versions.expect((table, row.id), row.version)
        speakers.remove_appearance(self.app.uow(), row.id, expected)
        self.versions.now(table, {row.id: expected})

        def undo() -> None:
            kept["id"] = speakers.add_to_session(
                self.app.uow(), row.session_id, row.speaker_id, before
            )
            self.versions.now(table, {kept["id"]: FIRST_VERSION})

        self._record(
            f"Take {row.speaker_name} off the session",
            lambda: speakers.remove_appearance(
                self.app.uow(), kept["id"], self.versions.latest((table, kept["id"]))
            ),
            undo,
        )

    def reorder_parts(
        self, session_id: int, before: list[int], after: list[int], seen: dict[int, int]
    ) -> None:
        table = "session_speakers"

        def reorder(order: list[int], versions: dict[int, int]) -> None:
            now = speakers.reorder_appearances(self.app.uow(), session_id, order, versions)
            self.versions.now(table, now)

        reorder(after, {i: self.versions.expect((table, i), v) for i, v in seen.items()})
        self._record(
            "Reorder speakers",
            lambda: reorder(after, self.versions.latest_of(table, after)),
            lambda: reorder(before, self.versions.latest_of(table, before)),
        )

    # Registrants ---------------------------------------------------------------------

    def update_registrant(self, row: RegistrantRow, data: RegistrantData) -> None:
        self._update(
            f"Edit registrant {data.email}",
            ("registrants", row.id),
            lambda d, v: registrants.update_registrant(self.app.uow(), row.id, d, v),
            registrant_data(row),
            data,
            row.version,
        )

    def begin(self, text: str) -> None:
        """Group the following edits into one Undo step."""
        self.stack.beginMacro(text)

    def end(self) -> None:
        """Close the group opened by begin()."""
        self.stack.endMacro()

    def register(self, registrant_id: int, session_id: int, data: RegistrationData) -> None:
        table = "registrations"
        kept: dict[str, int] = {}

        def redo() -> None:
            kept["id"] = registrants.register(
                self.app.uow(), registrant_id, session_id, data, expect_new=True
            )
            self.versions.now(table, {kept["id"]: FIRST_VERSION})

        def undo() -> None:
            registrants.delete_registration(
                self.app.uow(), kept["id"], self.versions.latest((table, kept["id"]))
            )

        redo()
        self._record("Add registration", redo, undo)

    def update_registration(self, row: RegistrationRow, data: RegistrationData) -> None:
        self._update(
            "Edit registration",
            ("registrations", row.id),
            lambda d, v: registrants.update_registration(self.app.uow(), row.id, d, v),
            registration_data(row),
            data,
            row.version,
        )

    def delete_registration(self, row: RegistrationRow) -> None:
        self._deletion("Remove registration", "registrations", [row.id], {row.id: row.version})

    def delete_registrants(self, ids: list[int]) -> None:
        self._deletion(
            f"Delete {len(ids)} registrant{'s' if len(ids) != 1 else ''}",
            "registrants",
            ids,
            None,
        )

    def set_consent(self, ids: list[int], consent: Consent) -> None:
        table, source = "registrants", "set by hand in Webinar Desk"
        change = registrants.set_consent(self.app.uow(), ids, consent, source)
        self.versions.now(table, change.versions)
        kept = {"before": change.before}

        def redo() -> None:
            again = registrants.set_consent(
                self.app.uow(), ids, consent, source, self.versions.latest_of(table, kept["before"])
            )
            self.versions.now(table, again.versions)
            kept["before"] = again.before

        def undo() -> None:
            before = kept["before"]
            now = registrants.restore_consent(
                self.app.uow(), before, self.versions.latest_of(table, before)
            )
            self.versions.now(table, now)

        self._record(f"Set consent to {consent} for {len(ids)}", redo, undo)
