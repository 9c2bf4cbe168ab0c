"""Writes registrant exports: an XLSX workbook (streamed, write-only) or a CSV file."""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop_app.domain.enums import label
from desktop_app.domain.export_plan import ExportPerson, ExportPlan, SessionInfo
from desktop_app.domain.export_profile import BY_KEY
from desktop_app.io.atomic import atomic_path
from desktop_app.io.written_checks import check_workbook

# Text that a spreadsheet would run as a formula (or that hides one) when it starts with:
RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")
BAD_SHEET_CHARACTERS = "[]:*?/\\"
DATE_FORMAT = "yyyy-mm-dd hh:mm"
WIDTHS = {
    "email": 34,
    "organisation": 32,
    "job_title": 28,
    "first_name": 16,
    "last_name": 18,
    "city": 16,
    "country": 18,
    "sector": 18,
    "consent": 12,
    "registered_at": 18,
    "registered": 12,
    "attended": 11,
    "minutes": 10,
}


def sheet_name(text: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name: 31 characters at most, none of []:*?/\\."""
    cleaned = "".join("-" if c in BAD_SHEET_CHARACTERS else c for c in text).strip("' ")
    cleaned = cleaned or "Sheet"
    name, number = cleaned[:31], 2
    while name.casefold() in {t.casefold() for t in taken}:
        tail = f" ({number})"
        name, number = cleaned[: 31 - len(tail)] + tail, number + 1
    taken.add(name)
    return name


def _value(key: str, person: ExportPerson, slot: int | None) -> Any:
    """The cell value of one column for one person (and session)."""
    if slot is None:
        value = person.fields[key]
        return label(value) if key == "consent" else value
    registered_at, registered, attended, minutes = person.sessions[slot]
    if key == "registered_at":
        return registered_at
    if key == "registered":
        return "Yes" if registered else "No"
    if key == "attended":
        return ("Yes" if attended else "No") if registered else ""
    return minutes if attended else None


def _row(plan: ExportPlan, person: ExportPerson, slots: Iterable[int]) -> list[Any]:
    """One person's row: person columns, then per-session columns for the given slots."""
    columns = plan.profile.columns
    row = [_value(key, person, None) for key, _ in columns if not BY_KEY[key].per_session]
    for slot in slots:
        row += [_value(key, person, slot) for key, _ in columns if BY_KEY[key].per_session]
    return row


def _session_headings(plan: ExportPlan, session: SessionInfo | None) -> list[str]:
    """Headings of a single-session sheet."""
    headings = [h for k, h in plan.profile.columns if not BY_KEY[k].per_session]
    for key, heading in plan.profile.columns:
        if BY_KEY[key].per_session:
            headings.append(f"{heading} ({plan.zone_label})" if key == "registered_at" else heading)
    return headings


def _keys(plan: ExportPlan, sessions: int) -> list[str]:
    """The column keys in sheet order (for widths)."""
    keys = [k for k, _ in plan.profile.columns if not BY_KEY[k].per_session]
    return keys + [
        k for _ in range(sessions) for k, _ in plan.profile.columns if BY_KEY[k].per_session
    ]


# XLSX ----------------------------------------------------------------------------------------


def write_xlsx(target: Path, plan: ExportPlan, people: Iterator[ExportPerson]) -> None:
    """Summary, one sheet per session and All registrants, written atomically."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    workbook.properties.title = f"{plan.series_title}: registrants ({plan.profile.name})"
    workbook.properties.creator = "Webinar Desk"
    workbook.properties.description = (
        f"Exported by {plan.exported_by} with the profile '{plan.profile.name}'."
    )
    bold = Font(bold=True)
    taken: set[str] = set()

    def cells(sheet: Any, values: list[Any], header: bool = False) -> list[Any]:
        out = []
        for value in values:
            if (
                header
                or isinstance(value, datetime)
                or (isinstance(value, str) and value.startswith(RISKY_STARTS))
            ):
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text stays text, never a formula
                if header:
                    cell.font = bold
                if isinstance(value, datetime):
                    cell.number_format = DATE_FORMAT
                out.append(cell)
            else:
                out.append(value)
        return out

    def table_sheet(title: str, headings: list[str], keys: list[str]) -> Any:
        sheet = workbook.create_sheet(sheet_name(title, taken))
        for number, (heading, key) in enumerate(zip(headings, keys, strict=True), start=1):
            width = max(WIDTHS.get(key, 14), min(len(heading) + 2, 40))
            sheet.column_dimensions[get_column_letter(number)].width = width
        sheet.freeze_panes = "A2"
        sheet.append(cells(sheet, headings, header=True))
        return sheet

    summary = workbook.create_sheet(sheet_name("Summary", taken))
    per_session = []
    if plan.profile.sheet_per_session:
        for session in plan.sessions:
            title = f"{session.start_local.day} {session.start_local:%b} {session.title}"
            per_session.append(table_sheet(title, _session_headings(plan, session), _keys(plan, 1)))
    everyone = table_sheet("All registrants", list(plan.headings), _keys(plan, len(plan.sessions)))
    counts = [0] * len(plan.sessions)
    total = 0
    try:
        for person in people:
            total += 1
            everyone.append(cells(everyone, _row(plan, person, range(len(plan.sessions)))))
            for slot, sheet in enumerate(per_session):
                if person.sessions[slot][1]:
                    counts[slot] += 1
                    sheet.append(cells(sheet, _row(plan, person, [slot])))
    except BaseException:
        # Finish the sheets' temporary files into nowhere, so none is left open or behind.
        with contextlib.suppress(Exception):
            workbook.save(io.BytesIO())
        raise
    width = len(plan.headings)
    everyone.auto_filter.ref = f"A1:{get_column_letter(max(width, 1))}{total + 1}"
    for slot, sheet in enumerate(per_session):
        columns = len(_session_headings(plan, plan.sessions[slot]))
        sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{counts[slot] + 1}"
    _write_summary(summary, plan, total, cells, get_column_letter)
    with atomic_path(target, verify=check_workbook) as temporary:
        workbook.save(temporary)


def _write_summary(sheet: Any, plan: ExportPlan, total: int, cells: Any, letter: Any) -> None:
    """The Summary sheet: series, sessions with counts, who exported what and how."""
    profile = plan.profile
    for column, width in zip("ABCDE", (34, 26, 12, 12, 16), strict=True):
        sheet.column_dimensions[column].width = width
    exported = plan.exported_at.astimezone().replace(tzinfo=None)
    sheet.append(cells(sheet, ["Registrant export", plan.series_title], header=True))
    if plan.internal:
        warning = "For the team only, not for partners: it may list people who said no."
        sheet.append(cells(sheet, ["INTERNAL", warning], header=True))
    rows: list[list[Any]] = [
        ["Exported at (this computer's time)", exported],
        ["Exported by", plan.exported_by],
        ["Profile", profile.name],
        ["People exported", total],
        [
            "People included",
            {
                "registered": "registered for a chosen session",
                "attended": "attended a chosen session",
                "everyone": "every registrant of the series",
            }[profile.people],
        ],
        [
            "Consent",
            (
                "only people who agreed to share"
                + (" or did not answer" if profile.include_unknown_consent else "")
            )
            if profile.require_consent
            else "not required (internal use)",
        ],
        ["Only organisations", ", ".join(profile.organisations) or "(any)"],
        ["Only email domains", ", ".join(profile.email_domains) or "(any)"],
        ["Columns", ", ".join(plan.headings)],
        [],
    ]
    for row in rows:
        sheet.append(cells(sheet, row))
    sheet.append(
        cells(
            sheet,
            [
                "Session",
                f"Date and time ({plan.zone_label})",
                "Registered",
                "Attended",
                "Attendance rate",
            ],
            header=True,
        )
    )
    for session in plan.sessions:
        rate = session.attended / session.registered if session.registered else None
        row = cells(
            sheet, [session.title, session.start_local, session.registered, session.attended, rate]
        )
        if rate is not None:
            from openpyxl.cell import WriteOnlyCell

            rate_cell = WriteOnlyCell(sheet, value=rate)
            rate_cell.number_format = "0.0%"
            row[-1] = rate_cell
        sheet.append(row)


# CSV -----------------------------------------------------------------------------------------


def _csv_text(value: Any) -> str:
    """A CSV cell: dates as text, risky text prefixed with ' so spreadsheets keep it text."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    text = str(value)
    return "'" + text if text.startswith(RISKY_STARTS) else text


def write_csv(target: Path, plan: ExportPlan, people: Iterator[ExportPerson]) -> None:
    """The All registrants table as UTF-8 CSV with a BOM (so Excel reads accents right)."""
    with (
        atomic_path(target) as temporary,
        temporary.open("w", encoding="utf-8-sig", newline="") as handle,
    ):
        writer = csv.writer(handle)
        writer.writerow([_csv_text(h) for h in plan.headings])
        slots = range(len(plan.sessions))
        for person in people:
            writer.writerow([_csv_text(v) for v in _row(plan, person, slots)])
