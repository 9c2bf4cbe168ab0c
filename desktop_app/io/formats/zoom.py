"""Zoom's webinar attendee report: a preamble, then titled sections each with its own header."""

from __future__ import annotations

from desktop_app.domain.import_rows import ParsedFile
from desktop_app.io.columns import map_columns, normalise_heading
from desktop_app.io.formats.layout import ParseOptions, Sniff
from desktop_app.io.formats.people import cell, data_rows, minutes_of, read_people
from desktop_app.io.refusal import ImportRefused
from desktop_app.io.table_reader import RawTable

ZOOM_SECTIONS = {
    "host details": "host",
    "panelist details": "panelist",
    "attendee details": "attendee",
    "other attended": "other",
}


def is_zoom_attendees(found: Sniff) -> bool:
    """Zoom's attendee report: its title, or one of its section titles, in the first rows."""
    return "attendee report" in found.firsts or any(f in ZOOM_SECTIONS for f in found.firsts)


def parse_zoom_attendees(table: RawTable, options: ParseOptions) -> ParsedFile:
    """Zoom's attendee report: a preamble, then titled sections each with its own header."""
    sections: list[tuple[str, int]] = []
    for index, row in enumerate(table.rows):
        title = normalise_heading(row[0]) if row else ""
        if title in ZOOM_SECTIONS and not any(c.strip() for c in row[1:]):
            sections.append((ZOOM_SECTIONS[title], index))
    if not any(kind == "attendee" for kind, _ in sections):
        raise ImportRefused(
            f"{table.name} looks like a Zoom report but has no 'Attendee "
            "Details' section; export the attendee report again"
        )
    parsed: ParsedFile | None = None
    for number, (kind, start) in enumerate(sections):
        end = sections[number + 1][1] if number + 1 < len(sections) else len(table.rows)
        if start + 1 >= end:
            continue
        header = table.rows[start + 1]
        columns = map_columns(header)
        if kind == "attendee":
            parsed = parsed or ParsedFile(table.name, "zoom-attendees", start + 2, header, columns)
            parsed.header, parsed.columns, parsed.header_line = header, columns, start + 2
    if parsed is None:
        raise ImportRefused(
            f"{table.name} ends before the attendee list begins; it may be cut "
            "short: export the attendee report again"
        )
    for number, (kind, start) in enumerate(sections):
        end = sections[number + 1][1] if number + 1 < len(sections) else len(table.rows)
        if start + 1 >= end:
            continue
        columns = map_columns(table.rows[start + 1])
        if kind == "other":
            for row in data_rows(table.rows, start + 2, end):
                parsed.other_attended += 1
                parsed.other_minutes += minutes_of(cell(row, columns, "minutes")) or 0
            continue
        if "email" not in columns.values():
            raise ImportRefused(
                f"{table.name}: the '{kind}' section has no Email column; "
                "export the attendee report again"
            )
        read_people(parsed, table.rows, start + 2, end, columns, kind)
    return parsed
