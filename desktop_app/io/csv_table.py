"""Reads delimited text (CSV, TSV, semicolons) in the encodings real exports use."""

from __future__ import annotations

import csv
import io

from desktop_app.io.refusal import ImportRefused


def decode(name: str, data: bytes) -> tuple[str, str]:
    """Text of a CSV: UTF-8 (BOM or not), UTF-16 with BOM (Excel's Unicode text), or
    Windows-1252 (older Excel on Windows)."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "cp1252"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Binary files decode as cp1252 too; real exports have no control characters.
        controls = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\r\n\t")
        if controls > 0:
            break
        return text, encoding
    raise ImportRefused(f"{name} is not a spreadsheet or CSV file; export it again as CSV or XLSX")


def csv_rows(name: str, text: str) -> list[list[str]]:
    """Rows of delimited text, with the delimiter (comma, semicolon, tab) sniffed."""
    delimiter = _delimiter(text.splitlines()[:100])
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        raise ImportRefused(
            f"{name} is not a well-formed CSV file ({error}); it may be cut short: export it again"
        ) from None
    return [[cell.strip() for cell in row] for row in rows]


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
