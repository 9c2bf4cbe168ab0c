"""Turns the data rows under one header into ImportRows, or Skips saying why not."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.domain.dates import parse_datetime
from desktop_app.domain.enums import ApprovalStatus, Consent
from desktop_app.domain.import_rows import ImportRow, ParsedFile, Skip
from desktop_app.domain.people import clean_text, is_email, normalise_email, split_full_name

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


def data_rows(rows: list[list[str]], start: int, end: int) -> Iterable[list[str]]:
    """Non-blank rows between two indexes."""
    for row in rows[start:end]:
        if any(cell.strip() for cell in row):
            yield row


def cell(row: list[str], columns: dict[int, str], field: str) -> str:
    """The text of the column mapped to field in a row, or ''."""
    for index, name in columns.items():
        if name == field:
            return row[index].strip() if index < len(row) else ""
    return ""


def _positions(columns: dict[int, str]) -> dict[str, int]:
    """field -> column index, for reading many rows quickly."""
    return {field: index for index, field in columns.items()}


def read_people(
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
    minutes = minutes_of(get("minutes"))
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


def minutes_of(text: str) -> int | None:
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
