"""Turns the data rows under one header into ImportRows; only a bad email skips a row.

A 100,000-row report is common, so the rows are read a column at a time: each column goes
through map() at C speed (each distinct date, minutes, status or yes/no text read once,
ASCII text spared Unicode normalisation), and only the rows with something to say (a bad
email, a value left empty, a name to split, a text too long) get a loop of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import compress, repeat
from operator import add, contains, itemgetter, methodcaller
from typing import Any, TypeVar

from desktop_app.domain.date_columns import ColumnReading
from desktop_app.domain.import_rows import CellNote, ImportRow, ParsedFile, Skip
from desktop_app.domain.limits import PERSON_TEXT, overlong
from desktop_app.domain.people import (
    EMAIL_SHAPE,
    clean_text,
    is_normalised_email,
    normalise_email,
    split_full_name,
)
from desktop_app.io.columns import FIELDS
from desktop_app.io.formats.people import BOT_DOMAINS, DATE_FIELDS, is_bot
from desktop_app.io.formats.values import (
    MISSING,
    Reading,
    approval_of,
    consent_of,
    minutes_of,
    yes_no_of,
)

T = TypeVar("T")
CHUNK_ROWS = 20_000  # rows read together: their columns are held at once
SHORTEST_LIMIT = min(PERSON_TEXT.values())
# Where a row's notes come among its others: as the row-by-row reading made them.
NOTE_ORDER = {
    name: n
    for n, name in enumerate(
        ("registered_at", "join_time", "leave_time", "minutes", "consent", "status", "attended")
    )
}
TOO_LONG = len(NOTE_ORDER)
_ENDS_LIKE_A_BOT = methodcaller("endswith", BOT_DOMAINS)
_NO_DATES = ColumnReading("", False, "", {}, {})


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
    reader = _PeopleReader(parsed, rows, columns, section, dates, header)
    parsed.data_rows += len(indexes)
    for start in range(0, len(indexes), CHUNK_ROWS):
        reader.read(indexes[start : start + CHUNK_ROWS])


class _PeopleReader:
    """One section's rows read into a ParsedFile, a chunk of rows at a time."""

    def __init__(
        self,
        parsed: ParsedFile,
        rows: list[list[str]],
        columns: dict[int, str],
        section: str,
        dates: dict[str, ColumnReading],
        header: list[str],
    ) -> None:
        """Remember where each field's cells are; a missing field reads as ''."""
        where = {field: index for index, field in columns.items()}
        self.cells = [itemgetter(where[field]) if field in where else None for field in FIELDS]
        self.padding = [""] * (max(where.values(), default=0) + 1)
        self.heading = {
            f: header[i] if i < len(header) else f"Column {i + 1}" for f, i in where.items()
        }
        self.parsed, self.rows, self.section = parsed, rows, section
        self.dates = {name: dates.get(name, _NO_DATES) for name in DATE_FIELDS}
        self.seen: dict[str, _Seen[object]] = {
            "minutes": _Seen(minutes_of),
            "consent": _Seen(consent_of),
            "status": _Seen(approval_of),
            "attended": _Seen(yes_no_of),
        }
        self.notes: list[tuple[int, int, CellNote]] = []  # (row index, order, note)

    def read(self, chunk: Sequence[int]) -> None:
        """Read the rows at the indexes of one chunk."""
        if not chunk:
            return
        cells = self._columns(chunk)
        emails = _emails(cells[0])
        if not _all_usable(emails):
            kept = self._skip(chunk, cells, emails)
            chunk = list(compress(chunk, kept))
            emails = list(compress(emails, kept))
            cells = [list(compress(column, kept)) for column in cells]
        (
            _, first, last, full, organisation, job_title, city, country, sector,
            consent_text, registered_text, status_text, attended_text, join_text,
            leave_text, minutes_text,
        ) = cells  # fmt: skip
        first, last = _tidy(first), _tidy(last)
        if any(full):
            _split_full_names(first, last, full)
        registered, join, leave = (
            self._dates(name, chunk, texts)
            for name, texts in zip(
                DATE_FIELDS, (registered_text, join_text, leave_text), strict=True
            )
        )
        minutes = self._values("minutes", chunk, minutes_text)
        consent = self._values("consent", chunk, consent_text)
        approval = self._values("status", chunk, status_text)
        attended = self._values("attended", chunk, attended_text)
        if None in attended:
            _infer_attendance(attended, status_text, join, minutes)
        country = list(map(methodcaller("replace", "--", ""), _tidy(country)))
        texts = [first, last, _tidy(organisation), _tidy(job_title), _tidy(city), country]
        texts.append(_tidy(sector))
        if max(max(map(len, column), default=0) for column in texts) > SHORTEST_LIMIT:
            self._fit(chunk, texts)  # rare: look closer only then
        self.notes.sort(key=itemgetter(0, 1))  # as a row-by-row reading would list them
        self.parsed.left_empty.extend(map(itemgetter(2), self.notes))
        self.notes.clear()
        lines = map(add, chunk, repeat(1))
        self.parsed.rows.extend(
            map(
                ImportRow,
                lines,
                repeat(self.section),
                emails,
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

    def _columns(self, chunk: Sequence[int]) -> list[list[str]]:
        """The chunk's cells, a list per field of FIELDS ('' where the table has none)."""
        rows = list(map(self.rows.__getitem__, chunk))
        try:
            return [list(map(cell, rows)) if cell else [""] * len(rows) for cell in self.cells]
        except IndexError:  # a row shorter than its header: pad them all
            rows = list(map(add, rows, repeat(self.padding)))
            return [list(map(cell, rows)) if cell else [""] * len(rows) for cell in self.cells]

    def _skip(self, chunk: Sequence[int], cells: list[list[str]], emails: list[str]) -> list[bool]:
        """Which rows have a usable email; the others counted as bots or skipped, saying why."""
        kept: list[bool] = []
        for at, (index, email) in enumerate(zip(chunk, emails, strict=True)):
            usable = is_normalised_email(email) and not email.endswith(BOT_DOMAINS)
            kept.append(usable)
            if usable:
                continue
            raw_email, first, last, full = (cells[field][at] for field in range(4))  # FIELDS[:4]
            if is_bot(full or f"{first} {last}".strip(), email):
                self.parsed.bots += 1
            elif email in MISSING:
                self.parsed.skipped.append(Skip(index + 1, "no email address"))
            else:
                reason = f"'{raw_email}' is not an email address"
                self.parsed.skipped.append(Skip(index + 1, reason))
        return kept

    def _dates(self, name: str, chunk: Sequence[int], texts: list[str]) -> list[Any]:
        """A date column's dates; a text that is not a date is left empty with a note."""
        reading = self.dates[name]
        values = list(map(reading.values.get, texts))
        errors = reading.errors
        if errors and not errors.keys().isdisjoint(texts):
            for index, text, value in zip(chunk, texts, values, strict=True):
                if value is None and text in errors:
                    self._note(index, name, text, errors[text])
        return values

    def _values(self, name: str, chunk: Sequence[int], texts: list[str]) -> list[Any]:
        """A column's values read by its reader; a text it cannot read gets a note."""
        seen = self.seen[name]
        readings = list(map(seen.__getitem__, texts))
        faulty = {text for text, (_, why) in seen.items() if why}
        if faulty and not faulty.isdisjoint(texts):
            for index, text in zip(chunk, texts, strict=True):
                if text in faulty:
                    self._note(index, name, text, str(seen[text][1]))
        return list(map(itemgetter(0), readings))

    def _note(self, index: int, name: str, text: str, reason: str) -> None:
        """Note a value left empty, in its row's place."""
        self.notes.append(
            (index, NOTE_ORDER[name], CellNote(index + 1, self.heading[name], text, reason))
        )

    def _fit(self, chunk: Sequence[int], texts: list[list[str]]) -> None:
        """Leave empty each text too long for its column, with a note (SQLite would store
        it whole, a server would refuse the whole import: the same on both)."""
        for at, index in enumerate(chunk):
            values = dict(zip(PERSON_TEXT, (column[at] for column in texts), strict=True))
            for name, reason in overlong(values).items():
                heading = self.heading.get(name, name.replace("_", " "))
                note = CellNote(index + 1, heading, values[name][:40] + "…", reason)
                self.notes.append((index, TOO_LONG, note))
                texts[list(PERSON_TEXT).index(name)][at] = ""


def _emails(raw: list[str]) -> list[str]:
    """A column's emails normalised (ASCII ones only lower-cased: that is their casefold)."""
    if all(map(str.isascii, raw)):
        return list(map(str.lower, raw))
    return [email.lower() if email.isascii() else normalise_email(email) for email in raw]


def _all_usable(emails: list[str]) -> bool:
    """is_normalised_email true of every email and none a bot's: a column's checks at C
    speed (the usual case, where no row is skipped)."""
    return (
        all(map(EMAIL_SHAPE.match, emails))
        and max(map(len, emails), default=0) <= 254
        and not any(map(contains, emails, repeat("..")))
        and not any(map(_ENDS_LIKE_A_BOT, emails))
    )


def _tidy(column: list[str]) -> list[str]:
    """A column's texts with runs of white space collapsed (clean_text, at C speed when
    the whole column is ASCII)."""
    if all(map(str.isascii, column)):
        return list(map(" ".join, map(str.split, column)))
    return [" ".join(text.split()) if text.isascii() else clean_text(text) for text in column]


def _split_full_names(first: list[str], last: list[str], full: list[str]) -> None:
    """Where a row has neither first nor last name, both from its full name."""
    for at, name in enumerate(full):
        if name and not first[at] and not last[at]:
            first[at], last[at] = split_full_name(name.split(" (")[0])  # Zoom: "Name (Orig)"


def _infer_attendance(
    attended: list[Any], status: list[str], join: list[Any], minutes: list[Any]
) -> None:
    """Where a row does not say whether the person came: a status of 'checked in', a join
    time or minutes in session say they did."""
    for at, said in enumerate(attended):
        if said is None and (
            status[at].casefold() in ("checked in", "attended")
            or join[at] is not None
            or (minutes[at] or 0) > 0
        ):
            attended[at] = True
