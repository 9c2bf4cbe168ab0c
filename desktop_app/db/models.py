"""SQLAlchemy 2 typed models: the tables of a Webinar Desk database."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    false,
    text,
)
from sqlalchemy import inspect as inspect_record
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from desktop_app.db.types import UTCDateTime
from desktop_app.domain.calendar_events import SEQUENCED_FIELDS, needs_new_sequence, new_uid
from desktop_app.domain.enums import (
    ApprovalStatus,
    Consent,
    SessionKind,
    SessionStatus,
    SpeakerRole,
)
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.mail_kinds import MailKind
from desktop_app.domain.search import (
    REGISTRANT_SEARCHED,
    SPEAKER_SEARCHED,
    registrant_search_text,
    speaker_search_text,
)

# Named constraints keep migrations reproducible (SQLite's batch mode needs names).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _now() -> datetime:
    """The current instant, aware UTC."""
    return datetime.now(UTC)


def _version() -> Mapped[int]:
    """A record's version, 1 when created and +1 on each change (a stale save is refused)."""
    return mapped_column(Integer, default=1, server_default=text("1"))


def _versioned_by(column: Any) -> dict[str, Any]:
    """Mapper arguments that make every UPDATE/DELETE check and bump the version."""
    return {"version_id_col": column}


def _one_of(column: str, values: type[Any]) -> str:
    """SQL CHECK text limiting a column to an enum's values."""
    return f"{column} IN ({', '.join(repr(str(v)) for v in values)})"


class Base(DeclarativeBase):
    """Base class of every model; shares the constraint naming convention."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
    }


class Series(Base):
    """A webinar series: the sessions shown together under one title."""

    __tablename__ = "series"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = _version()
    title: Mapped[str] = mapped_column(String(300))
    organiser: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    home_zone: Mapped[str] = mapped_column(String(64))
    display_zones: Mapped[list[str]] = mapped_column(default=list)
    default_platform: Mapped[str] = mapped_column(String(100), default="")
    # Loaded by the demo (File › Load demo); "Remove the demo" takes exactly these away.
    created_by_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(default=_now)
    updated_at: Mapped[datetime] = mapped_column(default=_now, onupdate=_now)

    sessions: Mapped[list[Session]] = relationship(
        back_populates="series",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Session.starts_at",
    )

    __mapper_args__ = _versioned_by(version)
    __table_args__ = (CheckConstraint("title <> ''", name="title_not_empty"),)


class Speaker(Base):
    """A person who speaks, hosts or moderates at one or more sessions."""

    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = _version()
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
    created_at: Mapped[datetime] = mapped_column(default=_now)
    updated_at: Mapped[datetime] = mapped_column(default=_now, onupdate=_now)

    appearances: Mapped[list[SessionSpeaker]] = relationship(
        back_populates="speaker",
        cascade="all, delete-orphan",
        passive_deletes=True,
        foreign_keys="SessionSpeaker.speaker_id",
    )

    __mapper_args__ = _versioned_by(version)
    __table_args__ = (CheckConstraint("name <> ''", name="name_not_empty"),)


class Session(Base):
    """One webinar of a series, with its start stored in UTC."""

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = _version()
    run_of_show_version: Mapped[int] = _version()  # its segment list, as a whole
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
    # _bump_sequence raises whenever a change must reach attendees' calendars.
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(default=_now)
    updated_at: Mapped[datetime] = mapped_column(default=_now, onupdate=_now)

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

    __mapper_args__ = _versioned_by(version)
    __table_args__ = (
        CheckConstraint(_one_of("kind", SessionKind), name="kind_known"),
        CheckConstraint(_one_of("status", SessionStatus), name="status_known"),
        CheckConstraint("duration_minutes > 0", name="duration_positive"),
        CheckConstraint(
            "after_hours_minutes IS NULL OR after_hours_minutes >= 0",
            name="after_hours_not_negative",
        ),
        CheckConstraint("title <> ''", name="title_not_empty"),
        CheckConstraint("sequence >= 0", name="sequence_not_negative"),
    )


@event.listens_for(Session, "before_update")
def _bump_sequence(_mapper: Any, _connection: Any, session: Session) -> None:
    """Raise SEQUENCE when a saved change must update calendars, whatever path made it."""
    state = inspect_record(session)
    changed = {name for name in SEQUENCED_FIELDS if state.attrs[name].history.has_changes()}
    status = state.attrs["status"].history
    old_status = status.deleted[0] if status.deleted else session.status
    if needs_new_sequence(changed, old_status, session.status):
        session.sequence = (session.sequence or 0) + 1


class SessionSpeaker(Base):
    """A speaker's part in one session: role, order and preparation checklist."""

    __tablename__ = "session_speakers"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = _version()
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

    __mapper_args__ = _versioned_by(version)
    __table_args__ = (
        UniqueConstraint("session_id", "speaker_id", "role"),
        CheckConstraint(_one_of("role", SpeakerRole), name="role_known"),
    )


