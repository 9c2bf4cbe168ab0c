"""Reads the cells of one sheet of an XLSX workbook as text, choosing the sheet."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta
from typing import Any

from desktop_app.io.columns import map_columns
from desktop_app.io.refusal import ImportRefused

HEADER_ROWS = 30  # a header lies within a workbook's first rows, as in a CSV


def xlsx_rows(
    name: str, data: bytes, sheet: str | None = None
) -> tuple[list[list[str]], tuple[str, ...], str]:
    """(rows of one worksheet, the workbook's sheet names, the sheet read).

    sheet names the sheet to read; by default the first visible sheet with an email
    column in its first rows, else the first sheet. Real date cells become ISO text.
    Read with python-calamine: on 100,000 rows it took 0.9 s where openpyxl's read-only
    mode took 11.9 s (benchmarks/bench_import.py). openpyxl stays the writer.
    """
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = tuple(workbook.sheet_names)
        if sheet is not None and sheet not in names:
            raise ImportRefused(f"{name} has no sheet '{sheet}'; its sheets are {', '.join(names)}")
        chosen = sheet if sheet is not None else _sheet_with_emails(workbook, names)
        rows = workbook.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
    except PasswordError:
        raise ImportRefused(
            f"{name} is protected by a password; save an unprotected copy and import that"
        ) from None
    except (CalamineError, IndexError, ValueError) as error:
        raise ImportRefused(
            f"{name} is not a readable XLSX workbook ({error}); it may be cut "
            "short: save it again from Excel or LibreOffice"
        ) from None
    return [[cell_text(value) for value in row] for row in rows], names, chosen


def _sheet_with_emails(workbook: Any, names: tuple[str, ...]) -> str:
    """The first visible sheet whose first rows name an email column, else the first."""
    if not names:
        raise ValueError("the workbook has no sheets")
    hidden = {
        meta.name
        for meta in getattr(workbook, "sheets_metadata", [])
        if "hidden" in str(meta.visible).casefold()
    }
    for candidate in names:
        if candidate in hidden:
            continue
        top = workbook.get_sheet_by_name(candidate).to_python(
            skip_empty_area=False, nrows=HEADER_ROWS
        )
        if any("email" in map_columns([cell_text(v) for v in row]).values() for row in top):
            return candidate
    return names[0]


def cell_text(value: object) -> str:
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
