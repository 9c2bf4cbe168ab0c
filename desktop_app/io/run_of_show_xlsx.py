"""The run-of-show as a spreadsheet: one row per segment, times in every zone."""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain import timezones
from desktop_app.domain.run_of_show_sheet import RunOfShowSheet
from desktop_app.io.atomic import atomic_path
from desktop_app.io.written_checks import check_workbook


def write_xlsx(sheet: RunOfShowSheet, target: Path) -> None:
    """Write the segments (and a heading block) to an XLSX file, atomically."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    session, zones = sheet.session, list(sheet.zones)
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Run of show"
    workbook.properties.title = f"{session.title}: run of show"
    workbook.properties.creator = "Webinar Desk"
    bold = Font(bold=True)

    def text(row: int, column: int, value: object, strong: bool = False) -> None:
        cell = ws.cell(row=row, column=column, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # database text is never a formula
        if strong:
            cell.font = bold

    text(1, 1, sheet.series_title)
    text(2, 1, session.title, strong=True)
    text(3, 1, session.start_label)
    text(4, 1, sheet.schedule.verdict())
    heads = (
        [f"Start {timezones.abbreviation(z, session.starts_at)}" for z in zones]
        + [f"End {timezones.abbreviation(z, session.starts_at)}" for z in zones]
        + ["Minutes", "Segment", "Who", "Cue", "Notes", "Before start"]
    )
    for column, heading in enumerate(heads, start=1):
        text(6, column, heading, strong=True)
    for row, timed in enumerate(sheet.schedule.segments, start=7):
        values: list[object] = [f"{timezones.utc_to_local(timed.start, z):%H:%M}" for z in zones]
        values += [f"{timezones.utc_to_local(timed.end, z):%H:%M}" for z in zones]
        segment = timed.segment
        values += [
            segment.duration_minutes,
            segment.title,
            segment.owner,
            segment.cue,
            segment.notes,
            "Yes" if segment.before_start else "",
        ]
        for column, value in enumerate(values, start=1):
            text(row, column, value)
            ws.cell(row=row, column=column).alignment = Alignment(vertical="top", wrap_text=True)
    widths = [10] * (2 * len(zones)) + [9, 32, 20, 16, 50, 12]
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(row=6, column=column).column_letter].width = width
    ws.freeze_panes = "A7"
    with atomic_path(target, verify=check_workbook) as temporary:
        workbook.save(temporary)
