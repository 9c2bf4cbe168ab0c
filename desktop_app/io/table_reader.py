"""Reads a CSV or XLSX file into rows of text cells, or refuses it with one clear line."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from desktop_app.domain.errors import UserError

MAX_BYTES = 200 * 1024 * 1024


class ImportRefused(UserError):
    """The file cannot be read as a table; nothing was imported."""


@dataclass(frozen=True)
class RawTable:
    """A file's cells as text, row by row (row 1 is the file's first line)."""

    name: str
    rows: list[list[str]]
    encoding: str  # "xlsx" for workbooks
    sha256: str  # of the file's bytes, to record which file an import came from


def read_table(path: Path) -> RawTable:
    """All rows of the first sheet of an XLSX, or of a CSV/TSV in any usual encoding."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportRefused(f"{name} is larger than 200 MB; split it into smaller files")
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused(f"cannot read {name}: {error.strerror}") from None
    if not data.strip():
        raise ImportRefused(f"{name} is empty; export the report again")
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(b"PK\x03\x04"):
        return RawTable(name, _xlsx_rows(name, data), "xlsx", digest)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRefused(
            f"{name} is an old Excel .xls file; open it in Excel or "
            "LibreOffice and save it as .xlsx or CSV"
        )
    text, encoding = _decode(name, data)
    return RawTable(name, _csv_rows(name, text), encoding, digest)


def _decode(name: str, data: bytes) -> tuple[str, str]:
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


def _csv_rows(name: str, text: str) -> list[list[str]]:
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


def _xlsx_rows(name: str, data: bytes) -> list[list[str]]:
    """Rows of the first worksheet, real date cells written as ISO text.

    Read with python-calamine: on 100,000 rows it took 0.9 s where openpyxl's read-only
    mode took 11.9 s (benchmarks/bench_import.py). openpyxl stays the writer.
    """
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        rows = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except PasswordError:
        raise ImportRefused(
            f"{name} is protected by a password; save an unprotected copy and import that"
        ) from None
    except (CalamineError, IndexError, ValueError) as error:
        raise ImportRefused(
            f"{name} is not a readable XLSX workbook ({error}); it may be cut "
            "short: save it again from Excel or LibreOffice"
        ) from None
    return [[_cell_text(value) for value in row] for row in rows]


def _cell_text(value: object) -> str:
    """A cell value as the text a CSV export of it would hold."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, timedelta):  # a duration cell, e.g. time in session
        return str(round(value.total_seconds() / 60))
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
