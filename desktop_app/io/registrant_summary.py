"""The Summary sheet of a registrant export, the cell formats and the page set-up that
every sheet of it shares."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop_app.domain.export_plan import ExportPlan
from desktop_app.domain.wording import plural

DATE_FORMAT = "yyyy-mm-dd hh:mm"


class Formats:
    """The workbook's few cell formats, made once."""

    def __init__(self, workbook: Any) -> None:
        self.bold = workbook.add_format({"bold": True})
        self.date = workbook.add_format({"num_format": DATE_FORMAT})
        self.percent = workbook.add_format({"num_format": "0.0%"})
        self.wrapped = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.label = workbook.add_format({"valign": "top"})


def print_setup(sheet: Any, file_name: str, header_row: bool) -> None:
    """Landscape, all columns on one page wide, the heading row on every page, and a
    footer with the file name and page number (Excel and LibreOffice both read these)."""
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    if header_row:
        sheet.repeat_rows(0)
    # & starts a code in a footer, so a file name's own & is doubled.
    sheet.set_footer(f"&L{file_name.replace('&', '&&')}&RPage &P of &N")


SUMMARY_WIDTHS = (34, 26, 12, 12, 16, 38)


def write_summary(
    sheet: Any,
    plan: ExportPlan,
    total: int,
    counts: list[int],
    formats: Formats,
    file_name: str,
) -> None:
    """The Summary sheet: series, sessions with counts, who exported what and how."""
    profile = plan.profile
    for column, width in enumerate(SUMMARY_WIDTHS):
        sheet.set_column(column, column, width)
    print_setup(sheet, file_name, header_row=False)
    exported = plan.exported_at.astimezone().replace(tzinfo=None)
    sheet.write_row(0, 0, ["Registrant export", plan.series_title], formats.bold)
    top = 1
    if plan.internal:
        warning = "For the team only, not for partners: it may list people who said no."
        sheet.write_row(1, 0, ["INTERNAL", warning], formats.bold)
        top = 2
    rows: list[tuple[str, Any]] = [
        ("Exported at (this computer's time)", exported),
        ("Exported by", plan.exported_by),
        ("Profile", profile.name),
        ("People exported", total),
        (
            "People included",
            {
                "registered": "registered for a chosen session",
                "attended": "attended a chosen session",
                "everyone": "every registrant of the series",
            }[profile.people],
        ),
        (
            "Consent",
            (
                "only people who agreed to share"
                + (" or did not answer" if profile.include_unknown_consent else "")
            )
            if profile.require_consent
            else "not required (internal use)",
        ),
        ("Only organisations", ", ".join(profile.organisations) or "(any)"),
        ("Only email domains", ", ".join(profile.email_domains) or "(any)"),
        ("Columns", ", ".join(plan.headings)),
    ]
    if plan.registrant_ids is not None:
        chosen = plural(len(plan.registrant_ids), "person", "people")
        rows.insert(5, ("Chosen by hand", f"{chosen} selected in Webinar Desk, if the rules allow"))
    # Long values run over columns B to F, wrapped; the row is made tall enough for them.
    span = sum(SUMMARY_WIDTHS[1:])
    for number, (name, value) in enumerate(rows, start=top):
        sheet.write_string(number, 0, name, formats.label)
        if isinstance(value, datetime):
            sheet.write_datetime(number, 1, value, formats.date)
        elif isinstance(value, str) and len(value) > SUMMARY_WIDTHS[1]:
            sheet.merge_range(number, 1, number, len(SUMMARY_WIDTHS) - 1, value, formats.wrapped)
            lines = -(-len(value) // span)  # ceiling
            if lines > 1:
                sheet.set_row(number, 15 * lines)
        else:
            sheet.write(number, 1, value)
    header = top + len(rows) + 1
    sheet.write_row(
        header,
        0,
        [
            "Session",
            f"Date and time ({plan.zone_label})",
            "Registered",
            "Attended",
            "Attendance rate",
            "In this file",
        ],
        formats.bold,
    )
    for number, (session, count) in enumerate(zip(plan.sessions, counts, strict=True)):
        row = header + 1 + number
        sheet.write_string(row, 0, session.title)
        sheet.write_datetime(row, 1, session.start_local, formats.date)
        sheet.write_number(row, 2, session.registered)
        sheet.write_number(row, 3, session.attended)
        if session.registered:
            sheet.write_number(row, 4, session.attended / session.registered, formats.percent)
        sheet.write_string(
            row, 5, f"{count:,} of {session.registered:,} registrants are in this file"
        )
