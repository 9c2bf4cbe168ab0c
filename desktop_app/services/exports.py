"""Registrant exports for partners: who and what a profile allows, streamed to a file."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Integer, Select, String, exists, func, select, type_coerce

from desktop_app.db.bulk import chunk_reader, one_of, plain_rows
from desktop_app.db.models import Registrant, Registration, Series, Session
from desktop_app.db.types import local_time_from_stored
from desktop_app.domain import timezones
from desktop_app.domain.enums import Consent
from desktop_app.domain.errors import NotFound, UserError
from desktop_app.domain.export_plan import PERSON_KEYS, ExportPerson, ExportPlan, SessionInfo
from desktop_app.domain.export_profile import (
    ExportProfile,
    is_internal,
)
from desktop_app.services.uow import UnitOfWork

CHUNK = 2000


# Who the Summary says exported the file when the caller names nobody (never the login
# name: it means nothing to a partner and may say more than it should).
DEFAULT_EXPORTER = "Webinar Desk"


class ExportCancelled(UserError):
    """The user cancelled; no file was written."""


# Who and what --------------------------------------------------------------------------------


def plan_export(
    uow: UnitOfWork,
    series_id: int,
    profile: ExportProfile,
    session_id: int | None = None,
    count: bool = True,
    exported_by: str = DEFAULT_EXPORTER,
    registrant_ids: Collection[int] | None = None,
) -> ExportPlan:
    """Count the people (unless count is False: people is then 0) and list the columns an
    export will hold, writing nothing. exported_by is the name the Summary gives;
    registrant_ids, when given, keeps only those people (the profile's rules still apply)."""
    chosen = None if registrant_ids is None else frozenset(registrant_ids)
    with uow:
        series = uow.session.get(Series, series_id)
        if series is None:
            raise NotFound(f"there is no series with id {series_id}")
        sessions = _sessions(uow, series, profile, session_id)
        people = sum(1 for _ in _people(uow, series, profile, sessions, chosen)) if count else 0
        title, zone, zone_label = series.title, series.home_zone, _zone_label(series)
    headings = tuple(_headings(profile, sessions, zone_label))
    return ExportPlan(
        title,
        zone,
        zone_label,
        profile,
        tuple(sessions),
        people,
        headings,
        tuple(profile.personal_columns()),
        datetime.now(UTC),
        exported_by.strip() or DEFAULT_EXPORTER,
        internal=is_internal(profile),
        registrant_ids=chosen,
    )


def iter_people(uow: UnitOfWork, plan: ExportPlan, series_id: int) -> Iterator[ExportPerson]:
    """The people of a plan, streamed in name order a chunk at a time (memory stays flat)."""
    with uow:
        series = uow.session.get_one(Series, series_id)
        yield from _people(uow, series, plan.profile, list(plan.sessions), plan.registrant_ids)


def _zone_label(series: Series) -> str:
    return timezones.abbreviation(series.home_zone, datetime.now(UTC))


def _sessions(
    uow: UnitOfWork, series: Series, profile: ExportProfile, session_id: int | None
) -> list[SessionInfo]:
    """The sessions an export covers, with their registered/attended counts."""
    query = select(Session).where(Session.series_id == series.id).order_by(Session.starts_at)
    chosen = [
        s
        for s in uow.session.scalars(query)
        if (session_id is None or s.id == session_id)
        and (not profile.session_ids or s.id in profile.session_ids)
    ]
    if session_id is not None and not chosen:
        raise NotFound(
            f"session {session_id} is not in the series '{series.title}' (or not "
            f"in the profile '{profile.name}')"
        )
    # Registered and attended per session, in one query (not a row per registration).
    counts = {
        session_id: (registered, attended or 0)
        for session_id, registered, attended in uow.session.execute(
            select(
                Registration.session_id,
                func.count(),
                func.sum(func.cast(Registration.attended, Integer)),
            )
            .where(Registration.session_id.in_([s.id for s in chosen]))
            .group_by(Registration.session_id)
        ).tuples()
    }
    result = []
    for session in chosen:
        registered, attended = counts.get(session.id, (0, 0))
        local = timezones.utc_to_local(session.starts_at, series.home_zone)
        result.append(
            SessionInfo(
                session.id,
                session.title,
                local.replace(tzinfo=None),
                timezones.format_start(
                    session.starts_at, series.home_zone, list(series.display_zones)
                ),
                registered,
                attended,
            )
        )
    return result


def _people(
    uow: UnitOfWork,
    series: Series,
    profile: ExportProfile,
    sessions: list[SessionInfo],
    chosen: frozenset[int] | None = None,
) -> Iterator[ExportPerson]:
    """Registrants the profile allows (of chosen, when given), with their registrations for
    the chosen sessions."""
    ids = [s.id for s in sessions]
    if not ids:
        return
    if profile.people == "everyone":
        in_scope = exists().where(
            Registration.registrant_id == Registrant.id,
            Registration.session_id == Session.id,
            Session.series_id == series.id,
        )
    else:
        conditions = [Registration.registrant_id == Registrant.id, Registration.session_id.in_(ids)]
        if profile.people == "attended":
            conditions.append(Registration.attended.is_(True))
        in_scope = exists().where(*conditions)
    query = select(Registrant.id, *(getattr(Registrant, k) for k in PERSON_KEYS)).where(in_scope)
    if profile.require_consent:
        allowed = [Consent.YES.value] + (
            [Consent.UNKNOWN.value] if profile.include_unknown_consent else []
        )
        query = query.where(Registrant.consent.in_(allowed))
    query = query.order_by(Registrant.last_name, Registrant.first_name, Registrant.email)
    organisations = [o.casefold() for o in profile.organisations if o.strip()]
    domains = [d.casefold().lstrip("@") for d in profile.email_domains if d.strip()]
    zone = timezones.zone(series.home_zone)
    slot = {session_id: n for n, session_id in enumerate(ids)}
    nobody = ((None, False, False, 0),) * len(ids)
    # The stored UTC text, converted here: SQLAlchemy's per-value result processing was
    # a third of a CSV export's time.
    registered_text = type_coerce(Registration.registered_at, String())
    to_local = local_time_from_stored(zone)
    connection = uow.session.connection()
    # One statement for every chunk: only the list of ids changes.
    registrations = select(
        Registration.registrant_id,
        Registration.session_id,
        registered_text,
        type_coerce(Registration.attended, Integer()),
        Registration.minutes,
    ).where(
        one_of(connection, Registration.registrant_id, "people", Integer()),
        Registration.session_id.in_(ids),
    )
    with (
        _chunks_of(connection, query) as chunks,
        chunk_reader(connection, registrations, "people", CHUNK) as registrations_of,
    ):
        for chunk in chunks:
            people = (
                [row for row in chunk if _matches(row, organisations, domains)]
                if organisations or domains
                else chunk
            )
            if chosen is not None:  # filtered here: a long IN list would meet SQLite's limits
                people = [row for row in people if row[0] in chosen]
            if not people:
                continue
            found: dict[int, list[tuple[datetime | None, bool, bool, int]]] = {}
            for registrant_id, session_id, registered_at, attended, minutes in registrations_of(
                [p[0] for p in people]
            ):
                cells = found.get(registrant_id)
                if cells is None:
                    cells = found[registrant_id] = list(nobody)
                local = to_local(registered_at) if registered_at else None
                cells[slot[session_id]] = (local, True, attended == 1, minutes)
            for row in people:
                cells = found.get(row[0])
                yield ExportPerson(
                    tuple(row[1:]),
                    nobody if cells is None else tuple(cells),
                )


@contextmanager
def _chunks_of(connection: Connection, query: Select[Any]) -> Iterator[Iterator[Sequence[Any]]]:
    """query's rows, CHUNK at a time, closed on every way out (a cancelled export too).

    SQLite: the driver's plain tuples, read as they are needed (a Row object per row
    was a tenth of an export's reading); a server streams through a server-side cursor
    (yield_per) that must not outlive the export."""
    if connection.dialect.name == "sqlite":
        with closing(plain_rows(connection, query, CHUNK)) as rows:
            yield rows
        return
    with connection.execution_options(yield_per=CHUNK).execute(query) as result:
        yield result.partitions()


def _matches(row: Any, organisations: list[str], domains: list[str]) -> bool:
    """True when no partner list is set, or the organisation or email domain is on it."""
    if not organisations and not domains:
        return True
    organisation, email = str(row[4]).casefold(), str(row[3]).casefold()
    return any(o in organisation for o in organisations) or any(
        email.endswith("@" + d) or email.endswith("." + d) for d in domains
    )


def _headings(
    profile: ExportProfile, sessions: list[SessionInfo] | tuple[SessionInfo, ...], zone_label: str
) -> Iterator[str]:
    """Column headings of the 'All registrants' sheet: per-session columns per session."""
    from desktop_app.domain.export_profile import BY_KEY

    for key, heading in profile.columns:
        if not BY_KEY[key].per_session:
            yield heading
    for session in sessions:
        short = f"{session.start_local.day} {session.start_local:%b}"
        for key, heading in profile.columns:
            if BY_KEY[key].per_session:
                zone = f" ({zone_label})" if key == "registered_at" else ""
                yield f"{short}: {heading}{zone}"


def export_registrants(
    uow: UnitOfWork,
    series_id: int,
    profile: ExportProfile,
    target: Path,
    session_id: int | None = None,
    keep_going: Callable[[int, int], bool] | None = None,
    exported_by: str = DEFAULT_EXPORTER,
    registrant_ids: Collection[int] | None = None,
) -> ExportPlan:
    """Write the export to target (.xlsx or .csv) atomically; returns what was written.

    keep_going(done, 0) is asked every 1,000 people (the total is not counted in advance);
    returning False cancels and leaves no file. exported_by: the staff member's name for
    the Summary sheet; registrant_ids: only these people (see plan_export).
    """
    from desktop_app.io import registrant_export

    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UserError(
            f"{target.name}: exports are written as .xlsx or .csv; choose a name "
            "ending in one of them"
        )
    if not target.parent.is_dir():
        raise UserError(f"the folder {target.parent} does not exist; choose another place")
    # No counting pass: the people are counted as they are written (one pass, not two).
    plan = plan_export(
        uow,
        series_id,
        profile,
        session_id,
        count=False,
        exported_by=exported_by,
        registrant_ids=registrant_ids,
    )
    written = 0

    def people() -> Iterator[ExportPerson]:
        nonlocal written
        for person in iter_people(uow, plan, series_id):
            if keep_going is not None and written % 1000 == 0 and not keep_going(written, 0):
                raise ExportCancelled("export cancelled; no file was written")
            written += 1
            yield person

    try:
        if suffix == ".xlsx":
            registrant_export.write_xlsx(target, plan, people())
        else:
            registrant_export.write_csv(target, plan, people())
    except OSError as error:
        raise UserError(f"cannot write {target}: {error.strerror or error}") from None
    return replace(plan, people=written)
