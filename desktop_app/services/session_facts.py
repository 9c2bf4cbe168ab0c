"""Reads what calendars and mail drafts say about a session into one plain row."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from desktop_app.db.models import Series, Session, Speaker
from desktop_app.domain.run_of_show import Schedule
from desktop_app.domain.session_facts import SessionFacts
from desktop_app.services import run_of_show, speakers
from desktop_app.services.common import get_or_raise
from desktop_app.services.uow import UnitOfWork


def _tech_check(schedule: Schedule, start: datetime) -> tuple[datetime, datetime] | None:
    """From the first pre-start tech-check or green-room segment to the session's start."""
    for timed in schedule.segments:
        segment = timed.segment
        words = segment.title.casefold()
        if segment.before_start and (
            segment.cue == "Tech check" or "tech check" in words or "green room" in words
        ):
            return timed.start, start
    return None


def load_facts(uow: UnitOfWork, session_id: int) -> SessionFacts:
    """A session with its series, speakers, After Hours host and tech-check time."""
    sheet = run_of_show.load_sheet(uow, session_id)
    parts = speakers.list_appearances(uow, session_id=session_id)
    with uow:
        session = get_or_raise(uow.session, Session, session_id, "session")
        series = uow.session.get_one(Series, session.series_id)
        host = (
            uow.session.scalar(
                select(Speaker.name).where(Speaker.id == session.after_hours_host_id)
            )
            if session.after_hours_host_id is not None
            else None
        )
        tech = _tech_check(sheet.schedule, session.starts_at)
        return SessionFacts(
            id=session.id,
            uid=session.uid,
            sequence=session.sequence,
            series_id=series.id,
            series_title=series.title,
            organiser=series.organiser,
            home_zone=series.home_zone,
            display_zones=tuple(series.display_zones),
            title=session.title,
            subtitle=session.subtitle,
            description=session.description,
            start=session.starts_at,
            duration_minutes=session.duration_minutes,
            platform=session.platform,
            join_url=session.join_url,
            registration_url=session.registration_url,
            recording_url=session.recording_url,
            status=session.status,
            after_hours_minutes=session.after_hours_minutes,
            after_hours_host_id=session.after_hours_host_id,
            after_hours_host_name=host or "",
            tech_check=tech,
            speaker_names=tuple(dict.fromkeys(p.speaker_name for p in parts)),
            speaker_ids=tuple(dict.fromkeys(p.speaker_id for p in parts)),
        )


def series_session_ids(uow: UnitOfWork, series_id: int) -> list[int]:
    """The sessions of a series in date order."""
    with uow:
        get_or_raise(uow.session, Series, series_id, "series")
        return list(
            uow.session.scalars(
                select(Session.id)
                .where(Session.series_id == series_id)
                .order_by(Session.starts_at, Session.id)
            )
        )


def speaker_session_ids(uow: UnitOfWork, speaker_id: int) -> list[int]:
    """The sessions a speaker speaks at or hosts the After Hours of, in date order."""
    parts = speakers.list_appearances(uow, speaker_id=speaker_id)
    with uow:
        get_or_raise(uow.session, Speaker, speaker_id, "speaker")
        hosted = uow.session.scalars(
            select(Session.id).where(Session.after_hours_host_id == speaker_id)
        ).all()
        ids = {p.session_id for p in parts} | set(hosted)
        return list(
            uow.session.scalars(
                select(Session.id)
                .where(Session.id.in_(ids))
                .order_by(Session.starts_at, Session.id)
            )
        )
