"""Counts across the database, for the status bar and `webinar-desk stats`."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop_app.db.models import Registrant, Registration, Series, Session, Speaker
from desktop_app.domain.rows import Stats
from desktop_app.services.uow import UnitOfWork


def stats(uow: UnitOfWork) -> Stats:
    """How many of each thing the database holds."""

    def count(model: type[object]) -> int:
        return uow.session.scalar(select(func.count()).select_from(model)) or 0

    with uow:
        attended = uow.session.scalar(
            select(func.count()).select_from(Registration).where(Registration.attended)
        )
        minutes = uow.session.scalar(select(func.coalesce(func.sum(Registration.minutes), 0)))
        return Stats(
            series=count(Series),
            sessions=count(Session),
            speakers=count(Speaker),
            registrants=count(Registrant),
            registrations=count(Registration),
            attended=attended or 0,
            minutes=int(minutes or 0),
        )
