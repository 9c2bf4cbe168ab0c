"""Turns the data rows under one header into ImportRows; only a bad email skips a row.

Per-row work is kept lean (a 100,000-row report is common): each distinct date, minutes,
status or yes/no text is read once, cells are fetched with one itemgetter, text that is
ASCII skips Unicode normalisation, and the email is normalised once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import TypeVar

from desktop_app.domain.date_columns import ColumnReading
from desktop_app.domain.import_rows import CellNote, ImportRow, ParsedFile, Skip
from desktop_app.domain.limits import PERSON_TEXT, overlong
from desktop_app.domain.people import (
    clean_text,
    is_normalised_email,
    normalise_email,
    split_full_name,
)
from desktop_app.io.columns import FIELDS
from desktop_app.io.formats.values import (
    MISSING,
    Reading,
    approval_of,
    consent_of,
    minutes_of,
    yes_no_of,
)

T = TypeVar("T")
DATE_FIELDS = ("registered_at", "join_time", "leave_time")
SHORTEST_LIMIT = min(PERSON_TEXT.values())
# A person's texts in the order of PERSON_TEXT (and of ImportRow's fields).
Texts = tuple[str, str, str, str, str, str, str]
SPEAKER_SECTIONS = ("host", "panelist")
_BOT_NAME = re.compile(
    r"otter\.ai|otterpilot|fireflies|read\.ai|fathom|notetaker|note taker|tl;?dv|meetgeek"
    r"|avoma|notta|sembly|tactiq|\bbot\b|\brecorder\b",
    re.IGNORECASE,
)
_BOT_DOMAINS = ("@otter.ai", "@fireflies.ai", "@read.ai", "@fathom.video", "@tldv.io")


def is_bot(name: str, email: str = "") -> bool:
    """A note-taker bot (Otter.ai and the like) that joins a meeting: not a person."""
    return email.endswith(_BOT_DOMAINS) or bool(name and _BOT_NAME.search(name))


def data_indexes(rows: list[list[str]], start: int, end: int) -> list[int]:
    """Indexes of the non-blank rows between two indexes (cells come stripped)."""
    return [index for index in range(start, end) if any(rows[index])]


def column_texts(rows: list[list[str]], indexes: Sequence[int], column: int | None) -> set[str]:
    """The distinct texts of one column over some rows."""
    if column is None:
        return set()
    try:  # the usual case: every row is as wide as its header
        return set(map(itemgetter(column), map(rows.__getitem__, indexes)))
    except IndexError:
        return {rows[i][column] for i in indexes if column < len(rows[i])}


class _Seen(dict[str, Reading[T]]):
    """One cell reader with a memory: each distinct text is read once (a hit costs one
    dict lookup, no Python call)."""

    def __init__(self, read: Callable[[str], Reading[T]]) -> None:
        """Remember read; the empty text reads as nothing said."""
        super().__init__({"": (None, None)})
        self.read = read

    def __missing__(self, text: str) -> Reading[T]:
        """Read a text met for the first time, and keep what it gave."""
        found = self[text] = self.read(text)
        return found


def _tidy(text: str) -> str:
    """clean_text, with the common case (plain ASCII, no runs of spaces) inlined."""
    return " ".join(text.split()) if text.isascii() else clean_text(text)


def read_people(
    parsed: ParsedFile,
    rows: list[list[str]],
    indexes: Sequence[int],
    columns: dict[int, str],
    section: str,
    dates: dict[str, ColumnReading],
    header: list[str],
) -> None:
    """Turn the rows at indexes into ImportRows (or Skips) and add them to parsed.

    dates holds each date field's reading for the whole file; header names the columns
    for the notes on values left empty.
    """
    where = {field: index for index, field in columns.items()}
    get = itemgetter(*(where.get(field, -1) for field in FIELDS))  # -1: the padding's ""
    padding = [""] * (max(where.values(), default=0) + 2)
    heading = {f: header[i] if i < len(header) else f"Column {i + 1}" for f, i in where.items()}
    no_dates = ColumnReading("", False, "", {}, {})
    registered_at, join_time, leave_time = (dates.get(f, no_dates) for f in DATE_FIELDS)
    registered_values, registered_errors = registered_at.values, registered_at.errors
    join_values, join_errors = join_time.values, join_time.errors
    leave_values, leave_errors = leave_time.values, leave_time.errors
    minutes_seen, consent_seen = _Seen(minutes_of), _Seen(consent_of)
    approval_seen, yes_no_seen = _Seen(approval_of), _Seen(yes_no_of)
    notes, skipped, out = parsed.left_empty, parsed.skipped, parsed.rows
    parsed.data_rows += len(indexes)

    def note(line: int, field: str, text: str, reason: str) -> None:
        """Record a value left empty."""
        notes.append(CellNote(line, heading[field], text, reason))

    for index in indexes:
        (
            raw_email, first, last, full, organisation, job_title, city, country, sector,
            consent_text, registered_text, status_text, attended_text, join_text,
            leave_text, minutes_text,
        ) = get(rows[index] + padding)  # fmt: skip
        email = raw_email.casefold() if raw_email.isascii() else normalise_email(raw_email)
        if email in MISSING or not is_normalised_email(email) or email.endswith(_BOT_DOMAINS):
            if is_bot(full or f"{first} {last}".strip(), email):
                parsed.bots += 1
            elif email in MISSING:
                skipped.append(Skip(index + 1, "no email address"))
            else:
                skipped.append(Skip(index + 1, f"'{raw_email}' is not an email address"))
            continue
        first = " ".join(first.split()) if first.isascii() else clean_text(first)
        last = " ".join(last.split()) if last.isascii() else clean_text(last)
        if not first and not last and full:
            first, last = split_full_name(full.split(" (")[0])  # Zoom: "Name (Original Name)"

        registered = registered_values.get(registered_text)
        if registered is None and registered_text in registered_errors:
            note(index + 1, "registered_at", registered_text, registered_errors[registered_text])
        join = join_values.get(join_text)
        if join is None and join_text in join_errors:
            note(index + 1, "join_time", join_text, join_errors[join_text])
        leave = leave_values.get(leave_text)
        if leave is None and leave_text in leave_errors:
            note(index + 1, "leave_time", leave_text, leave_errors[leave_text])
        minutes, why = minutes_seen[minutes_text]
        if why:
            note(index + 1, "minutes", minutes_text, why)
        consent, why = consent_seen[consent_text]
        if why:
            note(index + 1, "consent", consent_text, why)
        approval, why = approval_seen[status_text]
        if why:
            note(index + 1, "status", status_text, why)
        attended, why = yes_no_seen[attended_text]
        if why:
            note(index + 1, "attended", attended_text, why)
        if attended is None:
            if status_text.casefold() in ("checked in", "attended"):
                attended = True
            elif join is not None or (minutes or 0) > 0:
                attended = True  # a join time or minutes in session: they came

        texts: Texts = (
            first,
            last,
            _tidy(organisation) if organisation else "",
            _tidy(job_title) if job_title else "",
            _tidy(city) if city else "",
            _tidy(country).replace("--", "") if country else "",
            _tidy(sector) if sector else "",
        )
        if max(map(len, texts)) > SHORTEST_LIMIT:  # rare: look closer only then
            texts = _fit(texts, index + 1, heading, notes)
        out.append(
            ImportRow(
                index + 1,
                section,
                email,
                *texts,
                consent,
                registered,
                approval,
                attended,
                join,
                leave,
                minutes,
            )
        )


def _fit(texts: Texts, line: int, heading: dict[str, str], notes: list[CellNote]) -> Texts:
    """The texts with any too long for its column left empty, each with a note (SQLite
    would store it whole, a server would refuse the whole import: the same on both)."""
    values = dict(zip(PERSON_TEXT, texts, strict=True))
    for name, reason in overlong(values).items():
        shown = values[name][:40] + "…"
        notes.append(CellNote(line, heading.get(name, name.replace("_", " ")), shown, reason))
        values[name] = ""
    first, last, organisation, job_title, city, country, sector = values.values()
    return first, last, organisation, job_title, city, country, sector


def keep_speakers_apart(parsed: ParsedFile) -> None:
    """A host or panelist who also appears among attendees stays a speaker, never a
    registrant: their attendee rows join their speaker section."""
    speakers = {r.email: r.section for r in parsed.rows if r.section in SPEAKER_SECTIONS}
    if not speakers:
        return
    for row in parsed.rows:
        if row.section not in SPEAKER_SECTIONS and row.email in speakers:
            row.section = speakers[row.email]
