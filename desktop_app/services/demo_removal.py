"""Removing the demo: everything the demo loader brought, and nothing the user added."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from desktop_app.db.models import Registrant, Registration, Series, Session, Speaker
from desktop_app.services import snapshots
from desktop_app.services.orphans import registrant_in_no_series, speaker_in_no_series
from desktop_app.services.snapshots import Snapshot
from desktop_app.services.uow import UnitOfWork


@dataclass(frozen=True)
class DemoRemoval:
    """What removing the demo took away and kept; the snapshot puts it all back."""

    series: int
    sessions: int
    speakers: int
    registrants: int
    registrations: int
    kept_speakers: int  # demo speakers the user has since given a part in a real series
    kept_registrants: int  # demo registrants the user has since registered elsewhere
    snapshot: Snapshot

    @property
    def removed_anything(self) -> bool:
        """False when there was no demo to remove."""
        return bool(self.series or self.speakers or self.registrants)


def demo_present(uow: UnitOfWork) -> bool:
    """True while anything the demo brought is still in the database."""
    with uow:
        for model in (Series, Speaker, Registrant):
            marked = select(func.count()).select_from(model).where(model.created_by_demo)
            if uow.session.scalar(marked):
                return True
        return False


def remove_demo(uow: UnitOfWork) -> DemoRemoval:
    """Delete the demo series with its sessions, and the demo's people left in no series.

    A demo speaker or registrant the user has attached to another series stays; people
    the user added to the demo series stay too (they show under "not in any series").
    """
    with uow:
        db = uow.session
        series_ids = list(db.scalars(select(Series.id).where(Series.created_by_demo)))
        parts = [snapshots.delete_in(uow, "series", series_ids)] if series_ids else []
        uow.flush()
        speaker_ids = list(
            db.scalars(select(Speaker.id).where(Speaker.created_by_demo, speaker_in_no_series()))
        )
        registrant_ids = list(
            db.scalars(
                select(Registrant.id).where(Registrant.created_by_demo, registrant_in_no_series())
            )
        )
        if speaker_ids:
            parts.append(snapshots.delete_in(uow, "speakers", speaker_ids))
        if registrant_ids:
            parts.append(snapshots.delete_in(uow, "registrants", registrant_ids))
        kept_speakers = db.scalar(
            select(func.count()).select_from(Speaker).where(Speaker.created_by_demo)
        )
        kept_registrants = db.scalar(
            select(func.count()).select_from(Registrant).where(Registrant.created_by_demo)
        )
        uow.commit()
    snapshot = snapshots.combine("the demo series", *parts)
    return DemoRemoval(
        series=snapshot.count(Series.__tablename__),
        sessions=snapshot.count(Session.__tablename__),
        speakers=snapshot.count(Speaker.__tablename__),
        registrants=snapshot.count(Registrant.__tablename__),
        registrations=snapshot.count(Registration.__tablename__),
        kept_speakers=kept_speakers or 0,
        kept_registrants=kept_registrants or 0,
        snapshot=snapshot,
    )
