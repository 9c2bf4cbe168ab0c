"""Writes registrant exports: an XLSX workbook (streamed, constant memory) or a CSV file."""

from __future__ import annotations

import contextlib
import csv
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from desktop_app.domain.enums import label
from desktop_app.domain.export_plan import PERSON_KEYS, ExportPerson, ExportPlan
from desktop_app.domain.export_profile import BY_KEY
from desktop_app.io.registrant_summary import Formats, print_setup, write_summary
from desktop_app.io.workspace import export_path
from desktop_app.io.written_checks import check_workbook

# Text that a spreadsheet would run as a formula (or that hides one) when it starts with:
RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")
BAD_SHEET_CHARACTERS = "[]:*?/\\"
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


def _row_maker(plan: ExportPlan, slots: Sequence[int]) -> Callable[[ExportPerson], list[Any]]:
    """A function giving one person's row: person columns, then per-session columns for
    the given slots (built once per sheet: the rows are the hot loop of an export)."""
    columns = plan.profile.columns
    person_keys = [k for k, _ in columns if not BY_KEY[k].per_session]
    session_keys = [k for k, _ in columns if BY_KEY[k].per_session]
    consent_at = person_keys.index("consent") if "consent" in person_keys else None
    labels: dict[str, str] = {}
    # Per session: (registered_at, "Registered?", "Attended", minutes) picked in the
    # profile's order; one picker for all, and the cells of "not registered" made once.
    positions = [SESSION_KEYS.index(k) for k in session_keys]
    pick = _picker(positions)
    absent = pick((None, "No", "", None))

    pick_fields = _picker([PERSON_KEYS.index(k) for k in person_keys])

    def make(person: ExportPerson) -> list[Any]:
        row: list[Any] = list(pick_fields(person.values))
        if consent_at is not None:
            value = row[consent_at]
            row[consent_at] = labels.get(value) or labels.setdefault(value, label(value))
        sessions = person.sessions
        for slot in slots:
            registered_at, registered, attended, minutes = sessions[slot]
            if not registered:
                row += absent
            elif attended:
                row += pick((registered_at, "Yes", "Yes", minutes))
            else:
                row += pick((registered_at, "Yes", "No", None))
        return row

    return make


SESSION_KEYS = ("registered_at", "registered", "attended", "minutes")


def _picker(positions: list[int]) -> Callable[[tuple[Any, ...]], Sequence[Any]]:
    """A function taking the values at positions from a tuple, as a sequence."""
    if not positions:
        return lambda values: ()
    if len(positions) == 1:
        (only,) = positions
        return lambda values: (values[only],)
    getter: Callable[[tuple[Any, ...]], Sequence[Any]] = itemgetter(*positions)
    return getter


def _session_headings(plan: ExportPlan) -> list[str]:
    """Headings of a single-session sheet."""
    headings = [h for k, h in plan.profile.columns if not BY_KEY[k].per_session]
    for key, heading in plan.profile.columns:
        if BY_KEY[key].per_session:
            headings.append(f"{heading} ({plan.zone_label})" if key == "registered_at" else heading)
    return headings


def _keys(plan: ExportPlan, sessions: int) -> list[str]:
    """The column keys in sheet order (for widths and date formats)."""
    keys = [k for k, _ in plan.profile.columns if not BY_KEY[k].per_session]
    return keys + [
        k for _ in range(sessions) for k, _ in plan.profile.columns if BY_KEY[k].per_session
    ]


# XLSX ----------------------------------------------------------------------------------------


