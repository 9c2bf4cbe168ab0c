"""Recognises which export a table is and turns its rows into ImportRows."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.domain.dates import parse_datetime
from desktop_app.domain.enums import ApprovalStatus, Consent
from desktop_app.domain.import_rows import ImportRow, ParsedFile, Skip
from desktop_app.domain.people import clean_text, is_email, normalise_email, split_full_name
from desktop_app.io.columns import map_columns, normalise_heading
from desktop_app.io.table_reader import ImportRefused, RawTable

FORMATS = {
    "zoom-attendees": "Zoom webinar attendee report",
    "zoom-registrations": "Zoom webinar registration report",
    "eventbrite": "Eventbrite attendee export",
    "google-forms": "Google Forms responses",
    "generic": "Spreadsheet with a header row",
}
ZOOM_SECTIONS = {
    "host details": "host",
    "panelist details": "panelist",
    "attendee details": "attendee",
    "other attended": "other",
}
HEADER_SEARCH_ROWS = 30
PREVIEW_ROWS = 20

_YES = {
    "yes",
    "y",
    "true",
    "1",
    "si",
    "sí",
    "ja",
    "oui",
    "sim",
    "x",
    "agree",
    "i agree",
    "accept",
    "accepted",
    "checked in",
    "attended",
}
_NO = {
    "no",
    "n",
    "false",
    "0",
    "nein",
    "non",
    "nao",
    "não",
    "disagree",
    "i do not agree",
    "decline",
    "declined",
    "not attending",
}


def detect_format(table: RawTable) -> str:
    """The most likely format of a table (see FORMATS)."""
    firsts = [normalise_heading(row[0]) if row else "" for row in table.rows[:HEADER_SEARCH_ROWS]]
    if "attendee report" in firsts or any(f in ZOOM_SECTIONS for f in firsts):
        return "zoom-attendees"
    if "registration report" in firsts:
        return "zoom-registrations"
    header_at = _find_header(table.rows)
    if header_at is None:
        return "generic"
    header = {normalise_heading(h) for h in table.rows[header_at]}
    if {"order", "attendee status"} <= header or {"order no", "attendee status"} <= header:
        return "eventbrite"
    if normalise_heading(table.rows[header_at][0]) == "timestamp" and "email address" in header:
        return "google-forms"
    if {"registration time", "approval status"} <= header and "join time" not in header:
        return "zoom-registrations"
    return "generic"


def parse_table(
    table: RawTable, format_name: str | None = None, columns: dict[int, str] | None = None
) -> ParsedFile:
    """Parse a table in the given (or detected) format; ImportRefused if it has no people.

    columns, for one-header formats, replaces the recognised mapping (index -> field).
    """
    chosen = format_name or detect_format(table)
    if chosen not in FORMATS:
        raise ImportRefused(
            f"'{chosen}' is not a format this app reads; use one of {', '.join(FORMATS)}"
        )
    if chosen == "zoom-attendees":
        return _parse_zoom_attendees(table)
    return _parse_single_header(table, chosen, columns)


def _find_header(rows: list[list[str]]) -> int | None:
    """Index of the first row (of the first 30) that names an email column."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if "email" in map_columns(row).values():
            return index
    return None


def _parse_single_header(
    table: RawTable, chosen: str, columns: dict[int, str] | None
) -> ParsedFile:
    """Formats with one header row and one person per row."""
    header_at = _find_header(table.rows)
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
        chosen,
        header_at + 1,
        header,
        columns if columns is not None else map_columns(header),
    )
    _read_people(parsed, table.rows, header_at + 1, len(table.rows), parsed.columns, "registrant")
    return parsed


def _parse_zoom_attendees(table: RawTable) -> ParsedFile:
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
            for row in _data(table.rows, start + 2, end):
                parsed.other_attended += 1
                parsed.other_minutes += _minutes(_cell(row, columns, "minutes")) or 0
            continue
        if "email" not in columns.values():
            raise ImportRefused(
                f"{table.name}: the '{kind}' section has no Email column; "
                "export the attendee report again"
            )
        _read_people(parsed, table.rows, start + 2, end, columns, kind)
    return parsed


def _data(rows: list[list[str]], start: int, end: int) -> Iterable[list[str]]:
    """Non-blank rows between two indexes."""
    for row in rows[start:end]:
        if any(cell.strip() for cell in row):
            yield row


def _cell(row: list[str], columns: dict[int, str], field: str) -> str:
    for index, name in columns.items():
        if name == field:
            return row[index].strip() if index < len(row) else ""
    return ""


def _positions(columns: dict[int, str]) -> dict[str, int]:
    """field -> column index, for reading many rows quickly."""
    return {field: index for index, field in columns.items()}


