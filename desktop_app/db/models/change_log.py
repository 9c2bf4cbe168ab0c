"""The change feed: a counter every saving transaction moves on, and what each one changed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.db.models.base import Base


class ChangeCounter(Base):
    """One row: how many saving transactions the database has seen (windows poll it)."""

    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class ChangeLog(Base):
    """What one saving transaction changed, under the counter value it moved to."""

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    counter: Mapped[int] = mapped_column(Integer, index=True)
    table_name: Mapped[str] = mapped_column(String(50))
    record_id: Mapped[int | None] = mapped_column(Integer)  # None: many rows of the table
    action: Mapped[str] = mapped_column(String(10))  # insert, update, delete, bulk
    changed_by: Mapped[str] = mapped_column(String(200))
    origin: Mapped[str] = mapped_column(String(36))  # which open copy of the app saved it
    changed_at: Mapped[datetime] = mapped_column()

    __table_args__ = (Index("ix_change_log_record", "table_name", "record_id"),)
