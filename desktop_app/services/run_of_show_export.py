"""Writes a session's run-of-show sheet as PDF, HTML or XLSX, whoever asks for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop_app.domain.errors import UserError
from desktop_app.domain.run_of_show import Segment
from desktop_app.domain.run_of_show_sheet import RunOfShowSheet
from desktop_app.io.atomic import atomic_path, check_size
from desktop_app.io.run_of_show_xlsx import write_xlsx
from desktop_app.reports.run_of_show_html import render
from desktop_app.services.preferences import load_preferences
from desktop_app.services.run_of_show import load_sheet
from desktop_app.services.uow import UnitOfWork

# Lays HTML out on pages as a PDF: (html, target, page size, landscape). Qt does this, so
# the caller (the window, or the launcher for the command line) hands it in.
PdfRenderer = Callable[[str, Path, str, bool], None]
SUFFIXES = {".pdf": "PDF", ".html": "web page", ".xlsx": "Excel workbook"}


def export_run_of_show(
    uow: UnitOfWork,
    session_id: int,
    target: Path,
    page: str | None = None,
    landscape: bool = False,
    pdf_renderer: PdfRenderer | None = None,
    segments: list[Segment] | None = None,
) -> RunOfShowSheet:
    """Write a session's run of show to target (by its suffix); segments, when given, are
    shown instead of the saved ones (the editor's unsaved edits). Returns what was written.

    page: A4 or Letter, by default the paper size in Preferences.
    """
    check_target(target)
    prefs = load_preferences()
    page = page or prefs.paper_size
    sheet = load_sheet(uow, session_id, prefs)
    if segments is not None:
        sheet = sheet.with_segments(segments, edited=True)
    write_sheet(sheet, target, page, landscape, pdf_renderer)
    return sheet


def check_target(target: Path) -> None:
    """Refuse a file name this app cannot write a run of show to, before any work."""
    if target.suffix.lower() not in SUFFIXES:
        raise UserError(
            f"{target.name}: a run of show is written as .pdf, .html or .xlsx; "
            "choose a name ending in one of them"
        )
    if not target.parent.is_dir():
        raise UserError(f"the folder {target.parent} does not exist; choose another place")


def write_sheet(
    sheet: RunOfShowSheet,
    target: Path,
    page: str = "A4",
    landscape: bool = False,
    pdf_renderer: PdfRenderer | None = None,
) -> None:
    """Write a sheet already built (see export_run_of_show) to target, atomically."""
    check_target(target)
    suffix = target.suffix.lower()
    try:
        if suffix == ".xlsx":
            write_xlsx(sheet, target, page)
        elif suffix == ".html":
            html = render(sheet, paged=False).encode("utf-8")  # no page footer: time at the end
            with atomic_path(target, verify=check_size(len(html))) as temporary:
                temporary.write_bytes(html)
        else:
            if pdf_renderer is None:
                raise UserError("PDF needs the desktop app's components; write .html instead")
            pdf_renderer(render(sheet), target, page, landscape)
    except OSError as error:
        raise UserError(f"cannot write {target}: {error.strerror or error}") from None
