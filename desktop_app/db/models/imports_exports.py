"""What comes in and goes out: import batches (audited, undoable) and partners' export profiles."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.db.models.base import Base, now_utc, version_column, versioned_by


class ImportBatch(Base):
    """One file brought in: what it was, what it did, so it can be audited and undone."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    detected_format: Mapped[str] = mapped_column(String(50))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id", ondelete="SET NULL"))
    imported_at: Mapped[datetime] = mapped_column(default=now_utc)
    rows_total: Mapped[int] = mapped_column(Integer, default=0)
    registrants_created: Mapped[int] = mapped_column(Integer, default=0)
    registrants_updated: Mapped[int] = mapped_column(Integer, default=0)
    registrations_created: Mapped[int] = mapped_column(Integer, default=0)
    rows_skipped: Mapped[int] = mapped_column(Integer, default=0)
    # What the batch changed, so "Undo import" can restore the previous values.
    undo_log: Mapped[dict[str, Any]] = mapped_column(default=dict)
    undone_at: Mapped[datetime | None] = mapped_column()


class ExportProfile(Base):
    """A partner's saved export: which people, which columns under which headings."""

    __tablename__ = "export_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = version_column()
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # [[column key, heading], ...] in the order they are written.
    columns: Mapped[list[Any]] = mapped_column(JSON, default=list)
    filters: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(default=now_utc, onupdate=now_utc)

    __mapper_args__ = versioned_by(version)
    __table_args__ = (CheckConstraint("name <> ''", name="name_not_empty"),)
