"""Use cases the window and the command line share: one service function each."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.bootstrap import App
from desktop_app.domain.errors import NotFound, UserError
from desktop_app.domain.records import SeriesData
from desktop_app.domain.run_of_show import Segment
from desktop_app.services import imports, run_of_show, series, sessions, stats
from desktop_app.services.run_of_show_export import export_run_of_show
from tests.integration.test_imports import REAL_ZOOM, dump, session_id

# Import: preview, then import exactly what was previewed ------------------------------------


def test_preview_writes_nothing_and_says_what_the_import_would_do(demo_app: App) -> None:
    before = dump(demo_app)
    preview = imports.preview_import(demo_app.uow(), REAL_ZOOM, session_id(demo_app))
    assert dump(demo_app) == before
    assert preview.report.dry_run and preview.report.registrations == 459
    assert not preview.mapping_editable  # Zoom's report layout fixes its columns
    assert preview.first_rows and "@" in "".join(preview.first_rows[0])
    assert len(preview.first_rows) == 20


def test_importing_the_preview_imports_what_it_showed(demo_app: App) -> None:
    preview = imports.preview_import(demo_app.uow(), REAL_ZOOM, session_id(demo_app))
    report = imports.import_previewed(demo_app.uow(), preview)
    assert not report.dry_run and report.batch_id is not None
    assert (report.registrations, report.attended, report.minutes) == (
        preview.report.registrations,
        preview.report.attended,
        preview.report.minutes,
    )


def test_a_file_changed_since_the_preview_is_refused(demo_app: App, tmp_path: Path) -> None:
    path = tmp_path / "partner.csv"
    path.write_text("Email,First name\nann@example.org,Ann\n", encoding="utf-8")
    preview = imports.preview_import(demo_app.uow(), path, session_id(demo_app))
    assert preview.mapping_editable and preview.report.registrations == 1
    path.write_text("Email,First name\nbob@example.org,Bob\n", encoding="utf-8")
    before = dump(demo_app)
    with pytest.raises(UserError, match=r"partner\.csv changed since the preview"):
        imports.import_previewed(demo_app.uow(), preview)
    assert dump(demo_app) == before


def test_a_file_gone_since_the_preview_is_refused_plainly(demo_app: App, tmp_path: Path) -> None:
    path = tmp_path / "gone.csv"
    path.write_text("Email\nann@example.org\n", encoding="utf-8")
    preview = imports.preview_import(demo_app.uow(), path, session_id(demo_app))
    path.unlink()
    with pytest.raises(UserError, match=r"gone\.csv does not exist; check the file's name"):
        imports.import_previewed(demo_app.uow(), preview)


# Run of show: one export for every caller ---------------------------------------------------


@pytest.mark.parametrize("suffix", [".html", ".xlsx"])
def test_run_of_show_export_writes_each_kind(demo_app: App, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"sheet{suffix}"
    sheet = export_run_of_show(demo_app.uow(), session_id(demo_app), target)
    assert target.is_file() and sheet.is_default
    if suffix == ".html":
        assert sheet.session.title in target.read_text(encoding="utf-8")
    else:
        cells = [c for row in load_workbook(target).active.iter_rows(values_only=True) for c in row]
        assert sheet.segments[0].title in cells


def test_run_of_show_export_shows_unsaved_segments(demo_app: App, tmp_path: Path) -> None:
    target = tmp_path / "edited.html"
    segments = [Segment("Welcome from the lighthouse", 5), Segment("Farewell", 55)]
    sheet = export_run_of_show(demo_app.uow(), session_id(demo_app), target, segments=segments)
    assert not sheet.is_default
    assert "Welcome from the lighthouse" in target.read_text(encoding="utf-8")
    # Nothing was saved: the stored script is still the default one.
    assert run_of_show.load_segments(demo_app.uow(), session_id(demo_app)) == []


def test_run_of_show_export_refuses_what_it_cannot_write(demo_app: App, tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"sheet\.docx: a run of show is written as"):
        export_run_of_show(demo_app.uow(), session_id(demo_app), tmp_path / "sheet.docx")
    with pytest.raises(UserError, match="does not exist"):
        export_run_of_show(demo_app.uow(), session_id(demo_app), tmp_path / "no" / "s.html")
    with pytest.raises(UserError, match="PDF needs the desktop app"):
        export_run_of_show(demo_app.uow(), session_id(demo_app), tmp_path / "s.pdf")
    left = [p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".docx", ".part")]
    assert left == []


def test_run_of_show_export_hands_the_pdf_to_the_renderer(demo_app: App, tmp_path: Path) -> None:
    calls: list[tuple[str, Path, str, bool]] = []

    def renderer(html: str, target: Path, page: str, landscape: bool) -> None:
        calls.append((html, target, page, landscape))

    target = tmp_path / "sheet.pdf"
    export_run_of_show(demo_app.uow(), session_id(demo_app), target, "Letter", True, renderer)
    assert len(calls) == 1
    html, where, page, landscape = calls[0]
    assert where == target and page == "Letter" and landscape
    assert sessions.list_sessions(demo_app.uow())[1].title in html


# The series a command means ------------------------------------------------------------------


def test_default_series_is_the_only_one_or_must_be_named(app: App) -> None:
    with pytest.raises(UserError, match="holds no series; say which with --series"):
        series.default_series_id(app.uow())
    first = series.create_series(app.uow(), SeriesData(title="First"))
    assert series.default_series_id(app.uow()) == first
    second = series.create_series(app.uow(), SeriesData(title="Second"))
    with pytest.raises(UserError, match="holds 2 series"):
        series.default_series_id(app.uow())
    assert series.default_series_id(app.uow(), second) == second
    with pytest.raises(NotFound):
        series.default_series_id(app.uow(), second + 100)
    assert stats.stats(app.uow()).series == 2


def test_the_command_line_parses_without_loading_the_database_layer() -> None:
    # `webinar-desk` with no command opens the window: SQLAlchemy must load after it paints.
    code = (
        "import sys; from desktop_app import cli; cli.build_parser().parse_args([]); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'openpyxl'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
