"""Mail drafts: a series' own templates and the batches of drafts written for a session."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.db.models.base import Base, now_utc, one_of
from desktop_app.domain.mail_kinds import MailKind


class MailTemplate(Base):
    """A series' own subject and body for one kind of mail draft."""

    __tablename__ = "mail_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(default=now_utc, onupdate=now_utc)

    __table_args__ = (
        UniqueConstraint("series_id", "name"),
        CheckConstraint(one_of("kind", MailKind), name="kind_known"),
        CheckConstraint("name <> ''", name="name_not_empty"),
    )


class DraftBatch(Base):
    """A batch of mail drafts written for a session: what, for how many, when, where."""

    __tablename__ = "draft_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(30))
    variant: Mapped[str] = mapped_column(String(20), default="")  # reminders: when sent
    template_name: Mapped[str] = mapped_column(String(200))
    recipient_count: Mapped[int] = mapped_column(Integer)
    # The addresses written to, so "who got the reminder?" has an answer too.
    recipients: Mapped[list[str]] = mapped_column(default=list)
    folder: Mapped[str] = mapped_column(String(1000), default="")
    sender: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=now_utc)

    __table_args__ = (
        CheckConstraint(one_of("kind", MailKind), name="kind_known"),
        CheckConstraint("recipient_count >= 0", name="recipient_count_not_negative"),
    )
