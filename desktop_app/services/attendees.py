"""The Attendees grid: registrants of a series with one column group per session, paged."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select

from desktop_app.db.models import Registrant, Registration, Session
from desktop_app.services.registrants import to_row
from desktop_app.services.rows import RegistrantRow
from desktop_app.services.uow import UnitOfWork

# Sort keys a caller may use; per-session keys are "registered:<id>", "attended:<id>",
# "minutes:<id>".
TEXT_SORTS: dict[str, Any] = {
    "last_name": Registrant.last_name, "first_name": Registrant.first_name,
    "email": Registrant.email, "organisation": Registrant.organisation,
    "job_title": Registrant.job_title, "country": Registrant.country,
    "consent": Registrant.consent, "city": Registrant.city, "sector": Registrant.sector,
}


@dataclass(frozen=True)
class AttendeeFilter:
    """What the Attendees tab shows: series, text, one session, attendance, consent, order."""

    series_id: int
    text: str = ""
    session_id: int | None = None  # only people registered for this session
    attended: bool | None = None  # with session_id: came / did not come; else: came to any
    consent: str | None = None
    sort: str = "last_name"
    descending: bool = False


@dataclass(frozen=True)
class Attendance:
    """One person's registration for one session, as the grid shows it."""

    registered: bool
    attended: bool
    minutes: int


@dataclass(frozen=True)
class AttendeeRow:
    """A registrant with their attendance at each session of the series (in date order)."""

    registrant: RegistrantRow
    sessions: tuple[Attendance, ...] = field(default_factory=tuple)


NOT_REGISTERED = Attendance(False, False, 0)


def series_session_ids(uow: UnitOfWork, series_id: int) -> list[int]:
    """Session ids of a series in date order (the grid's column groups)."""
    with uow:
        return list(uow.session.scalars(select(Session.id).where(Session.series_id == series_id)
                                        .order_by(Session.starts_at, Session.id)))


def _where(flt: AttendeeFilter) -> list[ColumnElement[bool]]:
    """WHERE clauses for a filter (all SQL that any SQLAlchemy backend understands)."""
    in_series = exists().where(
        Registration.registrant_id == Registrant.id, Registration.session_id == Session.id,
        Session.series_id == flt.series_id)
    clauses: list[ColumnElement[bool]] = [in_series]
    text = flt.text.strip()
    if text:
        for word in text.split():
            pattern = f"%{word}%"
            clauses.append(or_(*(column.ilike(pattern) for column in (
                Registrant.email, Registrant.first_name, Registrant.last_name,
                Registrant.organisation, Registrant.country, Registrant.job_title))))
    if flt.session_id is not None:
        condition = [Registration.registrant_id == Registrant.id,
                     Registration.session_id == flt.session_id]
        if flt.attended is not None:
            condition.append(Registration.attended.is_(flt.attended))
        clauses.append(exists().where(and_(*condition)))
    elif flt.attended is not None:
        came = exists().where(Registration.registrant_id == Registrant.id,
                              Registration.session_id == Session.id,
                              Session.series_id == flt.series_id, Registration.attended)
        clauses.append(came if flt.attended else ~came)
    if flt.consent:
        clauses.append(Registrant.consent == flt.consent)
    return clauses


def _order(query: Select[Any], flt: AttendeeFilter) -> Select[Any]:
    """ORDER BY for a sort key, with stable tie-breakers."""
    if ":" in flt.sort:
        what, _, raw_id = flt.sort.partition(":")
        columns: dict[str, ColumnElement[Any]] = {
            "registered": func.count(Registration.id),
            "attended": func.coalesce(func.max(Registration.attended), False),
            "minutes": func.coalesce(func.sum(Registration.minutes), 0)}
        column = columns[what]
        key: Any = (select(column).where(Registration.registrant_id == Registrant.id,
                                         Registration.session_id == int(raw_id))
                    .correlate(Registrant).scalar_subquery())
    else:
        key = TEXT_SORTS.get(flt.sort, Registrant.last_name)
    primary = key.desc() if flt.descending else key.asc()
    return query.order_by(primary, Registrant.last_name, Registrant.first_name, Registrant.id)


def count_attendees(uow: UnitOfWork, flt: AttendeeFilter) -> int:
    """How many registrants match a filter."""
    with uow:
        query = select(func.count()).select_from(Registrant).where(*_where(flt))
        return uow.session.scalar(query) or 0


def list_attendees(uow: UnitOfWork, flt: AttendeeFilter, offset: int = 0,
                   limit: int = 500) -> list[AttendeeRow]:
    """One page of matching registrants, each with attendance per session of the series."""
    with uow:
        session_ids = list(uow.session.scalars(
            select(Session.id).where(Session.series_id == flt.series_id)
            .order_by(Session.starts_at, Session.id)))
        query = _order(select(Registrant).where(*_where(flt)), flt).offset(offset).limit(limit)
        people = list(uow.session.scalars(query))
        if not people:
            return []
        found: dict[tuple[int, int], Attendance] = {}
        for registrant_id, session_id, attended, minutes in uow.session.execute(
                select(Registration.registrant_id, Registration.session_id,
                       Registration.attended, Registration.minutes)
                .where(Registration.registrant_id.in_([p.id for p in people]),
                       Registration.session_id.in_(session_ids))):
            found[(registrant_id, session_id)] = Attendance(True, bool(attended), minutes)
        return [AttendeeRow(to_row(p), tuple(found.get((p.id, s), NOT_REGISTERED)
                                              for s in session_ids)) for p in people]
