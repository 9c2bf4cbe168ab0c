"""What every format's detector and parser shares: the first rows sniffed once, options."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.io.columns import map_columns, normalise_heading
from desktop_app.io.table_reader import RawTable

HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class ParseOptions:
    """What the user chose in the preview: a column mapping, a date order per column."""

    columns: dict[int, str] | None = None  # column index -> field
    date_orders: dict[int, str] = field(default_factory=dict)  # column index -> order


@dataclass(frozen=True)
class Sniff:
    """A table's first rows as detectors look at them, worked out once."""

    firsts: list[str]  # the first cell of each of the first rows, as normalised headings
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
    header_at = find_header(rows)
    header = (
        frozenset(normalise_heading(h) for h in rows[header_at])
        if header_at is not None
        else frozenset()
    )
    return Sniff(firsts, header_at, header)


def find_header(rows: list[list[str]]) -> int | None:
    """Index of the first row (of the first 30) that names an email column."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if "email" in map_columns(row).values():
            return index
    return None
