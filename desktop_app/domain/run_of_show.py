"""Run-of-show arithmetic: clock times from durations, the default script of a session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop_app.domain.wording import plural, with_article

CUES = (
    "",
    "Slides",
    "Poll",
    "Spotlight",
    "Start recording",
    "Stop recording",
    "Chat message",
    "Break-out rooms",
    "Tech check",
    "Admit attendees",
)


@dataclass(frozen=True)
class Segment:
    """One line of a script, as edited."""

    title: str
    duration_minutes: int
    owner: str = ""
    cue: str = ""
    notes: str = ""
    before_start: bool = False


@dataclass(frozen=True)
class TimedSegment:
    """A segment with its start and end (aware UTC)."""

    segment: Segment
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Schedule:
    """A session's script laid out on the clock, and how it fits the session's length."""

    segments: tuple[TimedSegment, ...]
    planned_minutes: int  # segments from the start onwards
    expected_minutes: int  # the session plus its After Hours segment
    call_time: datetime  # when the first segment (green room) begins

    @property
    def difference(self) -> int:
        """Minutes over (positive) or under (negative) the session's length."""
        return self.planned_minutes - self.expected_minutes

    def verdict(self) -> str:
        """'Fits the session exactly', 'Runs 5 minutes over' or 'Leaves an 8-minute gap'."""
        if self.difference == 0:
            return "Fits the session exactly"
        if self.difference > 0:
            return f"Runs {plural(self.difference, 'minute')} over"
        return f"Leaves {with_article(f'{-self.difference}-minute gap')}"


def schedule(
    start: datetime,
    segments: list[Segment],
    session_minutes: int,
    after_hours_minutes: int | None = None,
) -> Schedule:
    """Clock times: pre-start segments end at the start, the rest follow it in order.

    Arithmetic is on absolute time (UTC), so a daylight-saving change is handled.
    """
    before = [s for s in segments if s.before_start]
    after = [s for s in segments if not s.before_start]
    lead = sum(s.duration_minutes for s in before)
    moment = start - timedelta(minutes=lead)
    timed = []
    for segment in before + after:
        end = moment + timedelta(minutes=segment.duration_minutes)
        timed.append(TimedSegment(segment, moment, end))
        moment = end
    return Schedule(
        tuple(timed),
        sum(s.duration_minutes for s in after),
        session_minutes + (after_hours_minutes or 0),
        start - timedelta(minutes=lead),
    )


@dataclass(frozen=True)
class Speaker:
    """A speaker as the default script needs them."""

    name: str
    title: str
    organisation: str
    role: str


def default_script(
    session_minutes: int,
    speakers: list[Speaker],
    after_hours_minutes: int | None,
    after_hours_host: str,
    next_session: str,
) -> list[Segment]:
    """A sensible first script for a session, to edit from."""
    hosts = [s.name for s in speakers if s.role == "host"]
    moderators = [s.name for s in speakers if s.role == "moderator"]
    host = hosts[0] if hosts else "Host"
    moderator = moderators[0] if moderators else host
    presenters = [s for s in speakers if s.role in ("panelist", "keynote")]
    script = [
        Segment(
            "Green room and tech check",
            25,
            "Producer",
            "Tech check",
            "Speakers join; check audio, video, screen sharing and names.",
            before_start=True,
        ),
        Segment(
            "Doors open",
            5,
            "Producer",
            "Admit attendees",
            "Start recording; welcome slide up; chat open.",
            before_start=True,
        ),
        Segment(
            "Welcome and housekeeping",
            5,
            host,
            "Slides",
            "Purpose of the series, recording notice, how to ask questions.",
        ),
    ]
    for speaker in presenters:
        who = ", ".join(p for p in (speaker.name, speaker.title, speaker.organisation) if p)
        script.append(Segment(f"Introduce {speaker.name}", 2, moderator, "Spotlight", who))
    fixed = sum(s.duration_minutes for s in script if not s.before_start) + 15 + 3
    script += [
        Segment(
            "Discussion",
            max(session_minutes - fixed, 10),
            moderator,
            "",
            "Moderated conversation with the speakers.",
        ),
        Segment("Audience Q&A", 15, moderator, "Poll", "Questions from the Q&A box and chat."),
        Segment(
            "Closing and next session",
            3,
            host,
            "Chat message",
            f"Thank speakers; next session: {next_session}."
            if next_session
            else "Thank speakers and attendees; recording will be shared.",
        ),
    ]
    if after_hours_minutes:
        script.append(
            Segment(
                "After Hours",
                after_hours_minutes,
                after_hours_host or host,
                "Stop recording",
                "Informal conversation; recording stopped.",
            )
        )
    return script
