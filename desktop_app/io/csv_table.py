"""Reads delimited text (CSV, TSV, semicolons) in the encodings real exports use."""

from __future__ import annotations

import csv
import io
import itertools
import re

from desktop_app.io import table_limits
from desktop_app.io.refusal import ImportRefused
from desktop_app.io.table_limits import (
    MAX_CELL_CHARS,
    bounded_lines,
    too_many_cells,
    too_many_columns,
)
from desktop_app.io.text_decoding import decode_text

SNIFF_CHARS = 256 * 1024  # the delimiter is told from the start of the file
SEEN_CELLS = 1 << 16  # distinct cell texts remembered at once (see csv_rows)
_EMAIL_FIELD = re.compile(r"[^@\s\"]+@[^@\s\"]+\.[^@\s\"]+")


def decode(name: str, data: bytes) -> tuple[str, str]:
    """Text of a CSV: UTF-8 (BOM or not), UTF-16 or UTF-32 (BOM or not), Windows-1252
    (older Excel on Windows), or UTF-8 and Windows-1252 mixed line by line."""
    return decode_text(name, data)


def csv_rows(name: str, text: str) -> list[list[str]]:
    """Rows of delimited text, with the delimiter (comma, semicolon, tab) sniffed.

    A misplaced quote is refused naming the line and field where it is, since reading
    past it would silently lose every row up to the next quote.
    """
    sample = io.StringIO(text[:SNIFF_CHARS], newline="")  # StringIO: 4 bytes a character
    delimiter = _delimiter(list(itertools.islice(sample, 100)))
    csv.field_size_limit(MAX_CELL_CHARS)  # the module's limit is global: say it here
    lines = bounded_lines(name, text)  # a line over the limit is refused before it is split
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    done = 0  # the last line of the last row read
    cells = held = 0  # all cells, and the distinct texts held before the last forgetting
    strip = str.strip
    # Each distinct text held once: a report repeats its dates, statuses, countries and
    # minutes on thousands of rows (a million-row Zoom report's rows took 740 MB, 330 MB
    # so). Forgotten now and then, so a column of distinct texts is not held twice.
    seen: dict[str, str] = {}
    same = seen.setdefault
    most_columns, most_cells = table_limits.MAX_COLUMNS, table_limits.MAX_CSV_CELLS
    try:
        for row in reader:  # checks inline: a generator per row cost a third of the read
            at = reader.line_num
            if at > done + 1 and _swallows_rows(row, delimiter):
                raise ImportRefused(_runs_on(name, _lines(text), done, at, delimiter))
            width = len(row)
            if width > most_columns:
                raise too_many_columns(name, width, at)
            cells += width
            if cells > most_cells:
                raise too_many_cells(name, cells, most=most_cells)
            stripped = [*map(strip, row)]
            rows.append([*map(same, stripped, stripped)])
            done = at
            if len(seen) > SEEN_CELLS:
                held += len(seen)
                seen.clear()
                _check_held(name, held)
        _check_held(name, held + len(seen))
    except csv.Error as error:
        refusal = _problem(name, _lines(text), done, reader.line_num, delimiter, error)
        raise ImportRefused(refusal) from None
    return rows


def _check_held(name: str, held: int) -> None:
    """Refuse a table holding more distinct texts than MAX_CELLS: their memory is what
    the cap bounds."""
    if held > table_limits.MAX_CELLS:
        raise too_many_cells(name, held, what="different values")


def _lines(text: str) -> list[str]:
    """The text's lines, split as the csv module splits them (needed only to explain)."""
    return io.StringIO(text, newline="").readlines()


def _problem(
    name: str, lines: list[str], done: int, at: int, delimiter: str, error: csv.Error
) -> str:
    """One line saying where a CSV breaks and what would fix it."""
    start = done + 1  # the row that failed starts on the line after the last row read
    if at > start:  # a quote opened on an earlier line ran on to here
        return _runs_on(name, lines, done, at, delimiter)
    if "expected after" in str(error):
        field = _closed_quote_field(lines[at - 1] if 0 < at <= len(lines) else "", delimiter)
        return (
            f"{name}, line {at}, field {field}: text follows a closing quote (a quote inside "
            'a quoted field must be doubled, ""); fix that line and import the file again'
        )
    if "end of data" in str(error) or "field larger" in str(error):
        return (
            f"{name}, line {start}, field {_open_quote_field(lines, done, delimiter)}: a quote "
            "opens a field there and never closes; remove the stray quote (or double it, "
            '"") and import the file again'
        )
    return f"{name}, line {at}: cannot be read as CSV ({error}); export the file again"


def _runs_on(name: str, lines: list[str], done: int, at: int, delimiter: str) -> str:
    """The refusal for a stray quote whose field takes in the lines after it."""
    return (
        f"{name}, line {done + 1}, field {_open_quote_field(lines, done, delimiter)}: a quote "
        f"opens a field there that runs on to line {at}, taking in the rows between; remove "
        'the stray quote (or double it, "") and import the file again'
    )


def _swallows_rows(row: list[str], delimiter: str) -> bool:
    """True when a field spanning lines holds what look like rows of their own (a stray
    quote), not a multi-line answer: a later line of three or more fields, one of them
    an email address."""
    for cell in row:
        if "\n" in cell or "\r" in cell:
            for line in cell.splitlines()[1:]:
                fields = line.split(delimiter)
                if len(fields) >= 3 and any(_EMAIL_FIELD.fullmatch(f.strip()) for f in fields):
                    return True
    return False


def _closed_quote_field(line: str, delimiter: str) -> int:
    """1-based field of a line where a closing quote is followed by other text."""
    field, quoted, index = 1, False, 0
    while index < len(line):
        char = line[index]
        if char == '"':
            following = line[index + 1 : index + 2]
            if quoted and following == '"':
                index += 1  # a doubled quote inside a quoted field
            elif quoted and following not in ("", delimiter, "\r", "\n"):
                return field
            else:
                quoted = not quoted
        elif char == delimiter and not quoted:
            field += 1
        index += 1
    return field


def _open_quote_field(lines: list[str], done: int, delimiter: str) -> int:
    """1-based field of the line after `done` lines where the last unclosed quote opens."""
    line = lines[done] if done < len(lines) else ""
    field, quoted, opened = 1, False, 1
    for char in line:
        if char == '"':
            opened = field if not quoted else opened
            quoted = not quoted
        elif char == delimiter and not quoted:
            field += 1
    return opened


def _delimiter(lines: list[str]) -> str:
    """The delimiter that splits the sample into the most fields (quotes respected).

    csv.Sniffer gives up on Zoom's reports, whose preamble rows are shorter than the data,
    and dates such as "Mar 28, 2020" hold commas: counting the fields each candidate
    yields picks tabs or semicolons when a file uses them, commas otherwise.
    """
    best, most = ",", 0
    for candidate in (",", ";", "\t"):
        try:
            fields = sum(len(row) - 1 for row in csv.reader(lines, delimiter=candidate))
        except csv.Error:
            continue
        if fields > most:
            best, most = candidate, fields
    return best
