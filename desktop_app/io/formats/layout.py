"""What every format's detector and parser shares: the first rows sniffed once, the
user's options, dates read column by column, and notes on missing columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as default

from desktop_app.domain.date_columns import ColumnReading, read_column
from desktop_app.domain.dates import DATE_ORDERS, MONTH_FIRST
from desktop_app.domain.import_rows import DateColumn, ParsedFile
from desktop_app.io.columns import map_columns, normalise_heading
from desktop_app.io.formats.people import DATE_FIELDS, column_texts
from desktop_app.io.refusal import ImportRefused
from desktop_app.io.table_reader import RawTable

HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class ParseOptions:
    """What the user chose in the preview: a column mapping, a date order per column."""

    columns: dict[int, str] | None = None  # column index -> field
    date_orders: dict[int, str] = default(default_factory=dict)  # column index -> order


@dataclass(frozen=True)
class Sniff:
    """A table's first rows as detectors look at them, worked out once."""

    firsts: list[str]  # the first cell of each of the first rows, as normalised headings
    keys: list[frozenset[str]]  # every cell of each of the first rows, normalised
    header_at: int | None  # the first row that names an email column
    header: frozenset[str]  # that row's headings, normalised

    @property
    def first_heading(self) -> str:
        """The header row's first heading, normalised ('' without a header)."""
        return self.firsts[self.header_at] if self.header_at is not None else ""


def sniff(table: RawTable) -> Sniff:
    """Look at a table's first rows once for all detectors."""
    rows = table.rows[:HEADER_SEARCH_ROWS]
    firsts = [normalise_heading(row[0]) if row else "" for row in rows]
    keys = [frozenset(normalise_heading(cell) for cell in row if cell) for row in rows]
    header_at = find_header(rows)
    header = keys[header_at] if header_at is not None else frozenset()
    return Sniff(firsts, keys, header_at, header)


def find_header(rows: list[list[str]]) -> int | None:
    """Index of the first row (of the first 30) that names an email column."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if "email" in map_columns(row).values():
            return index
    return None


def read_dates(
    parsed: ParsedFile,
    rows: list[list[str]],
    groups: Sequence[tuple[Sequence[int], dict[int, str]]],
    options: ParseOptions,
    default: str = MONTH_FIRST,
) -> dict[str, ColumnReading]:
    """Each date field's reading over every group of rows (a section and its columns),
    and parsed.date_columns saying how each date column of parsed.header was read.

    options.date_orders (column index in parsed.header -> order) overrides the order
    decided from the values.
    """
    chosen: dict[str, str] = {}
    for index, order in options.date_orders.items():
        if order not in DATE_ORDERS:
            raise ImportRefused(
                f"{parsed.name}: '{order}' is not a date order; use {' or '.join(DATE_ORDERS)}"
            )
        if index in parsed.columns:
            chosen[parsed.columns[index]] = order
    readings: dict[str, ColumnReading] = {}
    for name in DATE_FIELDS:
        texts: set[str] = set()
        present = False
        for indexes, columns in groups:
            where = {f: i for i, f in columns.items()}
            if name in where:
                present = True
                texts |= column_texts(rows, indexes, where[name])
        if present:
            readings[name] = read_column(texts, chosen.get(name), default)
    for index, name in parsed.columns.items():
        if name in readings:
            reading = readings[name]
            heading = parsed.header[index] if index < len(parsed.header) else f"Column {index + 1}"
            parsed.date_columns.append(
                DateColumn(
                    index,
                    heading,
                    reading.order,
                    reading.ambiguous,
                    reading.settled_by,
                    name in chosen,
                )
            )
    return readings


def note_missing(parsed: ParsedFile, label: str, expected: dict[str, tuple[str, str]]) -> None:
    """Say which columns a known format usually has are not in this file, and what follows.

    expected: field -> (the heading the format writes, what is lost without it).
    """
    present = set(parsed.columns.values())
    for wanted, (heading, lost) in expected.items():
        if wanted not in present:
            parsed.layout_notes.append(
                f"This {label} has no '{heading}' column (renamed or removed?), so {lost}. "
                "The columns below show what was used instead."
            )
