"""What the user types for each entity, and the rules that decide whether it can be saved."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import PurePath
from typing import Any, TypeVar
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from desktop_app.domain import people, timezones
from desktop_app.domain.enums import (
    ApprovalStatus,
    Consent,
    SessionKind,
    SessionStatus,
    SpeakerRole,
)
from desktop_app.domain.errors import ValidationError

MAX_SESSION_MINUTES = 24 * 60
# "zoom.us/j/123" or "teams.microsoft.com/l/…": a host name with a dot, then a path.
_BARE_LINK = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?", re.I
)
_T = TypeVar("_T", bound=Any)


@dataclass(frozen=True)
class SeriesData:
    """The editable fields of a webinar series."""

    title: str
    organiser: str = ""
    description: str = ""
    home_zone: str = "America/Los_Angeles"
    display_zones: tuple[str, ...] = ()
    default_platform: str = "Zoom"


@dataclass(frozen=True)
class SessionData:
    """The editable fields of one session.

    start is an aware datetime (any zone), or a naive wall time in the series' home zone;
    start_fold says which reading of a wall time that happens twice is meant (0 the first,
    1 the second) once the user has been asked.
    """

    title: str
    start: datetime
    duration_minutes: int = 60
    kind: SessionKind = SessionKind.OTHER
    subtitle: str = ""
    description: str = ""
    platform: str = ""
    join_url: str = ""
    registration_url: str = ""
    recording_url: str = ""
    status: SessionStatus = SessionStatus.DRAFT
    after_hours_minutes: int | None = None
    after_hours_host_id: int | None = None
    start_fold: int | None = None
    # None keeps what is stored (for callers that do not edit them).
    meeting_id: str | None = None
    passcode: str | None = None


@dataclass(frozen=True)
class SpeakerData:
    """The editable fields of a speaker."""

    name: str
    title: str = ""
    organisation: str = ""
    email: str = ""
    phone: str = ""
    pronouns: str = ""
    bio: str = ""
    headshot_path: str = ""


@dataclass(frozen=True)
class ChecklistData:
    """A speaker's preparation for one session."""

    confirmed: bool = False
    bio_received: bool = False
    headshot_received: bool = False
    tech_check_done: bool = False
    consents_to_recording: bool = False


@dataclass(frozen=True)
class AppearanceData:
    """A speaker's part in a session: role, place in the order, checklist."""

    role: SpeakerRole = SpeakerRole.PANELIST
    position: int = 0
    checklist: ChecklistData = field(default_factory=ChecklistData)


@dataclass(frozen=True)
class RegistrantData:
    """The editable fields of a registrant."""

    email: str
    first_name: str = ""
    last_name: str = ""
    organisation: str = ""
    job_title: str = ""
    city: str = ""
    country: str = ""
    sector: str = ""
    consent: Consent = Consent.UNKNOWN
    consent_at: datetime | None = None
    consent_source: str = ""


@dataclass(frozen=True)
class RegistrationData:
    """One registrant's registration for, and attendance at, one session."""

    registered_at: datetime | None = None
    approval_status: ApprovalStatus = ApprovalStatus.APPROVED
    source: str = ""
    attended: bool = False
    first_join: datetime | None = None
    last_leave: datetime | None = None
    minutes: int = 0


def _strip_texts(data: _T) -> _T:
    """A copy with every str field trimmed (inner white space of long text kept)."""
    changes = {
        f.name: getattr(data, f.name).strip()
        for f in dataclasses.fields(data)
        if isinstance(getattr(data, f.name), str)
    }
    return dataclasses.replace(data, **changes)


def fix_url(value: str) -> str:
    """A link pasted without its scheme ('zoom.us/j/123') given https://; others as they are."""
    text = value.strip()
    bare = text[2:] if text.startswith("//") else text
    return f"https://{bare}" if _BARE_LINK.fullmatch(bare) else text


