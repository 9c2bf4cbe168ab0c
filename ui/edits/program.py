"""Undoable edits of the programme: series, sessions, speakers and their parts."""

from __future__ import annotations

from desktop_app.domain.records import AppearanceData, SeriesData, SessionData, SpeakerData
from desktop_app.domain.row_data import appearance_data, session_data, speaker_data
from desktop_app.domain.rows import AppearanceRow, SessionRow, SpeakerRow
from desktop_app.services import series, sessions, speakers
from ui.changes import APPEARANCE, REGISTRATION, SERIES, SESSION, SPEAKER, Change, change
from ui.edits.base import EditBase
from ui.edits.versions import FIRST_VERSION

PARTS = "session_speakers"  # the table of speakers' parts, as the version book names it


class ProgramEdits(EditBase):
    """Edits of what the Sessions and Speakers tabs show."""

    # Series --------------------------------------------------------------------------

    def create_series(self, data: SeriesData) -> int:
        """A new series (Undo deletes it)."""
        return self._creation(
            f"New series “{data.title}”",
            "series",
            lambda: series.create_series(self.app.uow(), data),
            lambda new_id: change(SERIES, reshaped=[SERIES], series=[new_id]),
        )

    def update_series(self, series_id: int, data: SeriesData, seen: int) -> None:
        """Save a series' details over the version the form saw."""
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
            change(SERIES, series=[series_id]),
        )

    def delete_series(self, series_id: int) -> None:
        """Delete a series with its sessions, registrations and parts."""
        title = series.get_series(self.app.uow(), series_id).title
        gone = [SERIES, SESSION, REGISTRATION, APPEARANCE]
        self._deletion(
            f"Delete series “{title}”",
            "series",
            [series_id],
            change(*gone, reshaped=gone, series=[series_id]),
        )

    # Sessions ------------------------------------------------------------------------

    def create_session(self, series_id: int, data: SessionData) -> int:
        """A new session in a series (Undo deletes it)."""
        return self._creation(
            f"New session “{data.title}”",
            "sessions",
            lambda: sessions.create_session(self.app.uow(), series_id, data),
            lambda new_id: change(SESSION, reshaped=[SESSION], session=[new_id]),
        )

    def update_session(self, session_id: int, data: SessionData, seen: int) -> None:
        """Save a session's details over the version the form saw."""
        self._update(
            f"Edit session “{data.title}”",
            ("sessions", session_id),
            lambda d, v: sessions.update_session(self.app.uow(), session_id, d, v),
            session_data(sessions.get_session(self.app.uow(), session_id)),
            data,
            seen,
            change(SESSION, session=[session_id]),
        )

    def delete_sessions(self, rows: list[SessionRow]) -> None:
        """Delete sessions with their registrations, parts and run of show."""
        text = (
            f"Delete session “{rows[0].title}”"
            if len(rows) == 1
            else f"Delete {len(rows)} sessions"
        )
        gone = [SESSION, REGISTRATION, APPEARANCE]
        ids = [r.id for r in rows]
        self._deletion(
            text,
            "sessions",
            ids,
            change(*gone, reshaped=gone, session=ids),
            {r.id: r.version for r in rows},
        )

    # Speakers ------------------------------------------------------------------------

    def create_speaker(self, data: SpeakerData) -> int:
        """A new speaker (Undo deletes them)."""
        return self._creation(
            f"New speaker “{data.name}”",
            "speakers",
            lambda: speakers.create_speaker(self.app.uow(), data),
            lambda new_id: change(SPEAKER, reshaped=[SPEAKER], speaker=[new_id]),
        )

    def update_speaker(self, speaker_id: int, data: SpeakerData, seen: int) -> None:
        """Save a speaker's details over the version the form saw."""
        self._update(
            f"Edit speaker “{data.name}”",
            ("speakers", speaker_id),
            lambda d, v: speakers.update_speaker(self.app.uow(), speaker_id, d, v),
            speaker_data(speakers.get_speaker(self.app.uow(), speaker_id)),
            data,
            seen,
            change(SPEAKER, speaker=[speaker_id]),
        )

    def delete_speaker(self, row: SpeakerRow) -> None:
        """Delete a speaker and their parts in sessions."""
        # Their parts go with them, and the After Hours they hosted lose their host.
        self._deletion(
            f"Delete speaker “{row.name}”",
            "speakers",
            [row.id],
            change(SPEAKER, APPEARANCE, SESSION, reshaped=[SPEAKER, APPEARANCE], speaker=[row.id]),
            {row.id: row.version},
        )

    def add_part(self, session_id: int, speaker_id: int, data: AppearanceData) -> int:
        """Put a speaker in a session; returns the part id."""
        part_id = speakers.add_to_session(self.app.uow(), session_id, speaker_id, data)
        kept: dict[str, int] = {"id": part_id}
        self.versions.now(PARTS, {part_id: FIRST_VERSION})

        def redo() -> None:
            kept["id"] = speakers.add_to_session(self.app.uow(), session_id, speaker_id, data)
            self.versions.now(PARTS, {kept["id"]: FIRST_VERSION})

        def undo() -> None:
            version = self.versions.latest((PARTS, kept["id"]))
            speakers.remove_appearance(self.app.uow(), kept["id"], version)

        self._record(
            "Add speaker to session",
            redo,
            undo,
            part_change(session_id, speaker_id, reshaped=True),
        )
        return part_id

    def update_part(self, row: AppearanceRow, data: AppearanceData) -> None:
        """Save a speaker's role, place and checklist in a session (row: as the form saw it)."""
        self._update(
            f"Edit {row.speaker_name}’s part",
            (PARTS, row.id),
            lambda d, v: speakers.update_appearance(self.app.uow(), row.id, d, v),
            appearance_data(row),
            data,
            row.version,
            part_change(row.session_id, row.speaker_id),
        )

    def remove_part(self, row: AppearanceRow) -> None:
        """Take a speaker off a session."""
        kept: dict[str, int] = {"id": row.id}
        before = appearance_data(row)
        expected = self.versions.expect((PARTS, row.id), row.version)
        speakers.remove_appearance(self.app.uow(), row.id, expected)
        self.versions.now(PARTS, {row.id: expected})

        def undo() -> None:
            kept["id"] = speakers.add_to_session(
                self.app.uow(), row.session_id, row.speaker_id, before
            )
            self.versions.now(PARTS, {kept["id"]: FIRST_VERSION})

        def redo() -> None:
            version = self.versions.latest((PARTS, kept["id"]))
            speakers.remove_appearance(self.app.uow(), kept["id"], version)

        self._record(
            f"Take {row.speaker_name} off the session",
            redo,
            undo,
            part_change(row.session_id, row.speaker_id, reshaped=True),
        )

    def reorder_parts(
        self, session_id: int, before: list[int], after: list[int], seen: dict[int, int]
    ) -> None:
        """Put a session's speakers in a new order (seen: each part's version as shown)."""

        def reorder(order: list[int], versions: dict[int, int]) -> None:
            now = speakers.reorder_appearances(self.app.uow(), session_id, order, versions)
            self.versions.now(PARTS, now)

        reorder(after, {i: self.versions.expect((PARTS, i), v) for i, v in seen.items()})
        self._record(
            "Reorder speakers",
            lambda: reorder(after, self.versions.latest_of(PARTS, after)),
            lambda: reorder(before, self.versions.latest_of(PARTS, before)),
            change(APPEARANCE, session=[session_id]),
        )


def part_change(session_id: int, speaker_id: int, reshaped: bool = False) -> Change:
    """A speaker's part in a session changed (and their session count, if it came or went)."""
    return change(
        *([APPEARANCE, SPEAKER] if reshaped else [APPEARANCE]),
        reshaped=[APPEARANCE] if reshaped else [],
        session=[session_id],
        speaker=[speaker_id],
    )
