"""Use cases for registrants and their registrations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from desktop_app.db.models import Registrant, Registration, Session
from desktop_app.domain import search
from desktop_app.domain.enums import Consent
from desktop_app.domain.errors import Conflict, StaleRecord
from desktop_app.domain.people import normalise_email
from desktop_app.domain.records import (
    RegistrantData,
    RegistrationData,
    validate_registrant,
    validate_registration,
)
from desktop_app.domain.rows import RegistrantRow, RegistrationRow
from desktop_app.services.common import check_versions, get_current, get_or_raise, stale_text
from desktop_app.services.orphans import registrant_in_no_series
from desktop_app.services.uow import UnitOfWork


def _apply(registrant: Registrant, data: RegistrantData) -> None:
    """Copy validated fields onto a registrant record."""
    registrant.email, registrant.first_name = data.email, data.first_name
    registrant.last_name, registrant.organisation = data.last_name, data.organisation
    registrant.job_title, registrant.city = data.job_title, data.city
    registrant.country, registrant.sector = data.country, data.sector
    registrant.consent, registrant.consent_at = data.consent, data.consent_at
    registrant.consent_source = data.consent_source


def create_registrant(uow: UnitOfWork, data: RegistrantData) -> int:
    """Save a new registrant; Conflict if someone already has that email."""
    data = validate_registrant(data)
    with uow:
        if _id_by_email(uow, data.email) is not None:
            raise Conflict(f"a registrant with the email {data.email} already exists")
        registrant = Registrant()
        _apply(registrant, data)
        uow.session.add(registrant)
        uow.flush()
        uow.commit()
        return registrant.id


def update_registrant(
    uow: UnitOfWork, registrant_id: int, data: RegistrantData, version: int
) -> int:
    """Replace the editable fields of a registrant still at `version`; returns the new one."""
    data = validate_registrant(data)
    with uow:
        registrant = get_current(uow.session, Registrant, registrant_id, "registrant", version)
        other = _id_by_email(uow, data.email)
        if other is not None and other != registrant_id:
            raise Conflict(f"another registrant already has the email {data.email}")
        _apply(registrant, data)
        uow.commit()
        return registrant.version


def _registrants_at(
    uow: UnitOfWork, registrant_ids: list[int], versions: Mapping[int, int] | None
) -> dict[int, Registrant]:
    """The registrants with these ids (id -> record); with versions (id -> version seen),
    refused if any of them moved on."""
    found = {
        r.id: r
        for r in uow.session.scalars(select(Registrant).where(Registrant.id.in_(registrant_ids)))
    }
    if versions is not None:
        check_versions(found, "registrants", versions)
    return found


def delete_registrants(
    uow: UnitOfWork, registrant_ids: list[int], versions: Mapping[int, int] | None = None
) -> int:
    """Delete registrants with their registrations; returns how many were deleted.

    With versions (id -> version seen), refused if any of them moved on.
    """
    with uow:
        doomed = _registrants_at(uow, registrant_ids, versions)
        for registrant in doomed.values():
            uow.session.delete(registrant)
        uow.commit()
        return len(doomed)


ConsentState = tuple[str, datetime | None, str]


@dataclass(frozen=True)
class ConsentChange:
    """What set_consent changed: each registrant's answer before, and version after."""

    before: dict[int, ConsentState]
    versions: dict[int, int]


def set_consent(
    uow: UnitOfWork,
    registrant_ids: list[int],
    consent: Consent,
    source: str,
    versions: Mapping[int, int] | None = None,
) -> ConsentChange:
    """Record one consent answer for many registrants; returns what is needed to undo it.

    With versions (id -> version seen), refused if any of them moved on.
    """
    Consent(consent)  # refuse unknown values before touching anything
    with uow:
        found = _registrants_at(uow, registrant_ids, versions)
        before = {r.id: (r.consent, r.consent_at, r.consent_source) for r in found.values()}
        now = datetime.now(UTC)
        for registrant in found.values():
            registrant.consent, registrant.consent_at = consent, now
            registrant.consent_source = source
        uow.commit()
        return ConsentChange(before, {r.id: r.version for r in found.values()})


def restore_consent(
    uow: UnitOfWork, before: Mapping[int, ConsentState], versions: Mapping[int, int]
) -> dict[int, int]:
    """Put back the answers a set_consent replaced (ConsentChange.before), unless a
    registrant moved on from the version given (ConsentChange.versions, or later ones).

    Returns the registrants' versions after the restore.
    """
    with uow:
        found = _registrants_at(uow, list(before), versions)
        for registrant in found.values():
            state = before[registrant.id]
            registrant.consent, registrant.consent_at, registrant.consent_source = state
        uow.commit()
        return {r.id: r.version for r in found.values()}


def get_registrant(uow: UnitOfWork, registrant_id: int) -> RegistrantRow:
    """One registrant by id."""
    with uow:
        return to_row(get_or_raise(uow.session, Registrant, registrant_id, "registrant"))


def find_by_email(uow: UnitOfWork, email: str) -> RegistrantRow | None:
    """The registrant with this email (matched trimmed and case-folded), if any."""
    with uow:
        found = uow.session.scalar(
            select(Registrant).where(Registrant.email == normalise_email(email))
        )
        return to_row(found) if found else None


