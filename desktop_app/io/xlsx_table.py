"""Reads the cells of one sheet of an XLSX workbook as text, choosing the sheet."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta
from typing import Any

from desktop_app.domain.safe_text import without_controls
from desktop_app.io.columns import map_columns
from desktop_app.io.refusal import ImportRefused
from desktop_app.io.xlsx_limits import XlsxGuard

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

    guard = XlsxGuard(name, data)  # sizes and area measured before calamine unpacks anything
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = tuple(workbook.sheet_names)
        if sheet is not None and sheet not in names:
            raise ImportRefused(f"{name} has no sheet '{sheet}'; its sheets are {', '.join(names)}")
        sheets = _Sheets(workbook, names, guard)
        chosen = sheet if sheet is not None else _sheet_with_emails(sheets, names)
        rows = sheet_text(sheets.load(chosen))
    except PasswordError:
        raise ImportRefused(
            f"{name} is protected by a password; save an unprotected copy and import that"
        ) from None
    except (CalamineError, IndexError, ValueError) as error:
        raise ImportRefused(
            f"{name} is not a readable XLSX workbook ({error}); it may be cut "
            "short: save it again from Excel or LibreOffice"
        ) from None
    return rows, names, chosen


class _Sheets:
    """A workbook's sheets, each measured by the guard before calamine builds it, and
    built once (looking for the email column must not read a big sheet twice)."""

    def __init__(self, workbook: Any, names: tuple[str, ...], guard: XlsxGuard) -> None:
        self.workbook, self.names, self.guard = workbook, names, guard
        self._loaded: dict[str, Any] = {}

    def load(self, sheet: str) -> Any:
        if sheet not in self._loaded:
            self.guard.check_sheet(self.names.index(sheet))
            self._loaded = {sheet: self.workbook.get_sheet_by_name(sheet)}  # one at a time
        return self._loaded[sheet]


def sheet_text(sheet: Any) -> list[list[str]]:
    """Every cell of a calamine sheet as text, from A1 (so row 1 is the sheet's row 1).

    Read row by row, so a sheet's values and their text are never all held at once, and
    equal texts share one string (a million rows repeat their countries and answers):
    1,048,576 rows × 8 columns stay under 1 GB (benchmarks/bench_hostile_files.py).
    """
    seen: dict[str, str] = {}
    rows: list[list[str]] = []
    for row in sheet.iter_rows():
        cells = [v.strip() if type(v) is str else cell_text(v) for v in row]
        if not all(map(str.isprintable, cells)):  # line breaks, or escapes from _x001B_
            cells = [without_controls(cell) for cell in cells]
        rows.append([seen.setdefault(cell, cell) for cell in cells])
        if len(seen) > 100_000:  # unique texts (emails) would make it as large as the sheet
            seen.clear()
    end = sheet.end
    if end is None:
        return rows
    # iter_rows starts at row 1 but at the first used column (python-calamine 0.9): pad
    # whatever it left out, so that columns keep their letters whichever way it goes.
    rows[:0] = [[] for _ in range(end[0] + 1 - len(rows))]
    width = max(map(len, rows))
    if width < end[1] + 1:
        lead = [""] * (end[1] + 1 - width)
        rows[:] = [lead + row if row else row for row in rows]
    return rows


def _sheet_with_emails(sheets: _Sheets, names: tuple[str, ...]) -> str:
    """The first visible sheet whose first rows name an email column, else the first."""
    if not names:
        raise ValueError("the workbook has no sheets")
    hidden = {
        meta.name
        for meta in getattr(sheets.workbook, "sheets_metadata", [])
        if "hidden" in str(meta.visible).casefold()
    }
    for candidate in names:
        if candidate in hidden:
            continue
        top = sheets.load(candidate).to_python(skip_empty_area=False, nrows=HEADER_ROWS)
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
