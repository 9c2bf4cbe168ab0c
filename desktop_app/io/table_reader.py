"""Reads a CSV or XLSX file into rows of text cells, or refuses it with one clear line."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.cycle_collection import without_cycle_collection
from desktop_app.io.csv_table import csv_rows, decode
from desktop_app.io.file_guard import display_name, read_regular_file, sha256_of_regular_file
from desktop_app.io.refusal import ImportRefused
from desktop_app.io.table_limits import MAX_FILE_BYTES
from desktop_app.io.xlsx_table import xlsx_rows

__all__ = ["ImportRefused", "RawTable", "file_digest", "read_table"]


@dataclass(frozen=True)
class RawTable:
    """A file's cells as text, row by row (row 1 is the file's first line)."""

    name: str
    rows: list[list[str]]
    encoding: str  # "xlsx" for workbooks
    sha256: str  # of the file's bytes, to record which file an import came from
    sheets: tuple[str, ...] = ()  # a workbook's sheet names, in order ('' for CSV)
    sheet: str = ""  # the sheet these rows come from


def read_table(path: Path, sheet: str | None = None) -> RawTable:
    """All rows of a CSV/TSV in any usual encoding, or of one sheet of an XLSX: the one
    named, by default the first with an email column (RawTable.sheets lists them all)."""
    name = display_name(path)  # file names can hold terminal escapes too
    data = read_regular_file(
        path, MAX_FILE_BYTES, "split it into smaller files", error=ImportRefused
    )
    if not data.strip():
        raise ImportRefused(f"{name} is empty; export the report again")
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(b"PK\x03\x04"):
        with without_cycle_collection():  # a list per row, and no cycles
            rows, sheets, chosen = xlsx_rows(name, data, sheet)
        return RawTable(name, rows, "xlsx", digest, sheets, chosen)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRefused(
            f"{name} is an old Excel .xls file; open it in Excel or "
            "LibreOffice and save it as .xlsx or CSV"
        )
    text, encoding = decode(name, data)
    del data  # a 200 MB file need not be held three times (bytes, text, rows)
    with without_cycle_collection():
        return RawTable(name, csv_rows(name, text), encoding, digest)


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes (as RawTable.sha256), read in chunks: to tell whether
    it changed since it was read, or was imported before, without reading it whole."""
    # Through the guard: the file chosen for the preview may have become a pipe since.
    return sha256_of_regular_file(
        path, MAX_FILE_BYTES, "split it into smaller files", error=ImportRefused
    )
