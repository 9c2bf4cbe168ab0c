"""Calendar files (RFC 5545) written with the icalendar library: UTC times, stable UIDs.

A batch of invitations differs only in the ATTENDEE line. Invitations therefore has
icalendar write the calendar once, and for each attendee only that line, spliced in where
the prototype had it; a test checks the result equals writing the whole calendar anew.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from icalendar import Calendar, Event, vCalAddress, vText
from icalendar.parser import Contentline

from desktop_app.domain.calendar_events import CalendarEvent, Method
from desktop_app.domain.mail_kinds import MailAddress
from desktop_app.io.atomic import atomic_path

PRODID = "-//Webinar Desk//Webinar Desk//EN"  # no version: files stay comparable


def _address(person: MailAddress, **parameters: str) -> vCalAddress:
    """A mailto: calendar address with the person's name as CN."""
    address = vCalAddress(f"mailto:{person.email}")
    if person.name:
        address.params["CN"] = vText(person.name)
    for key, value in parameters.items():
        address.params[key.replace("_", "-").upper()] = value
    return address


def _attendee(person: MailAddress, answers: bool) -> vCalAddress:
    """The ATTENDEE value: a participant asked to reply (speakers), or an optional one
    who is not (registrants; CUTYPE and PARTSTAT keep their RFC 5545 defaults)."""
    if answers:
        return _address(
            person,
            cutype="INDIVIDUAL",
            role="REQ-PARTICIPANT",
            partstat="NEEDS-ACTION",
            rsvp="TRUE",
        )
    return _address(person, role="OPT-PARTICIPANT", rsvp="FALSE")


def _event(
    item: CalendarEvent,
    method: Method,
    stamp: datetime,
    organizer: MailAddress | None,
    attendee: MailAddress | None,
    attendee_answers: bool,
) -> Event:
    """One VEVENT for an event, with the organiser and attendee an invitation needs."""
    event = Event()
    event.add("uid", item.uid)
    event.add("sequence", item.sequence)
    event.add("dtstamp", stamp)
    event.add("dtstart", item.start.astimezone(UTC))
    event.add("dtend", item.end.astimezone(UTC))
    event.add("summary", item.summary)
    if item.description:
        event.add("description", item.description)
    if item.location:
        event.add("location", item.location)
    if item.url:
        event.add("url", item.url)
    event.add("status", "CANCELLED" if item.cancelled or method == Method.CANCEL else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if item.cancelled else "OPAQUE")
    if organizer is not None:
        event.add("organizer", _address(organizer))
    if attendee is not None:
        event.add("attendee", _attendee(attendee, attendee_answers))
    return event


def build_calendar(
    events: Sequence[CalendarEvent],
    method: Method = Method.PUBLISH,
    *,
    organizer: MailAddress | None = None,
    attendee: MailAddress | None = None,
    attendee_answers: bool = False,
    stamp: datetime | None = None,
) -> Calendar:
    """A VCALENDAR of events; REQUEST and CANCEL need the organiser and the attendee.

    attendee_answers asks the attendee to reply (speakers); registrants are not asked,
    so a full session does not bring hundreds of replies.
    """
    if method != Method.PUBLISH and (organizer is None or attendee is None):
        raise ValueError(f"METHOD:{method} needs an organizer and an attendee")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method.value)
    moment = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    for item in events:
        calendar.add_component(_event(item, method, moment, organizer, attendee, attendee_answers))
    return calendar


def calendar_bytes(
    events: Sequence[CalendarEvent],
    method: Method = Method.PUBLISH,
    *,
    organizer: MailAddress | None = None,
    attendee: MailAddress | None = None,
    attendee_answers: bool = False,
    stamp: datetime | None = None,
) -> bytes:
    """The calendar as the bytes of an .ics file (CRLF lines folded at 75 octets)."""
    calendar = build_calendar(
        events,
        method,
        organizer=organizer,
        attendee=attendee,
        attendee_answers=attendee_answers,
        stamp=stamp,
    )
    data: bytes = calendar.to_ical()
    return data


def _attendee_line(person: MailAddress, answers: bool) -> bytes:
    """The ATTENDEE content line as icalendar writes it in a component (folded, CRLF)."""
    address = _attendee(person, answers)
    line: bytes = Contentline.from_parts("ATTENDEE", address.params, address).to_ical()
    return line + b"\r\n"


class Invitations:
    """One event's invitation (REQUEST) or cancellation (CANCEL) for attendee after attendee."""

    def __init__(
        self,
        event: CalendarEvent,
        method: Method,
        organizer: MailAddress,
        *,
        attendee_answers: bool = False,
        stamp: datetime | None = None,
    ) -> None:
        self._answers = attendee_answers
        marker = MailAddress("WDMARK", "attendee@marker.invalid")
        written = calendar_bytes(
            [event],
            method,
            organizer=organizer,
            attendee=marker,
            attendee_answers=attendee_answers,
            stamp=stamp,
        )
        line = _attendee_line(marker, attendee_answers)
        at = written.index(line)
        self._head, self._tail = written[:at], written[at + len(line) :]

    def for_attendee(self, attendee: MailAddress) -> bytes:
        """The calendar file for one attendee."""
        return self._head + _attendee_line(attendee, self._answers) + self._tail


def write_ics(target: Path, events: Sequence[CalendarEvent], stamp: datetime | None = None) -> int:
    """Write events as a METHOD:PUBLISH calendar file, atomically; returns its size."""
    data = calendar_bytes(events, Method.PUBLISH, stamp=stamp)
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)
    return len(data)
