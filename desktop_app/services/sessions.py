"""Use cases for the sessions of a series."""

from __future__ import annotations

from sqlalchemy import Integer, case, func, select
from sqlalchemy.orm import joinedload

from desktop_app.db.models import Registration, Series, Session, Speaker
from desktop_app.domain import timezones
from desktop_app.domain.records import SessionData, validate_session
from desktop_app.domain.rows import SessionRow
from desktop_app.services.common import get_current, get_or_raise
from desktop_app.services.uow import UnitOfWork


def _apply(session: Session, data: SessionData) -> None:
    """Copy validated fields onto a session record."""
    session.kind, session.title, session.subtitle = data.kind, data.title, data.subtitle
    session.description, session.starts_at = data.description, data.start
    session.duration_minutes, session.platform = data.duration_minutes, data.platform
    session.join_url, session.registration_url = data.join_url, data.registration_url
    session.recording_url, session.status = data.recording_url, data.status
    session.after_hours_minutes = data.after_hours_minutes
    session.after_hours_host_id = data.after_hours_host_id
    if data.meeting_id is not None:
        session.meeting_id = data.meeting_id
    if data.passcode is not None:
        session.passcode = data.passcode


def create_session(uow: UnitOfWork, series_id: int, data: SessionData) -> int:
    """Save a new session in a series and return its id (a naive start is in its home zone)."""
    with uow:
        series = get_or_raise(uow.session, Series, series_id, "series")
        data = validate_session(data, series.home_zone)
        if data.after_hours_host_id is not None:
            get_or_raise(uow.session, Speaker, data.after_hours_host_id, "speaker")
        session = Session(series_id=series.id)
        _apply(session, data)
        session.platform = session.platform or series.default_platform
        uow.session.add(session)
        uow.flush()
        uow.commit()
        return session.id


def update_session(uow: UnitOfWork, session_id: int, data: SessionData, version: int) -> int:
    """Replace the editable fields of a session still at `version` (a naive start is in its
    home zone); returns the new version."""
    with uow:
        session = get_current(uow.session, Session, session_id, "session", version)
        data = validate_session(data, session.series.home_zone)
        if data.after_hours_host_id is not None:
            get_or_raise(uow.session, Speaker, data.after_hours_host_id, "speaker")
        _apply(session, data)
        uow.commit()
        return session.version


def delete_session(uow: UnitOfWork, session_id: int, version: int) -> None:
    """Delete a session (still at `version`) with its parts, registrations and run of show."""
    with uow:
        uow.session.delete(get_current(uow.session, Session, session_id, "session", version))
        uow.commit()


def list_sessions(uow: UnitOfWork, series_id: int | None = None) -> list[SessionRow]:
    """Sessions in date order (of one series, or all), with registered/attended counts."""
    counts = (
        select(
            Registration.session_id.label("session_id"),
            func.count().label("registered"),
            func.sum(case((Registration.attended, 1), else_=0), type_=Integer).label("attended"),
        )
        .group_by(Registration.session_id)
        .subquery()
    )
    query = (
        select(Session, counts.c.registered, counts.c.attended)
        .outerjoin(counts, counts.c.session_id == Session.id)
        .options(joinedload(Session.series))
        .order_by(Session.starts_at, Session.id)
    )
    if series_id is not None:
        query = query.where(Session.series_id == series_id)
    with uow:
        hosts = dict(uow.session.execute(select(Speaker.id, Speaker.name)).tuples().all())
        return [
            _to_row(session, registered or 0, attended or 0, hosts)
            for session, registered, attended in uow.session.execute(query).tuples()
        ]


def get_session(uow: UnitOfWork, session_id: int) -> SessionRow:
    """One session by id, with its counts."""
    with uow:
        series_id = get_or_raise(uow.session, Session, session_id, "session").series_id
    return next(row for row in list_sessions(uow, series_id) if row.id == session_id)


def _to_row(session: Session, registered: int, attended: int, hosts: dict[int, str]) -> SessionRow:
    """A frozen copy of a session with its counts and start label."""
    series = session.series
    return SessionRow(
        id=session.id,
        series_id=session.series_id,
        series_title=series.title,
        kind=session.kind,
        title=session.title,
        subtitle=session.subtitle,
        description=session.description,
        starts_at=session.starts_at,
        duration_minutes=session.duration_minutes,
        platform=session.platform,
        join_url=session.join_url,
        registration_url=session.registration_url,
        recording_url=session.recording_url,
        status=session.status,
        after_hours_minutes=session.after_hours_minutes,
        after_hours_host_id=session.after_hours_host_id,
        after_hours_host_name=hosts.get(session.after_hours_host_id or -1, ""),
        registered=registered,
        attended=attended,
        start_label=timezones.format_start(
            session.starts_at, series.home_zone, list(series.display_zones)
        ),
        version=session.version,
        meeting_id=session.meeting_id,
        passcode=session.passcode,
    )