def _check_url(problems: dict[str, str], name: str, value: str) -> None:
    """Record a problem if value is set but is not an http(s) address."""
    if not value:
        return
    parts = urlparse(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        problems[name] = f"'{value}' is not a web address; it should start with https://"


def _resolve_start(
    data: SessionData, home_zone: str | None, problems: dict[str, str]
) -> tuple[datetime, timezones.AmbiguousLocalTime | None]:
    """The start as aware UTC, noting a wall time that does not exist or happens twice."""
    start = data.start
    if start.tzinfo is None and home_zone is None:
        problems["start"] = "the start time needs a time zone"
        return start, None
    fold: int | None
    if isinstance(start.tzinfo, ZoneInfo):  # a wall time in a named zone: check it exists
        zone_name, fold = start.tzinfo.key, start.fold
    elif start.tzinfo is not None:
        return start.astimezone(UTC), None  # a fixed offset (UTC): always one instant
    else:
        zone_name, fold = str(home_zone), data.start_fold
    try:
        return timezones.wall_time_to_utc(start.replace(tzinfo=None), zone_name, fold), None
    except timezones.NonexistentLocalTime as error:
        problems["start"] = str(error)
    except timezones.AmbiguousLocalTime as error:
        problems["start"] = str(error)
        return start, error
    except timezones.UnknownTimeZone as error:
        problems["start"] = str(error)
    return start, None


def _check_zone(problems: dict[str, str], name: str, value: str) -> None:
    """Record a problem if value is not an IANA zone."""
    try:
        timezones.zone(value)
    except timezones.UnknownTimeZone as error:
        problems[name] = str(error)


def validate_series(data: SeriesData) -> SeriesData:
    """The series with text trimmed, or ValidationError naming every bad field."""
    data = _strip_texts(data)
    data = dataclasses.replace(
        data, display_zones=tuple(dict.fromkeys(z.strip() for z in data.display_zones if z.strip()))
    )
    problems: dict[str, str] = {}
    if not data.title:
        problems["title"] = "a series needs a title"
    _check_zone(problems, "home_zone", data.home_zone)
    for name in data.display_zones:
        _check_zone(problems, "display_zones", name)
    if problems:
        raise ValidationError(problems)
    return data


def validate_session(data: SessionData, home_zone: str | None = None) -> SessionData:
    """The session with text trimmed, links given https:// and the start in UTC.

    A naive start is a wall time in home_zone: one the clocks skip is a problem of the
    start field; one that happens twice (and start_fold does not choose) raises
    timezones.AmbiguousLocalTime with both readings, unless other fields have problems
    too, when it is listed among them. Otherwise ValidationError names every bad field.
    """
    data = _strip_texts(data)
    data = dataclasses.replace(
        data,
        join_url=fix_url(data.join_url),
        registration_url=fix_url(data.registration_url),
        recording_url=fix_url(data.recording_url),
    )
    problems: dict[str, str] = {}
    if not data.title:
        problems["title"] = "a session needs a title"
    start, ambiguous = _resolve_start(data, home_zone, problems)
    if data.duration_minutes <= 0:
        problems["duration_minutes"] = (
            "the session ends before it starts; give a duration of at least one minute"
        )
    elif data.duration_minutes > MAX_SESSION_MINUTES:
        problems["duration_minutes"] = "a session cannot last more than 24 hours"
    if data.after_hours_minutes is not None and data.after_hours_minutes < 0:
        problems["after_hours_minutes"] = "After Hours cannot last less than zero minutes"
    for name in ("join_url", "registration_url", "recording_url"):
        _check_url(problems, name, getattr(data, name))
    try:
        SessionKind(data.kind)
    except ValueError:
        problems["kind"] = f"'{data.kind}' is not a session kind"
    try:
        SessionStatus(data.status)
    except ValueError:
        problems["status"] = f"'{data.status}' is not a session status"
    if ambiguous is not None and list(problems) == ["start"]:
        raise ambiguous
    if problems:
        raise ValidationError(problems)
    return dataclasses.replace(data, start=start)


def validate_speaker(data: SpeakerData) -> SpeakerData:
    """The speaker with text trimmed and email normalised, or ValidationError."""
    data = _strip_texts(data)
    problems: dict[str, str] = {}
    if not data.name:
        problems["name"] = "a speaker needs a name"
    if data.email:
        if people.is_email(data.email):
            data = dataclasses.replace(data, email=people.normalise_email(data.email))
        else:
            problems["email"] = f"'{data.email}' is not an email address"
    if data.headshot_path and PurePath(data.headshot_path).suffix.lower() not in (
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".bmp",
        ".webp",
        ".svg",
    ):
        problems["headshot_path"] = "the headshot must be an image (PNG, JPEG, GIF, WebP, SVG)"
    if problems:
        raise ValidationError(problems)
    return data


def validate_registrant(data: RegistrantData) -> RegistrantData:
    """The registrant with names cleaned and email normalised, or ValidationError."""
    data = _strip_texts(data)
    problems: dict[str, str] = {}
    if not data.email:
        problems["email"] = "a registrant needs an email address"
    elif not people.is_email(data.email):
        problems["email"] = f"'{data.email}' is not an email address"
    try:
        Consent(data.consent)
    except ValueError:
        problems["consent"] = f"'{data.consent}' is not yes, no or unknown"
    if problems:
        raise ValidationError(problems)
    return dataclasses.replace(data, email=people.normalise_email(data.email))


def validate_registration(data: RegistrationData) -> RegistrationData:
    """The registration, or ValidationError if its attendance figures contradict."""
    problems: dict[str, str] = {}
    if data.minutes < 0:
        problems["minutes"] = "minutes in session cannot be negative"
    if data.first_join and data.last_leave and data.last_leave < data.first_join:
        problems["last_leave"] = "the last leave is before the first join"
    if problems:
        raise ValidationError(problems)
    return dataclasses.replace(data, source=data.source.strip())
