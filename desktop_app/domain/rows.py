"""Frozen rows handed to the UI and the command line instead of live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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
