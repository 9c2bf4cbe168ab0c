"""Calendar files for a session, a whole series, or one speaker's holds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.domain.calendar_events import CalendarEvent, session_event, speaker_events
from desktop_app.domain.errors import UserError
from desktop_app.io.ics_writer import write_ics
from desktop_app.services import series, session_facts, speakers
from desktop_app.services.uow import UnitOfWork


@dataclass(frozen=True)
class CalendarReport:
    """What a calendar file holds and where it was written."""

    path: Path
    what: str  # 'the session “…”', 'the series “…”', 'Jane Doe's sessions'
    events: int
    bytes_written: int


def events_for(
    uow: UnitOfWork,
    *,
    session_id: int | None = None,
    series_id: int | None = None,
    speaker_id: int | None = None,
) -> tuple[str, list[CalendarEvent]]:
    """The events of exactly one session, series or speaker, and a phrase saying whose."""
    if [session_id, series_id, speaker_id].count(None) != 2:
        raise UserError("say whose calendar to write: one session, one series or one speaker")
    if session_id is not None:
        facts = session_facts.load_facts(uow, session_id)
        return f"the session “{facts.title}”", [session_event(facts)]
    if series_id is not None:
        title = series.get_series(uow, series_id).title
        ids = session_facts.series_session_ids(uow, series_id)
        return f"the series “{title}”", [
            session_event(session_facts.load_facts(uow, i)) for i in ids
        ]
    assert speaker_id is not None
    name = speakers.get_speaker(uow, speaker_id).name
    events = [
        event
        for i in session_facts.speaker_session_ids(uow, speaker_id)
        for event in speaker_events(session_facts.load_facts(uow, i), speaker_id)
    ]
    return f"{name}’s sessions", events


def write_calendar(
    uow: UnitOfWork,
    target: Path,
    *,
    session_id: int | None = None,
    series_id: int | None = None,
    speaker_id: int | None = None,
    stamp: datetime | None = None,
) -> CalendarReport:
    """Write a .ics file (METHOD:PUBLISH, for anyone to add to a calendar) atomically."""
    if target.suffix.lower() != ".ics":
        raise UserError(f"{target.name}: a calendar file is written as .ics; end the name so")
    if not target.parent.is_dir():
        raise UserError(f"the folder {target.parent} does not exist; choose another place")
    what, events = events_for(
        uow, session_id=session_id, series_id=series_id, speaker_id=speaker_id
    )
    if not events:
        raise UserError(f"{what} hold no events yet; add sessions first")
    try:
        size = write_ics(target, events, stamp)
    except OSError as error:
        raise UserError(f"cannot write {target}: {error.strerror or error}") from None
    return CalendarReport(target, what, len(events), size)
