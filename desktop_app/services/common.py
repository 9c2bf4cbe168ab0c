"""Helpers shared by the service modules."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from desktop_app.db.models import Base
from desktop_app.domain.errors import NotFound

M = TypeVar("M", bound=Base)


def get_or_raise(session: Session, model: type[M], record_id: int, what: str) -> M:
    """The record with this id, or NotFound saying which kind of record is missing."""
    record = session.get(model, record_id)
    if record is None:
        raise NotFound(f"there is no {what} with id {record_id}")
    return record
