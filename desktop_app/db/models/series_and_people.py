"""Series, sessions and the people at them (speakers, registrants), with the rows joining
them and a session's run-of-show lines: one module because their relationships point both ways."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.db.models.base import Base, now_utc, one_of, version_column, versioned_by
from desktop_app.domain.calendar_events import new_uid
from desktop_app.domain.enums import (
    ApprovalStatus,
    Consent,
    SessionKind,
    SessionStatus,
    SpeakerRole,
)


class Series(Base):
    """A webinar series: the sessions shown together under one title."""

    __tablename__ = "series"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = version_column()
    title: Mapped[str] = mapped_column(String(300))
    organiser: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    home_zone: Mapped[str] = mapped_column(String(64))
    display_zones: Mapped[list[str]] = mapped_column(default=list)
    default_platform: Mapped[str] = mapped_column(String(100), default="")
    # Loaded by the demo (File › Load demo); "Remove the demo" takes exactly these away.
    created_by_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(default=now_utc, onupdate=now_utc)

    sessions: Mapped[list[Session]] = relationship(
        back_populates="series",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Session.starts_at",
    )

    __mapper_args__ = versioned_by(version)
    __table_args__ = (CheckConstraint("title <> ''", name="title_not_empty"),)


class Speaker(Base):
    """A person who speaks, hosts or moderates at one or more sessions."""

    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = version_column()
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    # Normalised (trimmed, case-folded); NULL when unknown so several may lack one.
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    phone: Mapped[str] = mapped_column(String(50), default="")
    pronouns: Mapped[str] = mapped_column(String(50), default="")
    bio: Mapped[str] = mapped_column(Text, default="")
    # Relative to the app's data folder, where headshots are copied.
    headshot_path: Mapped[str] = mapped_column(String(500), default="")
    # Searchable fields folded (domain.search) so both engines match alike; set on each write.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Loaded by the demo (File › Load demo); "Remove the demo" takes exactly these away.
    created_by_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(default=now_utc, onupdate=now_utc)

    appearances: Mapped[list[SessionSpeaker]] = relationship(
        back_populates="speaker",
        cascade="all, delete-orphan",
        passive_deletes=True,
        foreign_keys="SessionSpeaker.speaker_id",
    )

    __mapper_args__ = versioned_by(version)
    __table_args__ = (CheckConstraint("name <> ''", name="name_not_empty"),)


class Session(Base):
    """One webinar of a series, with its start stored in UTC."""

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = version_column()
    run_of_show_version: Mapped[int] = version_column()  # its segment list, as a whole
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default=SessionKind.OTHER.value)
    title: Mapped[str] = mapped_column(String(300))
    subtitle: Mapped[str] = mapped_column(String(500), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(index=True)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    platform: Mapped[str] = mapped_column(String(100), default="")
    join_url: Mapped[str] = mapped_column(String(1000), default="")
    # As the invitation gives them; the sheet falls back to what the join link carries.
    meeting_id: Mapped[str] = mapped_column(String(50), default="", server_default="")
    passcode: Mapped[str] = mapped_column(String(50), default="", server_default="")
    registration_url: Mapped[str] = mapped_column(String(1000), default="")
    recording_url: Mapped[str] = mapped_column(String(1000), default="")
    status: Mapped[str] = mapped_column(String(20), default=SessionStatus.DRAFT.value)
    after_hours_minutes: Mapped[int | None] = mapped_column(Integer)
    after_hours_host_id: Mapped[int | None] = mapped_column(
        ForeignKey("speakers.id", ondelete="SET NULL")
    )
    # The calendar UID (row ids repeat across databases) and its SEQUENCE, which
    # derived_fields raises whenever a change must reach attendees' calendars.
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(default=now_utc, onupdate=now_utc)

    series: Mapped[Series] = relationship(back_populates="sessions")
    speakers: Mapped[list[SessionSpeaker]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="SessionSpeaker.position",
    )
    registrations: Mapped[list[Registration]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    segments: Mapped[list[RunOfShowSegment]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="RunOfShowSegment.position",
    )

    __mapper_args__ = versioned_by(version)
    __table_args__ = (
        CheckConstraint(one_of("kind", SessionKind), name="kind_known"),
        CheckConstraint(one_of("status", SessionStatus), name="status_known"),
        CheckConstraint("duration_minutes > 0", name="duration_positive"),
        CheckConstraint(
            "after_hours_minutes IS NULL OR after_hours_minutes >= 0",
            name="after_hours_not_negative",
        ),
        CheckConstraint("title <> ''", name="title_not_empty"),
        CheckConstraint("sequence >= 0", name="sequence_not_negative"),
    )


class SessionSpeaker(Base):
    """A speaker's part in one session: role, order and preparation checklist."""

    __tablename__ = "session_speakers"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = version_column()
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    speaker_id: Mapped[int] = mapped_column(
        ForeignKey("speakers.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(30), default=SpeakerRole.PANELIST.value)
    position: Mapped[int] = mapped_column(Integer, default=0)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    bio_received: Mapped[bool] = mapped_column(Boolean, default=False)
    headshot_received: Mapped[bool] = mapped_column(Boolean, default=False)
    tech_check_done: Mapped[bool] = mapped_column(Boolean, default=False)
    consents_to_recording: Mapped[bool] = mapped_column(Boolean, default=False)

    session: Mapped[Session] = relationship(back_populates="speakers")
    speaker: Mapped[Speaker] = relationship(back_populates="appearances", foreign_keys=[speaker_id])

    __mapper_args__ = versioned_by(version)
    __table_args__ = (
        UniqueConstraint("session_id", "speaker_id", "role"),
        CheckConstraint(one_of("role", SpeakerRole), name="role_known"),
    )


class Registrant(Base):
    """A person who registered for at least one session; one per email address."""

    __tablename__ = "registrants"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = version_column()
    # Normalised (trimmed, case-folded) so one person is one row.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    first_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    job_title: Mapped[str] = mapped_column(String(300), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(String(200), default="")
    sector: Mapped[str] = mapped_column(String(200), default="")
    consent: Mapped[str] = mapped_column(String(10), default=Consent.UNKNOWN.value)
    consent_at: Mapped[datetime | None] = mapped_column()
    consent_source: Mapped[str] = mapped_column(String(200), default="")
    # Searchable fields folded (domain.search) so both engines match alike; set on each write.
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Loaded by the demo (File › Load demo); "Remove the demo" takes exactly these away.
    created_by_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(default=now_utc, onupdate=now_utc)

    registrations: Mapped[list[Registration]] = relationship(
        back_populates="registrant",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    __mapper_args__ = versioned_by(version)
    __table_args__ = (
        CheckConstraint(one_of("consent", Consent), name="consent_known"),
        CheckConstraint("email <> ''", name="email_not_empty"),
        Index("ix_registrants_name", "last_name", "first_name"),
    )


class Registration(Base):
    """A registrant's registration for one session, and whether and how long they came."""

    __tablename__ = "registrations"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = version_column()
    registrant_id: Mapped[int] = mapped_column(ForeignKey("registrants.id", ondelete="CASCADE"))
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    registered_at: Mapped[datetime | None] = mapped_column()
    approval_status: Mapped[str] = mapped_column(String(20), default=ApprovalStatus.APPROVED.value)
    source: Mapped[str] = mapped_column(String(200), default="")
    attended: Mapped[bool] = mapped_column(Boolean, default=False)
    first_join: Mapped[datetime | None] = mapped_column()
    last_leave: Mapped[datetime | None] = mapped_column()
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )

    registrant: Mapped[Registrant] = relationship(back_populates="registrations")
    session: Mapped[Session] = relationship(back_populates="registrations")

    __mapper_args__ = versioned_by(version)
    __table_args__ = (
        UniqueConstraint("registrant_id", "session_id"),
        CheckConstraint(one_of("approval_status", ApprovalStatus), name="approval_known"),
        CheckConstraint("minutes >= 0", name="minutes_not_negative"),
    )


class RunOfShowSegment(Base):
    """One line of a session's minute-by-minute script."""

    __tablename__ = "run_of_show_segments"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    duration_minutes: Mapped[int] = mapped_column(Integer, default=0)
    owner: Mapped[str] = mapped_column(String(200), default="")
    cue: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Green room, tech check: before the session starts, counted backwards from the start.
    before_start: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    session: Mapped[Session] = relationship(back_populates="segments")

    __table_args__ = (CheckConstraint("duration_minutes >= 0", name="duration_not_negative"),)