def write_xlsx(target: Path, plan: ExportPlan, people: Iterator[ExportPerson]) -> None:
    """Summary, one sheet per session and All registrants, written atomically.

    xlsxwriter in constant-memory mode streams each sheet's rows to a file of its own, so
    memory stays flat; those files live in a private folder beside the target (see
    io.workspace) that goes when the export ends, or with the next export if this one
    is killed. Text is never turned into a formula, a link or a number.
    """
    import xlsxwriter
    from xlsxwriter.exceptions import XlsxFileError

    with export_path(target, verify=check_workbook) as (partial, folder):
        workbook = xlsxwriter.Workbook(
            str(partial),
            {
                "constant_memory": True,
                "tmpdir": str(folder),
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        try:
            _fill_workbook(workbook, plan, people, target.name)
            workbook.close()
        except XlsxFileError as error:
            _close_quietly(workbook)
            cause = error.args[0] if error.args and isinstance(error.args[0], OSError) else None
            raise cause or OSError(str(error)) from None
        except BaseException:
            _close_quietly(workbook)
            raise


def _close_quietly(workbook: Any) -> None:
    """Close the sheets' row files of a workbook that will not be saved."""
    for sheet in workbook.worksheets():
        with contextlib.suppress(Exception):
            sheet._opt_close()  # xlsxwriter's own clean-up of constant-memory files


def _fill_workbook(
    workbook: Any, plan: ExportPlan, people: Iterator[ExportPerson], file_name: str
) -> None:
    """Every sheet of the export, the Summary last (it needs the counts)."""
    workbook.set_properties(
        {
            "title": f"{plan.series_title}: registrants ({plan.profile.name})",
            "author": "Webinar Desk",
            "comments": f"Exported by {plan.exported_by} with the profile '{plan.profile.name}'.",
        }
    )
    formats = Formats(workbook)
    taken: set[str] = set()

    def table_sheet(title: str, headings: list[str], keys: list[str]) -> Any:
        sheet = workbook.add_worksheet(sheet_name(title, taken))
        for number, (heading, key) in enumerate(zip(headings, keys, strict=True)):
            width = max(WIDTHS.get(key, 14), min(len(heading) + 2, 40))
            # A column format: every date in the column shows as a date, made once.
            column_format = formats.date if key == "registered_at" else None
            sheet.set_column(number, number, width, column_format)
        sheet.freeze_panes(1, 0)
        sheet.write_row(0, 0, headings, formats.bold)
        print_setup(sheet, file_name, header_row=True)
        return sheet

    summary = workbook.add_worksheet(sheet_name("Summary", taken))
    per_session = []
    if plan.profile.sheet_per_session:
        for session in plan.sessions:
            title = f"{session.start_local.day} {session.start_local:%b} {session.title}"
            per_session.append(table_sheet(title, _session_headings(plan), _keys(plan, 1)))
    everyone = table_sheet("All registrants", list(plan.headings), _keys(plan, len(plan.sessions)))
    slots = range(len(plan.sessions))
    whole_row = _row_maker(plan, slots)
    session_rows = [_row_maker(plan, [slot]) for slot in slots]
    counts = [0] * len(plan.sessions)
    sheet_rows = [0] * len(per_session)
    total = 0
    write_everyone = everyone.write_row
    for person in people:
        total += 1
        write_everyone(total, 0, whole_row(person))
        registrations = person.sessions
        for slot in slots:
            if registrations[slot][1]:
                counts[slot] += 1
                if per_session:
                    sheet_rows[slot] += 1
                    per_session[slot].write_row(sheet_rows[slot], 0, session_rows[slot](person))
    everyone.autofilter(0, 0, total, max(len(plan.headings), 1) - 1)
    for slot, sheet in enumerate(per_session):
        sheet.autofilter(0, 0, sheet_rows[slot], len(_session_headings(plan)) - 1)
    write_summary(summary, plan, total, counts, formats, file_name)


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
    """The All registrants table as UTF-8 CSV with a BOM (so Excel reads accents right).

    Written in a private folder beside the target and moved into place when complete
    (see io.workspace); the csv module writes None as an empty cell and numbers as text.
    """
    keys = _keys(plan, len(plan.sessions))
    texts = sum(1 for key in keys if not BY_KEY[key].per_session)  # they come first
    dates_at = [i for i, key in enumerate(keys) if key == "registered_at"]
    make = _row_maker(plan, range(len(plan.sessions)))
    # A literal newline first lets the regex engine skip ahead to each newline (an
    # alternation with ^ made it try every position: three times slower).
    risky_cell = re.compile("\n[" + re.escape("".join(RISKY_STARTS)) + "]").search
    with (
        export_path(target) as (partial, _folder),
        partial.open("w", encoding="utf-8-sig", newline="") as handle,
    ):
        writer = csv.writer(handle)
        writer.writerow([_csv_text(h) for h in plan.headings])
        write = writer.writerow
        for person in people:
            row = make(person)
            # One search over the row's text finds the rare risky cell (faster than a
            # startswith per cell); only then is each cell looked at.
            if risky_cell("\n" + "\n".join(row[:texts])):
                for i in range(texts):
                    if row[i].startswith(RISKY_STARTS):
                        row[i] = "'" + row[i]
            for i in dates_at:
                if row[i] is not None:
                    row[i] = row[i].isoformat(" ", "minutes")
            write(row)
