"""Run-of-shows saved by name, to apply to other sessions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.db.models.base import Base, now_utc


class RunOfShowTemplate(Base):
    """A run-of-show saved by name, to apply to other sessions."""

    __tablename__ = "run_of_show_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # [{"title", "duration_minutes", "owner", "cue", "notes", "before_start"}, ...]
    segments: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)

    __table_args__ = (CheckConstraint("name <> ''", name="name_not_empty"),)