def _read_people(
    parsed: ParsedFile,
    rows: list[list[str]],
    start: int,
    end: int,
    columns: dict[int, str],
    section: str,
) -> None:
    """Turn data rows into ImportRows (or Skips) and add them to parsed."""
    where = _positions(columns)
    for index in range(start, end):
        row = rows[index]
        if not any(cell.strip() for cell in row):
            continue
        line = index + 1
        parsed.data_rows += 1
        try:
            parsed.rows.append(_person(row, where, line, section))
        except ValueError as error:
            parsed.skipped.append(Skip(line, str(error)))


def _person(row: list[str], where: dict[str, int], line: int, section: str) -> ImportRow:
    """One ImportRow, or ValueError saying why the row cannot be used."""
    width = len(row)

    def get(field: str) -> str:
        index = where.get(field)
        return row[index].strip() if index is not None and index < width else ""

    raw_email = get("email")
    if not raw_email or raw_email.casefold() in {"--", "na", "n/a"}:
        raise ValueError("no email address")
    if not is_email(raw_email):
        raise ValueError(f"'{raw_email}' is not an email address")
    first, last = clean_text(get("first_name")), clean_text(get("last_name"))
    if not first and not last and get("full_name"):
        full = get("full_name").split(" (")[0]  # Zoom: "User Name (Original Name)"
        first, last = split_full_name(full)
    status = get("status").casefold()
    attended_text = get("attended").casefold()
    attended: bool | None = None
    if attended_text:
        attended = attended_text in _YES
    elif status in {"checked in", "attended"}:
        attended = True
    try:
        registered_at = parse_datetime(get("registered_at"))
        join_time = parse_datetime(get("join_time"))
        leave_time = parse_datetime(get("leave_time"))
    except ValueError as error:
        raise ValueError(str(error)) from None
    minutes = _minutes(get("minutes"))
    return ImportRow(
        line=line,
        section=section,
        email=normalise_email(raw_email),
        first_name=first,
        last_name=last,
        organisation=clean_text(get("organisation")),
        job_title=clean_text(get("job_title")),
        city=clean_text(get("city")),
        country=clean_text(get("country")).replace("--", ""),
        sector=clean_text(get("sector")),
        consent=_consent(get("consent")),
        registered_at=registered_at,
        approval=_approval(status),
        attended=attended,
        join_time=join_time,
        leave_time=leave_time,
        minutes=minutes,
    )


def _minutes(text: str) -> int | None:
    """'38' -> 38; '--' or '' -> None; nonsense -> ValueError."""
    cleaned = text.strip()
    if cleaned.casefold() in {"", "--", "na", "n/a"}:
        return None
    try:
        value = float(cleaned.replace(",", "."))
    except ValueError:
        raise ValueError(f"'{text}' is not a number of minutes") from None
    if value < 0:
        raise ValueError(f"'{text}' minutes cannot be negative")
    return round(value)


def _consent(text: str) -> Consent | None:
    """A consent answer ('Yes', 'Sí', 'I agree', 'No'), or None when unanswered."""
    key = text.strip().casefold().rstrip(".!")
    if not key:
        return None
    if key in _YES or key.startswith(("yes", "sí", "si,", "ja", "oui", "i agree")):
        return Consent.YES
    if key in _NO or key.startswith(("no", "nein", "non")):
        return Consent.NO
    return Consent.UNKNOWN


def _approval(status: str) -> ApprovalStatus | None:
    """Zoom's approval status or Eventbrite's attendee status as an ApprovalStatus."""
    if not status or status in {"na", "--"}:
        return None
    if status in {"approved", "attending", "checked in", "attended", "registered"}:
        return ApprovalStatus.APPROVED
    if status in {"pending", "waitlisted", "waiting"}:
        return ApprovalStatus.PENDING
    if status in {"denied", "rejected"}:
        return ApprovalStatus.DENIED
    if status in {"cancelled", "canceled", "not attending", "refunded", "deleted"}:
        return ApprovalStatus.CANCELLED
    return None


def mapping_editable(format_name: str) -> bool:
    """False where the format's own layout fixes which column holds what."""
    return format_name != "zoom-attendees"


def first_rows(table: RawTable, parsed: ParsedFile, limit: int = PREVIEW_ROWS) -> list[list[str]]:
    """The data rows after the people's header, up to the next section title or the limit."""
    shown: list[list[str]] = []
    for row in table.rows[parsed.header_line :]:
        if row and normalise_heading(row[0]) in ZOOM_SECTIONS and not any(row[1:]):
            break
        if any(cell.strip() for cell in row):
            shown.append(row)
        if len(shown) == limit:
            break
    return shown
