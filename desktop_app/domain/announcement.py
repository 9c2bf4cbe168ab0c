"""Reads a webinar series announcement (plain text, as published) into structured data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from desktop_app.domain.enums import SessionKind

_MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}
_ZONES = {
    "pacific": "America/Los_Angeles",
    "mountain": "America/Denver",
    "central": "America/Chicago",
    "eastern": "America/New_York",
}

_TITLE = re.compile(
    r"^Introducing:\s*(?P<title>.+?)\s*[—–-]+\s*an?\s+(?P<org>.+?)\s+webinar series", re.MULTILINE
)
_SESSION = re.compile(rf"^(?P<day>\d{{1,2}}) (?P<month>{'|'.join(_MONTHS)}): (?P<rest>.+)$")
_SPEAKER = re.compile(r"^\s*[•*-]\s+(?P<line>.+)$")
_TIMES = re.compile(
    r"(?P<h>\d{1,2}):(?P<m>\d{2})\s*(?P<ampm>AM|PM)\s+(?P<zone>Pacific|Mountain|"
    r"Central|Eastern) Time",
    re.IGNORECASE,
)
_AFTER_HOURS_HOST = re.compile(r"report author (?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)+)")


class AnnouncementError(ValueError):
    """The text lacks something a series needs (a title, a time, sessions)."""


@dataclass(frozen=True)
class AnnouncedSpeaker:
    """One bullet: 'Name, Title, Organisation' (everything after the title is the org)."""

    name: str
    title: str
    organisation: str


@dataclass(frozen=True)
class AnnouncedSession:
    """One dated session with its speakers."""

    kind: SessionKind
    day: date
    title: str
    subtitle: str
    speakers: tuple[AnnouncedSpeaker, ...]


@dataclass(frozen=True)
class Announcement:
    """Everything the demo needs from an announcement."""

    title: str
    organiser: str
    description: str
    platform: str
    local_start: time
    home_zone: str
    display_zones: tuple[str, ...]
    after_hours_host: str
    sessions: tuple[AnnouncedSession, ...]


def parse_speaker(line: str) -> AnnouncedSpeaker:
    """'Nia Richardson, Assistant …, City of Kansas City, MO' -> name, title, organisation."""
    name, _, rest = line.strip().partition(", ")
    title, _, organisation = rest.partition(", ")
    return AnnouncedSpeaker(
        name=name.strip(), title=title.strip(), organisation=organisation.strip()
    )


def parse_announcement(text: str, year: int) -> Announcement:
    """The series described by an announcement whose session dates lack a year."""
    heading = _TITLE.search(text)
    if heading is None:
        raise AnnouncementError("no 'Introducing: <title>—a <organiser> webinar series' line")
    times = list(_TIMES.finditer(text))
    if not times:
        raise AnnouncementError("no start time such as '10:00 AM Pacific Time'")
    zones = tuple(dict.fromkeys(_ZONES[t["zone"].lower()] for t in times))
    first = times[0]
    hour = int(first["h"]) % 12 + (12 if first["ampm"].upper() == "PM" else 0)
    host = _AFTER_HOURS_HOST.search(text)
    return Announcement(
        title=heading["title"],
        organiser=heading["org"],
        description=_first_paragraph_after(text, heading.end()),
        platform="Zoom" if "Zoom" in text else "",
        local_start=time(hour, int(first["m"])),
        home_zone=zones[0],
        display_zones=zones[1:],
        after_hours_host=host["name"] if host else "",
        sessions=_sessions(text, year),
    )


def _first_paragraph_after(text: str, offset: int) -> str:
    """The first non-empty paragraph after offset."""
    for paragraph in text[offset:].split("\n"):
        if paragraph.strip():
            return paragraph.strip()
    return ""


def _sessions(text: str, year: int) -> tuple[AnnouncedSession, ...]:
    """Dated session lines and the speaker bullets under each."""
    sessions: list[AnnouncedSession] = []
    kind = SessionKind.OTHER
    current: dict[str, object] | None = None
    speakers: list[AnnouncedSpeaker] = []

    def close() -> None:
        if current is not None:
            sessions.append(AnnouncedSession(speakers=tuple(speakers), **current))  # type: ignore[arg-type]

    for line in text.splitlines():
        stripped = line.strip()
        if stripped.lower().startswith("kickoff call"):
            kind = SessionKind.KICKOFF
        elif stripped.lower() == "deep dives":
            kind = SessionKind.DEEP_DIVE
        elif match := _SESSION.match(stripped):
            close()
            title, _, subtitle = match["rest"].partition(": ")
            current = {
                "kind": kind,
                "title": title.strip(),
                "subtitle": subtitle.strip(),
                "day": date(year, _MONTHS[match["month"]], int(match["day"])),
            }
            speakers = []
        elif current is not None and (bullet := _SPEAKER.match(line)):
            speakers.append(parse_speaker(bullet["line"]))
        elif current is not None and stripped and not _SPEAKER.match(line):
            close()
            current = None
    close()
    if not sessions:
        raise AnnouncementError("no dated sessions such as '4 August: Title: Subtitle'")
    return tuple(sessions)
