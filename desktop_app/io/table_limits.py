"""How much of a table this app reads, and the checks that refuse a file beyond it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from desktop_app.io.refusal import ImportRefused

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_COLUMNS = 1_000
# Rows × columns of the table as read (an XLSX sheet counts its grid from A1 to its last
# cell): Excel's 1,048,576 rows × 8 columns, which read in under 1 GB; 10 columns take
# just over (benchmarks/bench_hostile_files.py).
MAX_CELLS = 8 * 1_048_576
MAX_LINE_CHARS = 1_000_000  # one physical line of a CSV file
MAX_CELL_CHARS = 131_072  # one CSV field (Excel's own limit is 32,767)


def count(number: int) -> str:
    """A number as messages write it (1,048,576)."""
    return f"{number:,}"


def too_many_cells(name: str, cells: int, where: str = "") -> ImportRefused:
    """The refusal of a table over MAX_CELLS."""
    return ImportRefused(
        f"{name} holds more cells{where} ({count(cells)}) than this app reads at once "
        f"({count(MAX_CELLS)}); split it into smaller files or remove unused columns"
    )


def too_many_columns(name: str, columns: int, line: int) -> ImportRefused:
    """The refusal of a row over MAX_COLUMNS."""
    return ImportRefused(
        f"{name}: line {count(line)} has {count(columns)} columns, more than the "
        f"{count(MAX_COLUMNS)} this app reads; check that it is the exported file and that "
        "its columns are separated by commas, semicolons or tabs"
    )


def bounded_lines(name: str, text: str) -> Iterator[str]:
    """The physical lines of a CSV text (ends kept, as the csv module wants), refusing one
    longer than MAX_LINE_CHARS before the CSV reader splits it into fields."""
    for number, line in enumerate(_physical_lines(text), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise ImportRefused(
                f"{name}: line {count(number)} is {count(len(line))} characters long, more "
                f"than the {count(MAX_LINE_CHARS)} this app reads in one line; check that "
                "it is a CSV file exported from a spreadsheet or a registration system"
            )
        yield line


# str.splitlines also breaks at these, where a CSV line does not end.
_NOT_LINE_ENDS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


def _physical_lines(text: str) -> Iterator[str]:
    """Lines ending at \\n, \\r\\n or \\r. (io.StringIO would do, but holds 4 bytes a
    character: 800 MB for a 200 MB file.)"""
    if not any(separator in text for separator in _NOT_LINE_ENDS):
        yield from text.splitlines(keepends=True)  # C speed
        return
    for match in _LINE.finditer(text):
        if match.group():
            yield match.group()


def bounded_rows(name: str, rows: Iterable[list[str]]) -> Iterator[list[str]]:
    """Rows as they come, refusing a row over MAX_COLUMNS or a table over MAX_CELLS."""
    cells = 0
    line = 0
    for row in rows:
        line = getattr(rows, "line_num", line + 1)  # a csv reader's own count
        if len(row) > MAX_COLUMNS:
            raise too_many_columns(name, len(row), line)
        cells += len(row)
        if cells > MAX_CELLS:
            raise too_many_cells(name, cells)
        yield row