class ImportBatch(Base):
    """One file brought in: what it was, what it did, so it can be audited and undone."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    detected_format: Mapped[str] = mapped_column(String(50))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id", ondelete="SET NULL"))
    imported_at: Mapped[datetime] = mapped_column(default=_now)
    rows_total: Mapped[int] = mapped_column(Integer, default=0)
    registrants_created: Mapped[int] = mapped_column(Integer, default=0)
    registrants_updated: Mapped[int] = mapped_column(Integer, default=0)
    registrations_created: Mapped[int] = mapped_column(Integer, default=0)
    rows_skipped: Mapped[int] = mapped_column(Integer, default=0)
    # What the batch changed, so "Undo import" can restore the previous values.
    undo_log: Mapped[dict[str, Any]] = mapped_column(default=dict)
    undone_at: Mapped[datetime | None] = mapped_column()


class Registrant(Base):
    """A person who registered for at least one session; one per email address."""

    __tablename__ = "registrants"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = _version()
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
    created_at: Mapped[datetime] = mapped_column(default=_now)
    updated_at: Mapped[datetime] = mapped_column(default=_now, onupdate=_now)

    registrations: Mapped[list[Registration]] = relationship(
        back_populates="registrant",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    __mapper_args__ = _versioned_by(version)
    __table_args__ = (
        CheckConstraint(_one_of("consent", Consent), name="consent_known"),
        CheckConstraint("email <> ''", name="email_not_empty"),
        Index("ix_registrants_name", "last_name", "first_name"),
    )


class Registration(Base):
    """A registrant's registration for one session, and whether and how long they came."""

    __tablename__ = "registrations"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = _version()
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

    __mapper_args__ = _versioned_by(version)
    __table_args__ = (
        UniqueConstraint("registrant_id", "session_id"),
        CheckConstraint(_one_of("approval_status", ApprovalStatus), name="approval_known"),
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


class RunOfShowTemplate(Base):
    """A run-of-show saved by name, to apply to other sessions."""

    __tablename__ = "run_of_show_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # [{"title", "duration_minutes", "owner", "cue", "notes", "before_start"}, ...]
    segments: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=_now)

    __table_args__ = (CheckConstraint("name <> ''", name="name_not_empty"),)


class ExportProfile(Base):
    """A partner's saved export: which people, which columns under which headings."""

    __tablename__ = "export_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = _version()
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # [[column key, heading], ...] in the order they are written.
    columns: Mapped[list[Any]] = mapped_column(JSON, default=list)
    filters: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=_now)
    updated_at: Mapped[datetime] = mapped_column(default=_now, onupdate=_now)

    __mapper_args__ = _versioned_by(version)
    __table_args__ = (CheckConstraint("name <> ''", name="name_not_empty"),)


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


def _fold_into_search_text(model: type[Any], fold: Any, fields: tuple[str, ...]) -> None:
    """Keep model.search_text the fold of its fields on every ORM insert and update (bulk
    writes, such as imports, set it themselves)."""

    def refresh(_mapper: Any, _connection: Any, target: Any) -> None:
        target.search_text = fold({name: getattr(target, name) for name in fields})

    event.listen(model, "before_insert", refresh)
    event.listen(model, "before_update", refresh)


_fold_into_search_text(Registrant, registrant_search_text, REGISTRANT_SEARCHED)
_fold_into_search_text(Speaker, speaker_search_text, SPEAKER_SEARCHED)


def _refuse_overlong(mapper: Any, _connection: Any, target: Any) -> None:
    """Refuse text longer than its column on every engine alike: PostgreSQL would refuse
    it with a database error, SQLite would store it whole."""
    problems: dict[str, str] = {}
    for column in mapper.columns:
        limit = getattr(column.type, "length", None)
        if not limit:
            continue
        value = getattr(target, mapper.get_property_by_column(column).key, None)
        if isinstance(value, str) and len(value) > limit:
            problems[column.key] = f"at most {limit:,} characters fit (this has {len(value):,})"
    if problems:
        raise ValidationError(problems)


event.listen(Base, "before_insert", _refuse_overlong, propagate=True)
event.listen(Base, "before_update", _refuse_overlong, propagate=True)


class MailTemplate(Base):
    """A series' own subject and body for one kind of mail draft."""

    __tablename__ = "mail_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=_now)
    updated_at: Mapped[datetime] = mapped_column(default=_now, onupdate=_now)

    __table_args__ = (
        UniqueConstraint("series_id", "name"),
        CheckConstraint(_one_of("kind", MailKind), name="kind_known"),
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
    created_at: Mapped[datetime] = mapped_column(default=_now)

    __table_args__ = (
        CheckConstraint(_one_of("kind", MailKind), name="kind_known"),
        CheckConstraint("recipient_count >= 0", name="recipient_count_not_negative"),
    )
