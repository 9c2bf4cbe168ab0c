"""Frozen rows handed to the UI and the command line instead of live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class SeriesRow:
    """A series as read."""

    id: int
    title: str
    organiser: str
    description: str
    home_zone: str
    display_zones: tuple[str, ...]
    default_platform: str
    version: int  # the record's version when read; a save names it (see StaleRecord)
    is_demo: bool = False  # loaded by the demo (File › Remove the demo series takes it)


@dataclass(frozen=True)
class SessionRow:
    """A session as read, with its registration counts."""

    id: int
    series_id: int
    series_title: str
    kind: str
    title: str
    subtitle: str
    description: str
    starts_at: datetime
    duration_minutes: int
    platform: str
    join_url: str
    registration_url: str
    recording_url: str
    status: str
    after_hours_minutes: int | None
    after_hours_host_id: int | None
    after_hours_host_name: str
    registered: int
    attended: int
    start_label: str
    version: int  # the record's version when read; a save names it (see StaleRecord)
    meeting_id: str = ""
    passcode: str = ""


@dataclass(frozen=True)
class SpeakerRow:
    """A speaker as read, with how many sessions they appear in."""

    id: int
    name: str
    title: str
    organisation: str
    email: str
    phone: str
    pronouns: str
    bio: str
    headshot_path: str
    session_count: int
    version: int  # the record's version when read; a save names it (see StaleRecord)


@dataclass(frozen=True)
class AppearanceRow:
    """A speaker's part in a session."""

    id: int
    session_id: int
    session_title: str
    speaker_id: int
    speaker_name: str
    speaker_title: str
    speaker_organisation: str
    role: str
    position: int
    confirmed: bool
    bio_received: bool
    headshot_received: bool
    tech_check_done: bool
    consents_to_recording: bool
    version: int  # the record's version when read; a save names it (see StaleRecord)


@dataclass(frozen=True)
class RegistrantRow:
    """A registrant as read."""

    id: int
    email: str
    first_name: str
    last_name: str
    organisation: str
    job_title: str
    city: str
    country: str
    sector: str
    consent: str
    consent_at: datetime | None
    consent_source: str
    version: int  # the record's version when read; a save names it (see StaleRecord)


@dataclass(frozen=True)
class RegistrationRow:
    """A registration as read."""

    id: int
    registrant_id: int
    session_id: int
    registered_at: datetime | None
    approval_status: str
    source: str
    attended: bool
    first_join: datetime | None
    last_leave: datetime | None
    minutes: int
    version: int  # the record's version when read; a save names it (see StaleRecord)


@dataclass(frozen=True)
class Stats:
    """Counts across the whole database."""

    series: int
    sessions: int
    speakers: int
    registrants: int
    registrations: int
    attended: int
    minutes: int


@dataclass(frozen=True)
class BackupRow:
    """One automatic backup of the database: when, why, and what it holds."""

    path: Path
    kind: str  # daily, weekly, before-import, before-undo, before-upgrade, before-restore
    taken_at: datetime  # aware UTC
    size: int  # bytes
    readable: bool  # False when the copy cannot be opened (counts are then 0)
    series: int
    sessions: int
    registrants: int
    registrations: int

    @property
    def name(self) -> str:
        """The file name, which `webinar-desk restore` takes."""
        return self.path.name


@dataclass(frozen=True)
class CheckReport:
    """What a database check found: nothing (sound) or SQLite's list of problems."""

    where: str
    full: bool  # integrity_check (True) or the quicker quick_check
    problems: tuple[str, ...]
    seconds: float

    @property
    def sound(self) -> bool:
        """True when the check found nothing wrong."""
        return not self.problems
