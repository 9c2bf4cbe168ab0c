"""Run-of-show sheets: defaults for the demo, saved segments, templates, HTML, XLSX, PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.bootstrap import App
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.domain.records import AppearanceData, SpeakerData
from desktop_app.domain.run_of_show import Segment
from desktop_app.reports.run_of_show_html import render
from desktop_app.services import run_of_show, sessions, speakers
from tests.integration.test_cli import run


@pytest.mark.parametrize("index", [0, 1, 2, 3])
def test_default_run_of_show_of_each_demo_session(demo_app: App, index: int) -> None:
    session = sessions.list_sessions(demo_app.uow())[index]
    sheet = run_of_show.load_sheet(demo_app.uow(), session.id)
    assert sheet.is_default and sheet.schedule.difference == 0
    titles = [s.title for s in sheet.segments]
    panelists = [
        p.speaker_name
        for p in speakers.list_appearances(demo_app.uow(), session_id=session.id)
        if p.role == "panelist"
    ]
    assert [f"Introduce {name}" for name in panelists] == [
        t for t in titles if t.startswith("Introduce ")
    ]
    assert ("After Hours" in titles) == (session.after_hours_minutes is not None)
    if index < 3:
        following = sessions.list_sessions(demo_app.uow())[index + 1].start_label
        assert following in sheet.segments[titles.index("Closing and next session")].notes
    first_main = next(t for t in sheet.schedule.segments if not t.segment.before_start)
    assert first_main.start == session.starts_at


def test_saved_segments_and_templates(demo_app: App) -> None:
    script = [
        Segment("Tech check", 15, "Producer", before_start=True),
        Segment("Talk", 45, "Host"),
        Segment("Q&A", 20, "Moderator"),
    ]
    assert run_of_show.save_segments(demo_app.uow(), 1, script, 1) == 2
    sheet = run_of_show.load_sheet(demo_app.uow(), 1)
    assert not sheet.is_default and list(sheet.segments) == script
    assert sheet.schedule.verdict() == "Runs 5 minutes over"
    run_of_show.save_template(demo_app.uow(), "Short talk", script)
    assert run_of_show.list_templates(demo_app.uow()) == ["Short talk"]
    run_of_show.apply_template(demo_app.uow(), "Short talk", 3, None)
    assert run_of_show.load_segments(demo_app.uow(), 3) == script
    with pytest.raises(NotFound):
        run_of_show.apply_template(demo_app.uow(), "Nothing", 3, None)
    with pytest.raises(ValidationError):
        run_of_show.save_segments(demo_app.uow(), 1, [Segment("", 5)], 2)


def test_text_from_the_database_is_escaped(demo_app: App) -> None:
    ann = speakers.create_speaker(
        demo_app.uow(), SpeakerData("<b>Ann & Co</b>", organisation='"Quotes" & <i>tags</i>')
    )
    speakers.add_to_session(demo_app.uow(), 1, ann, AppearanceData())
    html = render(run_of_show.load_sheet(demo_app.uow(), 1))
    assert "&lt;b&gt;Ann &amp; Co&lt;/b&gt;" in html and "<b>Ann" not in html
    assert "&lt;i&gt;tags&lt;/i&gt;" in html


def test_xlsx_holds_every_segment_with_both_zones(demo_app: App, tmp_path: Path) -> None:
    from desktop_app.io.run_of_show_xlsx import write_xlsx

    sheet = run_of_show.load_sheet(demo_app.uow(), 2)
    target = tmp_path / "ros.xlsx"
    write_xlsx(sheet, target)
    rows = list(load_workbook(target)["Run of show"].iter_rows(values_only=True))
    assert rows[5][:4] == ("Start PT", "Start ET", "End PT", "End ET")
    titles = [r[5] for r in rows[6:]]
    assert titles == [s.title for s in sheet.segments]
    welcome = rows[6 + titles.index("Welcome and housekeeping")]
    assert welcome[:2] == ("10:00", "13:00")


@pytest.mark.parametrize("options", [[], ["--page", "Letter", "--landscape"]])
def test_pdf_holds_every_speaker_segment_and_both_zones(
    demo_app: App, tmp_path: Path, options: list[str]
) -> None:
    demo_app.close()
    assert demo_app.path is not None
    session = sessions.list_sessions(demo_app.uow())[3]
    target = tmp_path / "ros.pdf"
    result = run("run-of-show", str(session.id), str(target), *options, db=demo_app.path)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    sheet = run_of_show.load_sheet(demo_app.uow(), session.id)
    for line in sheet.roster:
        assert all(word in flat for word in line.part.speaker_name.split())
    for segment in sheet.segments:
        assert segment.title.split()[0] in flat
    assert "10:00" in flat and "13:00" in flat and "PT" in flat and "ET" in flat
    assert "Printed" in flat


def test_cli_refuses_other_formats_plainly(demo_app: App, tmp_path: Path) -> None:
    demo_app.close()
    assert demo_app.path is not None
    result = run("run-of-show", "1", str(tmp_path / "x.docx"), db=demo_app.path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    result = run("run-of-show", "99", str(tmp_path / "x.html"), db=demo_app.path)
    assert result.returncode == 1 and "no session with id 99" in result.stderr
