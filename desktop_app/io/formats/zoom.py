"""Zoom's webinar attendee report: a preamble, then titled sections each with its own header."""

from __future__ import annotations

from desktop_app.domain.dates import MONTH_FIRST
from desktop_app.domain.import_rows import ParsedFile
from desktop_app.io.columns import map_columns, normalise_heading
from desktop_app.io.formats.layout import ParseOptions, Sniff, note_missing, read_dates
from desktop_app.io.formats.meeting import read_meeting
from desktop_app.io.formats.people import (
    data_indexes,
    is_bot,
    keep_speakers_apart,
)
from desktop_app.io.formats.people_reader import read_people
from desktop_app.io.formats.values import minutes_of
from desktop_app.io.refusal import ImportRefused
from desktop_app.io.table_reader import RawTable

ZOOM_SECTIONS = {
    "host details": "host",
    "panelist details": "panelist",
    "attendee details": "attendee",
    "other attended": "other",
}
_EXPECTED = {
    "attended": ("Attended", "attendance is taken from the join times alone"),
    "join_time": ("Join Time", "first joins are left empty"),
    "leave_time": ("Leave Time", "last leaves are left empty"),
    "minutes": ("Time in Session (minutes)", "minutes in session are left empty"),
}


def is_zoom_attendees(found: Sniff) -> bool:
    """Zoom's attendee report: its title, or one of its section titles, in the first rows."""
    return "attendee report" in found.firsts or any(f in ZOOM_SECTIONS for f in found.firsts)


def section_title(row: list[str]) -> str | None:
    """The kind of section a row opens ('attendee'...), or None for any other row.

    Only a row whose first cell alone is filled can be a title, so data rows are passed
    over without normalising their text.
    """
    if not row or not row[0] or any(row[1:]):
        return None
    return ZOOM_SECTIONS.get(normalise_heading(row[0]))


def parse_zoom_attendees(table: RawTable, options: ParseOptions) -> ParsedFile:
    """The people of the host, panelist and attendee sections; 'Other Attended' counted."""
    rows = table.rows
    starts = [
        (kind, i)
        for i, row in enumerate(rows)
        if row and row[0] and (len(row) == 1 or not row[1]) and (kind := section_title(row))
    ]
    if not any(kind == "attendee" for kind, _ in starts):
        raise ImportRefused(
            f"{table.name} looks like a Zoom report but has no 'Attendee "
            "Details' section; export the attendee report again"
        )
    sections: list[tuple[str, int, list[int], dict[int, str]]] = []
    for number, (kind, start) in enumerate(starts):
        end = starts[number + 1][1] if number + 1 < len(starts) else len(rows)
        if start + 1 < end:
            sections.append(
                (kind, start + 1, data_indexes(rows, start + 2, end), map_columns(rows[start + 1]))
            )
    attendees = [s for s in sections if s[0] == "attendee"]
    if not attendees:
        raise ImportRefused(
            f"{table.name} ends before the attendee list begins; it may be cut "
            "short: export the attendee report again"
        )
    _, header_at, _, columns = attendees[-1]
    parsed = ParsedFile(
        table.name, "zoom-attendees", header_at + 1, rows[header_at], columns, sheet=table.sheet
    )
    people = [s for s in sections if s[0] != "other"]
    for kind, at, _, section_columns in people:
        if "email" not in section_columns.values():
            raise ImportRefused(
                f"{table.name}: the '{kind}' section (line {at + 1}) has no Email column; "
                "export the attendee report again"
            )
    dates = read_dates(parsed, rows, [(s[2], s[3]) for s in people], options, MONTH_FIRST)
    for kind, at, indexes, section_columns in people:
        read_people(parsed, rows, indexes, section_columns, kind, dates, rows[at])
    for _, _, indexes, section_columns in (s for s in sections if s[0] == "other"):
        where = {field: index for index, field in section_columns.items()}
        for index in indexes:
            row = rows[index]
            name = _cell(row, where.get("full_name"))
            if is_bot(name):
                parsed.bots += 1
                continue
            parsed.other_attended += 1
            parsed.other_minutes += minutes_of(_cell(row, where.get("minutes")))[0] or 0
    keep_speakers_apart(parsed)
    note_missing(parsed, "Zoom attendee report", _EXPECTED)
    reading = dates.get("join_time") or dates.get("registered_at")
    read_meeting(parsed, rows, starts[0][1], reading.order if reading else MONTH_FIRST)
    return parsed


def _cell(row: list[str], index: int | None) -> str:
    """The cell at index, or '' when the column is missing or the row short."""
    return row[index] if index is not None and index < len(row) else ""
