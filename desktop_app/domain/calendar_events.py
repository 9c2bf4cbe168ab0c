"""Calendar entries of sessions: stable UIDs, sequence numbers and what each event says."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop_app.domain.enums import SessionStatus
from desktop_app.domain.session_facts import SessionFacts

# A change to one of these makes calendar programs treat an event as updated: the
# session's SEQUENCE is bumped (RFC 5546 §2.1.4 counts start, end and status). After
# Hours' length moves the end of the After Hours event, which shares the sequence.
SEQUENCED_FIELDS = ("title", "starts_at", "duration_minutes", "join_url", "after_hours_minutes")


def new_uid() -> str:
    """A fresh UID for a session: a random UUID, as RFC 7986 recommends."""
    return str(uuid.uuid4())


def needs_new_sequence(changed: set[str], old_status: str | None, new_status: str) -> bool:
    """True when a session's saved change must reach calendars as an update.

    Changing the time, title or link does; so does cancelling a session or taking a
    cancellation back, since a CANCEL must carry a higher SEQUENCE than the invitation.
    """
    if changed & set(SEQUENCED_FIELDS):
        return True
    cancelled = SessionStatus.CANCELLED.value
    return old_status != new_status and cancelled in (old_status, new_status)


class Method(StrEnum):
    """The iTIP method of a calendar file (RFC 5546)."""

    PUBLISH = "PUBLISH"  # a download to add to one's own calendar
    REQUEST = "REQUEST"  # an invitation to a named attendee, or its update
    CANCEL = "CANCEL"  # the event is off


class Part(StrEnum):
    """Which calendar entry of a session an event is."""

    SESSION = "session"
    TECH_CHECK = "tech-check"
    AFTER_HOURS = "after-hours"


@dataclass(frozen=True)
class CalendarEvent:
    """One VEVENT: everything in it but the organiser and attendee."""

    uid: str
    sequence: int
    summary: str
    start: datetime  # aware
    end: datetime
    description: str
    location: str
    url: str
    cancelled: bool
    part: Part = Part.SESSION


def part_uid(session_uid: str, part: Part) -> str:
    """The UID of one entry of a session: the session's own, or one derived from it."""
    if part == Part.SESSION:
        return session_uid
    return str(uuid.uuid5(uuid.UUID(session_uid), part.value))


def _description(facts: SessionFacts, lead: str) -> str:
    """The event's description: what it is, when in every zone, and how to join."""
    lines = [lead]
    if facts.subtitle:
        lines.append(facts.subtitle)
    lines.append(f"Starts {facts.label()}")
    if facts.join_url:
        lines.append(f"Join: {facts.join_url}")
    if facts.description:
        lines += ["", facts.description]
    return "\n".join(lines)


def session_event(facts: SessionFacts) -> CalendarEvent:
    """The session itself, as every registrant and speaker sees it."""
    summary = facts.title if not facts.cancelled else f"Cancelled: {facts.title}"
    return CalendarEvent(
        uid=facts.uid,
        sequence=facts.sequence,
        summary=summary,
        start=facts.start,
        end=facts.end,
        description=_description(facts, f"{facts.series_title}: {facts.title}"),
        location=facts.join_url or facts.platform,
        url=facts.join_url,
        cancelled=facts.cancelled,
    )


def speaker_events(facts: SessionFacts, speaker_id: int) -> list[CalendarEvent]:
    """A speaker's holds for a session: tech check, the session, After Hours if they host."""
    events: list[CalendarEvent] = []
    speaks = speaker_id in facts.speaker_ids
    if speaks and facts.tech_check is not None:
        start, end = facts.tech_check
        events.append(
            CalendarEvent(
                uid=part_uid(facts.uid, Part.TECH_CHECK),
                sequence=facts.sequence,
                summary=f"Tech check: {facts.title}",
                start=start,
                end=end,
                description=_description(
                    facts, f"Tech check and green room for “{facts.title}” (speakers only)"
                ),
                location=facts.join_url or facts.platform,
                url=facts.join_url,
                cancelled=facts.cancelled,
                part=Part.TECH_CHECK,
            )
        )
    hosts = facts.after_hours_host_id == speaker_id
    if speaks or hosts:
        events.append(session_event(facts))
    after = facts.after_hours
    if hosts and after is not None:
        events.append(
            CalendarEvent(
                uid=part_uid(facts.uid, Part.AFTER_HOURS),
                sequence=facts.sequence,
                summary=f"After Hours: {facts.title}",
                start=after[0],
                end=after[1],
                description=_description(
                    facts,
                    f"After Hours of “{facts.title}”, hosted by {facts.after_hours_host_name}",
                ),
                location=facts.join_url or facts.platform,
                url=facts.join_url,
                cancelled=facts.cancelled,
                part=Part.AFTER_HOURS,
            )
        )
    return events


def method_for(facts: SessionFacts) -> Method:
    """REQUEST for a session that takes place, CANCEL for one that was called off."""
    return Method.CANCEL if facts.cancelled else Method.REQUEST
