"""Checks every test applies to a written .ics: two parsers and RFC 5545's line rules."""

from __future__ import annotations

from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar


def check_ics(data: bytes) -> Calendar:
    """Parse with icalendar (no component errors) and with ical (strict); check lines."""
    check_lines(data)
    calendar = Calendar.from_ical(data)
    assert isinstance(calendar, Calendar)
    for component in calendar.walk():
        assert component.errors == [], (component.name, component.errors)
    strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    assert len(strict.events) == len(calendar.walk("VEVENT"))
    return calendar


def check_lines(data: bytes) -> None:
    """CRLF line ends, no line over 75 octets, folds only at whole UTF-8 characters."""
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    for line in lines:
        assert b"\n" not in line and b"\r" not in line
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold never cuts a character in two
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-1] == b"END:VCALENDAR"
