"""How much of a table this app reads, and the checks that refuse a file beyond it."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from desktop_app.io.refusal import ImportRefused

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_COLUMNS = 1_000
# Rows × columns of an XLSX sheet as read (its grid from A1 to its last cell), and the
# distinct texts held of a CSV table: Excel's 1,048,576 rows × 8 columns of them, which
# read in under 1 GB (benchmarks/bench_hostile_files.py).
MAX_CELLS = 8 * 1_048_576
# All cells of a CSV table: one repeating a text held already costs a pointer (see
# csv_table.csv_rows), so twice as many, Excel's rows × 16 columns.
MAX_CSV_CELLS = 2 * MAX_CELLS
MAX_LINE_CHARS = 1_000_000  # one physical line of a CSV file
MAX_CELL_CHARS = 131_072  # one CSV field (Excel's own limit is 32,767)


def count(number: int) -> str:
    """A number as messages write it (1,048,576)."""
    return f"{number:,}"


def too_many_cells(
    name: str, cells: int, where: str = "", most: int | None = None, what: str = "cells"
) -> ImportRefused:
    """The refusal of a table over MAX_CELLS (or another cap, most)."""
    return ImportRefused(
        f"{name} holds more {what}{where} ({count(cells)}) than this app reads at once "
        f"({count(MAX_CELLS if most is None else most)}); split it into smaller files or "
        "remove unused columns"
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
    return itertools.chain.from_iterable(_checked_chunks(name, text))


def _checked_chunks(name: str, text: str) -> Iterator[list[str]]:
    """The text's lines a chunk at a time, each chunk checked for an overlong line."""
    before = 0  # lines in the chunks already handed over
    for lines in _line_chunks(text):
        if max(map(len, lines), default=0) > MAX_LINE_CHARS:  # C speed, a chunk at once
            index = next(i for i, line in enumerate(lines) if len(line) > MAX_LINE_CHARS)
            raise ImportRefused(
                f"{name}: line {count(before + index + 1)} is {count(len(lines[index]))} "
                f"characters long, more than the {count(MAX_LINE_CHARS)} this app reads in "
                "one line; check that it is a CSV file exported from a spreadsheet or a "
                "registration system"
            )
        before += len(lines)
        yield lines


# str.splitlines also breaks at these, where a CSV line does not end.
_NOT_LINE_ENDS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
CHUNK_CHARS = 1 << 20  # lines are split a megabyte of text at a time


def _line_chunks(text: str) -> Iterator[list[str]]:
    """Lists of the lines ending at \\n, \\r\\n or \\r, about CHUNK_CHARS of text each.

    Not all at once: a million-line file's lines would be held twice (text and list).
    (io.StringIO would do, but holds 4 bytes a character: 800 MB for a 200 MB file.)
    """
    if any(separator in text for separator in _NOT_LINE_ENDS):
        lines = [match.group() for match in _LINE.finditer(text) if match.group()]
        yield from (lines[i : i + 10_000] for i in range(0, len(lines), 10_000))
        return
    start, size = 0, len(text)
    while start < size:
        end = _chunk_end(text, start, min(start + CHUNK_CHARS, size))
        yield text[start:end].splitlines(keepends=True)  # C speed
        start = end


def _chunk_end(text: str, start: int, end: int) -> int:
    """Where a chunk from start ends: after the last line break before end (or the first
    after it, for a line longer than a chunk), never between \\r and \\n."""
    if end == len(text):
        return end
    cut = max(text.rfind("\n", start, end), text.rfind("\r", start, end))
    if cut < 0:  # one line longer than the chunk: it ends at the next break
        breaks = [at for at in (text.find("\n", end), text.find("\r", end)) if at >= 0]
        if not breaks:
            return len(text)
        cut = min(breaks)
    if text.startswith("\r\n", cut):
        cut += 1
    return cut + 1
