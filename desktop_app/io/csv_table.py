"""Reads delimited text (CSV, TSV, semicolons) in the encodings real exports use."""

from __future__ import annotations

import csv

from desktop_app.io.refusal import ImportRefused
from desktop_app.io.table_limits import MAX_CELL_CHARS, bounded_lines, bounded_rows
from desktop_app.io.text_decoding import decode_text

SNIFF_CHARS = 256 * 1024  # the delimiter is told from the start of the file


def decode(name: str, data: bytes) -> tuple[str, str]:
    """Text of a CSV: UTF-8 (BOM or not), UTF-16 or UTF-32 (BOM or not), Windows-1252
    (older Excel on Windows), or UTF-8 and Windows-1252 mixed line by line."""
    return decode_text(name, data)


def csv_rows(name: str, text: str) -> list[list[str]]:
    """Rows of delimited text, with the delimiter (comma, semicolon, tab) sniffed."""
    delimiter = _delimiter(text[:SNIFF_CHARS].splitlines()[:100])
    csv.field_size_limit(MAX_CELL_CHARS)  # the module's limit is global: say it here
    lines = bounded_lines(name, text)
    try:
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        return [[cell.strip() for cell in row] for row in bounded_rows(name, reader)]
    except csv.Error as error:
        raise ImportRefused(
            f"{name} is not a well-formed CSV file ({error}); it may be cut short: export it again"
        ) from None


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
