"""A report's meeting title and start time, from its preamble, so a session can be proposed."""

from __future__ import annotations

from desktop_app.domain.dates import DateError, parse_datetime
from desktop_app.domain.import_rows import ParsedFile
from desktop_app.io.columns import normalise_heading

_TITLES = frozenset({"topic", "meeting title", "title", "meeting name", "webinar name"})
_STARTS = frozenset(
    {"actual start time", "start time", "meeting start time", "scheduled time", "start date"}
)


def read_meeting(parsed: ParsedFile, rows: list[list[str]], upto: int, order: str) -> None:
    """Fill parsed.meeting_title and meeting_start from the rows before index upto.

    Zoom writes a row of headings (Topic, ..., Actual Start Time) with the values in the
    row below; Teams writes pairs ('Meeting title', value) one per row. order reads a
    numeric start date the way the file's other dates were read.
    """
    title = start = ""
    for index, row in enumerate(rows[:upto]):
        filled = [cell for cell in row if cell]
        if not filled:
            continue
        key = normalise_heading(row[0])
        if len(filled) == 2 and row[1] and (key in _TITLES or key in _STARTS):
            if key in _TITLES:
                title = title or row[1]
            else:
                start = start or row[1]
            continue
        keys = [normalise_heading(cell) for cell in row]
        if any(k in _TITLES for k in keys) and any(k in _STARTS for k in keys):
            below = rows[index + 1] if index + 1 < len(rows) else []
            for column, heading in enumerate(keys):
                value = below[column] if column < len(below) else ""
                if heading in _TITLES and not title:
                    title = value
                elif heading in _STARTS and not start:
                    start = value
    parsed.meeting_title = " ".join(title.split())
    if start:
        try:
            parsed.meeting_start = parse_datetime(start, order)
        except DateError as error:
            parsed.layout_notes.append(f"The report's start time {error}; it is not used.")