def _id_by_email(uow: UnitOfWork, email: str) -> int | None:
    """Id of the registrant with this normalised email."""
    return uow.session.scalar(select(Registrant.id).where(Registrant.email == email))


def _filtered(series_id: int | None, text: str, in_no_series: bool = False) -> list[object]:
    """WHERE clauses for registrants of a series (or of none) and/or matching every word
    of a text (accents and case aside: search_text and the words are folded alike)."""
    clauses: list[object] = [registrant_in_no_series()] if in_no_series else []
    if series_id is not None:
        clauses.append(
            Registrant.id.in_(
                select(Registration.registrant_id)
                .join(Session)
                .where(Session.series_id == series_id)
            )
        )
    for word in search.words(text):
        clauses.append(Registrant.search_text.contains(word, autoescape=True))
    return clauses


def count_registrants(
    uow: UnitOfWork, series_id: int | None = None, text: str = "", *, in_no_series: bool = False
) -> int:
    """How many registrants (of a series or of none, matching a text) there are."""
    clauses = _filtered(series_id, text, in_no_series)
    with uow:
        query = select(func.count()).select_from(Registrant).where(*clauses)  # type: ignore[arg-type]
        return uow.session.scalar(query) or 0


def list_registrants(
    uow: UnitOfWork,
    series_id: int | None = None,
    text: str = "",
    offset: int = 0,
    limit: int | None = None,
    *,
    in_no_series: bool = False,
) -> list[RegistrantRow]:
    """A page of registrants (of a series, or in_no_series) by last name, first name, email."""
    query = (
        select(Registrant)
        .where(*_filtered(series_id, text, in_no_series))  # type: ignore[arg-type]
        .order_by(Registrant.last_name, Registrant.first_name, Registrant.email)
        .offset(offset)
        .limit(limit)
    )
    with uow:
        return [to_row(r) for r in uow.session.scalars(query)]


def to_row(registrant: Registrant) -> RegistrantRow:
    """A frozen copy of a registrant."""
    return RegistrantRow(
        id=registrant.id,
        email=registrant.email,
        first_name=registrant.first_name,
        last_name=registrant.last_name,
        organisation=registrant.organisation,
        job_title=registrant.job_title,
        city=registrant.city,
        country=registrant.country,
        sector=registrant.sector,
        consent=registrant.consent,
        consent_at=registrant.consent_at,
        consent_source=registrant.consent_source,
        version=registrant.version,
    )


def register(
    uow: UnitOfWork,
    registrant_id: int,
    session_id: int,
    data: RegistrationData,
    expect_new: bool = False,
) -> int:
    """Record (or replace) a registrant's registration for a session; returns its id.

    expect_new: the caller saw no registration, so one made elsewhere meanwhile is not
    replaced (StaleRecord).
    """
    data = validate_registration(data)
    with uow:
        get_or_raise(uow.session, Registrant, registrant_id, "registrant")
        get_or_raise(uow.session, Session, session_id, "session")
        registration = uow.session.scalar(
            select(Registration).where(
                Registration.registrant_id == registrant_id, Registration.session_id == session_id
            )
        )
        if registration is None:
            registration = Registration(registrant_id=registrant_id, session_id=session_id)
            uow.session.add(registration)
        elif expect_new:
            raise StaleRecord(stale_text("registration"))
        _apply_registration(registration, data)
        uow.flush()
        uow.commit()
        return registration.id


def update_registration(
    uow: UnitOfWork, registration_id: int, data: RegistrationData, version: int
) -> int:
    """Replace the fields of a registration still at `version`; returns the new version."""
    data = validate_registration(data)
    with uow:
        registration = get_current(
            uow.session, Registration, registration_id, "registration", version
        )
        _apply_registration(registration, data)
        uow.commit()
        return registration.version


def delete_registration(uow: UnitOfWork, registration_id: int, version: int) -> None:
    """Remove one registration still at `version` (the registrant stays)."""
    with uow:
        registration = get_current(
            uow.session, Registration, registration_id, "registration", version
        )
        uow.session.delete(registration)
        uow.commit()


def list_registrations(
    uow: UnitOfWork, *, registrant_id: int | None = None, session_id: int | None = None
) -> list[RegistrationRow]:
    """Registrations of a registrant or of a session."""
    query = select(Registration).order_by(Registration.session_id, Registration.registrant_id)
    if registrant_id is not None:
        query = query.where(Registration.registrant_id == registrant_id)
    if session_id is not None:
        query = query.where(Registration.session_id == session_id)
    with uow:
        return [_registration_row(r) for r in uow.session.scalars(query)]


def _apply_registration(registration: Registration, data: RegistrationData) -> None:
    """Copy validated fields onto a registration record."""
    registration.registered_at = data.registered_at
    registration.approval_status, registration.source = data.approval_status, data.source
    registration.attended, registration.minutes = data.attended, data.minutes
    registration.first_join, registration.last_leave = data.first_join, data.last_leave


def _registration_row(registration: Registration) -> RegistrationRow:
    """A frozen copy of a registration."""
    return RegistrationRow(
        id=registration.id,
        registrant_id=registration.registrant_id,
        session_id=registration.session_id,
        registered_at=registration.registered_at,
        approval_status=registration.approval_status,
        source=registration.source,
        attended=registration.attended,
        first_join=registration.first_join,
        last_leave=registration.last_leave,
        minutes=registration.minutes,
        version=registration.version,
    )
