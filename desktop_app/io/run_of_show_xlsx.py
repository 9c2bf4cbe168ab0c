"""The run-of-show as a spreadsheet: one row per segment, real times in every zone,
set up to print landscape on one page wide with the heading row on every page."""

from __future__ import annotations

import contextlib
import errno
import gc
import logging
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from lxml.etree import SerialisationError
from openpyxl.writer.excel import ExcelWriter

from desktop_app.domain import timezones
from desktop_app.domain.run_of_show_sheet import RunOfShowSheet, who
from desktop_app.io.atomic import atomic_path
from desktop_app.io.written_checks import check_workbook

LOG = logging.getLogger(__name__)
HEAD_ROW = 6
TIME = "hh:mm"
TIME_WITH_DAY = "ddd hh:mm"  # a zone whose date is not the session's home date


def write_xlsx(sheet: RunOfShowSheet, target: Path, paper: str = "A4") -> None:
    """Write the segments (and a heading block) to an XLSX file, atomically."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.worksheet.worksheet import Worksheet

    session, zones = sheet.session, list(sheet.zones)
    start = session.starts_at
    home_day = timezones.home_date(start, zones[0])
    workbook = Workbook()
    ws = workbook.active
    assert isinstance(ws, Worksheet)
    ws.title = "Run of show"
    workbook.properties.title = f"{session.title}: run of show"
    workbook.properties.creator = "Webinar Desk"
    rule = Border(bottom=Side(style="thin", color="C3CAD2"))
    top = Alignment(vertical="top", wrap_text=True)

    def put(row: int, column: int, value: Any, **style: Any) -> None:
        cell = ws.cell(row=row, column=column, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # database text is never a formula
        for name, setting in style.items():
            setattr(cell, name, setting)

    put(1, 1, sheet.series_title, font=Font(color="5B6570"))
    put(2, 1, session.title, font=Font(bold=True, size=14))
    put(3, 1, timezones.format_start(start, zones[0], zones[1:]))
    put(4, 1, sheet.schedule.verdict())
    heads = [_head("Start", z, start, home_day) for z in zones]
    heads += [_head("End", z, start, home_day) for z in zones]
    heads += ["Minutes", "Segment", "Who", "Cue", "Notes", "Before start"]
    times = 2 * len(zones)
    centred = Alignment(horizontal="center", vertical="top", wrap_text=True)
    for column, heading in enumerate(heads, start=1):
        put(
            HEAD_ROW,
            column,
            heading,
            font=Font(bold=True),
            border=Border(bottom=Side(style="medium")),
            alignment=centred if column <= times else top,
        )
    # Each column's day is its zone's date at the start; a time on another day shows it.
    days = {z: timezones.home_date(start, z) for z in zones}
    for row, timed in enumerate(sheet.schedule.segments, start=HEAD_ROW + 1):
        moments = [(timed.start, z) for z in zones] + [(timed.end, z) for z in zones]
        for column, (moment, zone_name) in enumerate(moments, start=1):
            local = timezones.utc_to_local(moment, zone_name)
            shown = TIME if local.date() == days[zone_name] else TIME_WITH_DAY
            put(row, column, local.replace(tzinfo=None), number_format=shown)
        segment = timed.segment
        person = who(segment.owner, sheet)
        doer = person.names or person.role
        if person.names and person.role and person.role != person.names:
            doer = f"{person.names} ({person.role})"
        values: list[object] = [
            segment.duration_minutes,
            segment.title,
            doer,
            segment.cue,
            segment.notes,
            "Yes" if segment.before_start else "",
        ]
        for column, value in enumerate(values, start=2 * len(zones) + 1):
            put(row, column, value)
        for column in range(1, len(heads) + 1):
            ws.cell(row=row, column=column).alignment = centred if column <= times else top
            ws.cell(row=row, column=column).border = rule
    time_width = 12 if any("(" in h for h in heads[:times]) else 9
    widths = [time_width] * times + [8, 30, 22, 16, 44, 7]
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(row=HEAD_ROW, column=column).column_letter].width = width
    _fit_row_heights(ws, widths, HEAD_ROW, HEAD_ROW + len(sheet.schedule.segments))
    ws.freeze_panes = f"A{HEAD_ROW + 1}"
    _page_setup(ws, paper)
    with atomic_path(target, verify=check_workbook) as temporary:
        _save(workbook, temporary)


def _save(workbook: Any, path: Path) -> None:
    """openpyxl's save, but a failed write (a full disk) is one OSError and nothing else:
    the half-written zip and sheet streams it leaves would otherwise print tracebacks from
    their finalisers (those go to the log)."""
    archive = ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True)
    workbook.properties.modified = datetime.now(UTC).replace(tzinfo=None)  # as openpyxl does
    with _finalisers_logged():
        try:
            ExcelWriter(workbook, archive).save()  # writes the parts, then closes the archive
            return
        except OSError as error:  # a fresh error: no frames keeping the writer alive
            failure = OSError(error.errno, error.strerror or str(error))
        except SerialisationError as error:  # lxml's word for a write that failed
            failure = OSError(errno.EIO, f"the disk refused the write ({error})")
        stream, archive.fp = archive.fp, None  # nothing left for ZipFile.__del__ to finish
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
        gc.collect()
    raise failure


@contextlib.contextmanager
def _finalisers_logged() -> Iterator[None]:
    """Send what finalisers raise to the log instead of the terminal, for a moment."""
    before = sys.unraisablehook

    def to_log(unraisable: Any) -> None:
        LOG.debug("while abandoning a failed spreadsheet: %r", unraisable.exc_value)

    sys.unraisablehook = to_log
    try:
        yield
    finally:
        sys.unraisablehook = before


def _head(word: str, zone_name: str, start: datetime, home_day: date) -> str:
    """'Start ET', or 'Start ET (Sat)' where the zone's day is not the home zone's."""
    day = timezones.home_date(start, zone_name)
    suffix = f" ({day:%a})" if day != home_day else ""
    return f"{word} {timezones.abbreviation(zone_name, start)}{suffix}"


def _fit_row_heights(ws: Any, widths: list[int], first: int, last: int) -> None:
    """Row heights for wrapped text: spreadsheets do not all grow rows on opening."""
    for row in range(first, last + 1):
        lines = 1
        for column, width in enumerate(widths, start=1):
            value = ws.cell(row=row, column=column).value
            if isinstance(value, str) and value:
                # About one character per unit of column width, breaking at words.
                lines = max(lines, -(-int(len(value) * 1.1) // max(width - 1, 1)))
        ws.row_dimensions[row].height = 15 * lines


def _page_setup(ws: Any, paper: str) -> None:
    """Landscape, all columns on one page wide, heading row repeated, file and page footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = (
        ws.PAPERSIZE_LETTER if paper.casefold() == "letter" else ws.PAPERSIZE_A4
    )
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed (one for a usual script)
    ws.print_title_rows = f"{HEAD_ROW}:{HEAD_ROW}"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.left.text = "&F"
    ws.oddFooter.right.text = "Page &P of &N"
