"""Formats with one header row and one person per row: Eventbrite, Google Forms, Zoom's
registration report and any spreadsheet with an email column."""

from __future__ import annotations

import re

from desktop_app.domain.dates import MONTH_FIRST
from desktop_app.domain.import_rows import ParsedFile
from desktop_app.io.columns import map_columns, normalise_heading
from desktop_app.io.formats.layout import (
    HEADER_SEARCH_ROWS,
    ParseOptions,
    Sniff,
    find_header,
    note_missing,
    read_dates,
)
from desktop_app.io.formats.meeting import read_meeting
from desktop_app.io.formats.people import data_indexes
from desktop_app.io.formats.people_reader import read_people
from desktop_app.io.refusal import ImportRefused
from desktop_app.io.table_reader import RawTable

# What each known format's export holds: field -> (its heading, what is lost without it).
_EXPECTED = {
    "zoom-registrations": (
        "Zoom registration report",
        {
            "registered_at": ("Registration Time", "registration times are left empty"),
            "status": ("Approval Status", "every registration counts as approved"),
        },
    ),
    "eventbrite": (
        "Eventbrite attendee export",
        {
            "registered_at": ("Order Date", "registration times are left empty"),
            "status": (
                "Attendee Status",
                "nobody is marked as checked in, and refunded or cancelled tickets count "
                "as registrations",
            ),
        },
    ),
    "google-forms": (
        "Google Forms download",
        {"registered_at": ("Timestamp", "registration times are left empty")},
    ),
}
_SESSIONS = re.compile(
    r"\b(sessions?|sesion|sesiones|sessao|sessoes|seances?|sitzung|sitzungen|webinars?)\b"
)
# Google Forms writes its first heading in the form owner's language.
_TIMESTAMPS = frozenset(
    {"timestamp", "marca temporal", "zeitstempel", "horodateur", "carimbo de data hora"}
)


def is_zoom_registrations(found: Sniff) -> bool:
    """Zoom's registration report: its title, or its registration columns without joins."""
    if "registration report" in found.firsts:
        return True
    return {"registration time", "approval status"} <= found.header and (
        "join time" not in found.header
    )


def is_eventbrite(found: Sniff) -> bool:
    """Eventbrite's attendee export: an order number beside the attendee status."""
    # Order # with any one of its companions, so a renamed column still finds the format
    # (and the preview says what is missing) instead of passing as a plain spreadsheet.
    companions = {"attendee status", "order date", "ticket type", "attendee no"}
    return bool({"order", "order no"} & found.header and companions & found.header)


def is_google_forms(found: Sniff) -> bool:
    """Google Forms responses: a Timestamp first, then the collected email address."""
    return found.first_heading in _TIMESTAMPS and bool(
        {"email address", "direccion de correo electronico", "e mail adresse",
         "adresse e mail", "endereco de e mail"} & found.header
    )  # fmt: skip


def parse_single_header(table: RawTable, name: str, options: ParseOptions) -> ParsedFile:
    """One header row (found in the first rows, or the user's mapping) and people below."""
    columns = options.columns
    header_at = find_header(table.rows)
    if columns is not None:
        if "email" not in columns.values():
            raise ImportRefused(
                f"{table.name}: no column is mapped to Email; choose the "
                "column that holds the email addresses"
            )
        if header_at is None:  # unrecognised headings: the first non-blank row is the header
            header_at = next((i for i, row in enumerate(table.rows) if any(row)), 0)
    elif header_at is None:
        raise ImportRefused(
            f"{table.name} has no email column in its first "
            f"{HEADER_SEARCH_ROWS} rows; add a column headed 'Email' or "
            "choose the file that holds the registrations"
        )
    header = table.rows[header_at]
    parsed = ParsedFile(
        table.name,
        name,
        header_at + 1,
        header,
        columns if columns is not None else map_columns(header),
        sheet=table.sheet,
    )
    indexes = data_indexes(table.rows, header_at + 1, len(table.rows))
    dates = read_dates(parsed, table.rows, [(indexes, parsed.columns)], options, MONTH_FIRST)
    read_people(parsed, table.rows, indexes, parsed.columns, "registrant", dates, header)
    if name in _EXPECTED:
        label, expected = _EXPECTED[name]
        note_missing(parsed, label, expected)
    reading = dates.get("registered_at")
    read_meeting(parsed, table.rows, header_at, reading.order if reading else MONTH_FIRST)
    read_session_choices(parsed, table.rows)
    return parsed


def read_session_choices(parsed: ParsedFile, rows: list[list[str]]) -> None:
    """Each row's answers to a question naming sessions (Google Forms joins the boxes
    ticked with ', '), so a person can be registered for each session they chose."""
    column = next(
        (
            i
            for i, heading in enumerate(parsed.header)
            if i not in parsed.columns and _SESSIONS.search(normalise_heading(heading))
        ),
        None,
    )
    if column is None:
        return
    parsed.sessions_heading = parsed.header[column]
    seen: dict[str, None] = {}
    for row in parsed.rows:
        cells = rows[row.line - 1]
        answer = cells[column] if column < len(cells) else ""
        row.sessions = tuple(part.strip() for part in answer.split(", ") if part.strip())
        seen.update(dict.fromkeys(row.sessions))
    parsed.session_choices = list(seen)
