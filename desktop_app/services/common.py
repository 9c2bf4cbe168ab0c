"""Helpers shared by the service modules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from desktop_app.db.models import Base
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
    """StaleRecord unless record.version is the version the caller saw."""
    if record.version != version:
        raise StaleRecord(stale_text(what))


def check_versions(records: Mapping[int, Any], plural: str, versions: Mapping[int, int]) -> None:
    """StaleRecord unless every record (by id) is at the version given for it."""
    moved = [i for i, v in versions.items() if i not in records or records[i].version != v]
    if moved:
        raise StaleRecord(
            f"{len(moved):,} of the {plural} changed elsewhere — reload to see the change "
            "(nothing was saved)"
        )


def stale_text(what: str, deleted: bool = False) -> str:
    """'this session was changed elsewhere — reload to see the change' and its variants."""
    verb = "deleted" if deleted else "changed"
    return f"this {what} was {verb} elsewhere — reload to see the change (nothing was saved)"
