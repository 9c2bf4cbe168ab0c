"""Helpers shared by the service modules."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from desktop_app.db.change_feed import ORIGIN
from desktop_app.db.models import Base, ChangeLog
from desktop_app.domain.errors import NotFound, StaleRecord

M = TypeVar("M", bound=Base)
LARGEST_ID = 2**63 - 1  # SQL's BIGINT; a larger number cannot be an id


def get_or_raise(session: Session, model: type[M], record_id: int, what: str) -> M:
    """The record with this id, or NotFound saying which kind of record is missing."""
    record = session.get(model, record_id) if 0 < record_id <= LARGEST_ID else None
    if record is None:
        raise NotFound(f"there is no {what} with id {record_id}")
    return record


def get_current(session: Session, model: type[M], record_id: int, what: str, version: int) -> M:
    """The record, if it is still at the version the caller saw; else StaleRecord.

    The versioned mapper checks the version again in the UPDATE itself, so a change that
    lands between this read and the save is refused too.
    """
    record = session.get(model, record_id) if 0 < record_id <= LARGEST_ID else None
    if record is None:
        raise NotFound(
            f"there is no {what} with id {record_id} (it may have been deleted elsewhere — "
            "reload to see the change)"
        )
    check_version(record, what, version)
    return record


def check_version(record: Any, what: str, version: int) -> None:
    """StaleRecord unless record.version is the version the caller saw; it says who
    changed the record and when, as the change log has it."""
    if record.version != version:
        raise StaleRecord(stale_text(what, by=stale_by(record)))


def check_versions(records: Mapping[int, Any], plural: str, versions: Mapping[int, int]) -> None:
    """StaleRecord unless every record (by id) is at the version given for it."""
    moved = [i for i, v in versions.items() if i not in records or records[i].version != v]
    if moved:
        raise StaleRecord(
            f"{len(moved):,} of the {plural} changed elsewhere — reload to see the change "
            "(nothing was saved)"
        )


def stale_text(what: str, deleted: bool = False, by: str = "") -> str:
    """'this session was changed elsewhere — reload to see the change' and its variants
    (by: 'by Maria at 14:32', see stale_by, in place of 'elsewhere')."""
    verb = "deleted" if deleted else "changed"
    return (
        f"this {what} was {verb} {by or 'elsewhere'} — reload to see the change (nothing was saved)"
    )


def stale_by(record: Any) -> str:
    """Who made the change a save was refused over, for stale_text: 'by Maria at 14:32'
    (another copy of the app: a colleague's, or the command line), or 'at 14:32 elsewhere
    in this app …' (this copy: another editor, an import or an undo); '' when unknown."""
    found = _last_change(record)
    if found is None:
        return ""
    who, when, ours = found
    if ours:
        return f"at {when} elsewhere in this app (another editor, an import or an undo)"
    return f"by {who} at {when}"


def changed_by(record: Any) -> str:
    """'Maria at 14:32' (or 'Maria on 1 Dec at 14:32'): who last saved this record and when,
    in this computer's time, as the change log has it; '' when the log does not say."""
    found = _last_change(record)
    return "" if found is None else f"{found[0]} at {found[1]}"


def _last_change(record: Any) -> tuple[str, str, bool] | None:
    """The record's last change in the change log: who, when ('14:32' today, else
    '1 Dec at 14:32' without the 'at'), and whether this copy of the app made it."""
    session = object_session(record)
    if session is None:
        return None
    found = session.execute(
        select(ChangeLog.changed_by, ChangeLog.changed_at, ChangeLog.origin)
        .where(ChangeLog.table_name == record.__table__.name, ChangeLog.record_id == record.id)
        .order_by(ChangeLog.counter.desc())
        .limit(1)
    ).first()
    if found is None:
        return None
    when = found[1].astimezone()
    today = when.date() == datetime.now().astimezone().date()
    moment = f"{when:%H:%M}" if today else f"{when:%H:%M} on {when.day} {when:%b}"
    return str(found[0]), moment, found[2] == session.info.get(ORIGIN)
