"""Reads the cells of an XLSX workbook as text."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta

from desktop_app.io.refusal import ImportRefused


def xlsx_rows(name: str, data: bytes) -> list[list[str]]:
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
    return [[cell_text(value) for value in row] for row in rows]


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
