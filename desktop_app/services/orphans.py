"""Registrants and speakers who belong to no series: counted and deletable.

The lists use these clauses: registrants.list_registrants(in_no_series=True),
speakers.list_speakers(in_no_series=True) and attendee_index.load_attendee_index(None).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select

from desktop_app.db.models import Registrant, Registration, Session, SessionSpeaker, Speaker
from desktop_app.services import snapshots
from desktop_app.services.snapshots import Snapshot
from desktop_app.services.uow import UnitOfWork

# Correlated to the outer registrant or speaker only, so the clauses also work in queries
# that join sessions or parts themselves.


def registrant_in_no_series() -> ColumnElement[bool]:
    """WHERE clause: the registrant has no registration (so is in no series)."""
    registered = (
        select(Registration.id)
        .where(Registration.registrant_id == Registrant.id)
        .correlate(Registrant)
    )
    return ~registered.exists()


def speaker_in_no_series() -> ColumnElement[bool]:
    """WHERE clause: the speaker has no part in a session and hosts no After Hours."""
    parts = (
        select(SessionSpeaker.id).where(SessionSpeaker.speaker_id == Speaker.id).correlate(Speaker)
    )
    hosting = select(Session.id).where(Session.after_hours_host_id == Speaker.id).correlate(Speaker)
    return ~parts.exists() & ~hosting.exists()


def counts(uow: UnitOfWork) -> tuple[int, int]:
    """(registrants, speakers) in no series."""
    with uow:
        people = select(func.count()).select_from(Registrant).where(registrant_in_no_series())
        talkers = select(func.count()).select_from(Speaker).where(speaker_in_no_series())
        return uow.session.scalar(people) or 0, uow.session.scalar(talkers) or 0


def delete_all(uow: UnitOfWork) -> Snapshot:
    """Delete every registrant and speaker in no series; the snapshot puts them back."""
    with uow:
        people = list(uow.session.scalars(select(Registrant.id).where(registrant_in_no_series())))
        talkers = list(uow.session.scalars(select(Speaker.id).where(speaker_in_no_series())))
        parts = [snapshots.delete_in(uow, "registrants", people)] if people else []
        parts += [snapshots.delete_in(uow, "speakers", talkers)] if talkers else []
        uow.commit()
        return snapshots.combine("people in no series", *parts)
