"""Helpers shared by the service modules."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from desktop_app.db.models import Base, ChangeLog
from desktop_app.domain.errors import NotFound

M = TypeVar("M", bound=Base)


def get_or_raise(session: Session, model: type[M], record_id: int, what: str) -> M:
    """The record with this id, or NotFound saying which kind of record is missing."""
    record = session.get(model, record_id)
    if record is None:
        raise NotFound(f"there is no {what} with id {record_id}")
    return record


def changed_by(record: Any) -> str:
    """'Maria at 14:32' (or 'Maria on 1 Dec at 14:32'): who last saved this record and when,
    in this computer's time, as the change log has it; '' when the log does not say.

    For the message of a save refused because a colleague saved first.
    """
    session = object_session(record)
    if session is None:
        return ""
    found = session.execute(
        select(ChangeLog.changed_by, ChangeLog.changed_at)
        .where(ChangeLog.table_name == record.__table__.name, ChangeLog.record_id == record.id)
        .order_by(ChangeLog.counter.desc())
        .limit(1)
    ).first()
    if found is None:
        return ""
    who, when = found[0], found[1].astimezone()
    day = "" if when.date() == datetime.now().astimezone().date() else f" on {when.day} {when:%b}"
    return f"{who}{day} at {when:%H:%M}"
