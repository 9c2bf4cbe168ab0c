"""Run-of-show sheets: defaults for the demo, saved segments, templates, HTML, XLSX, PDF."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.bootstrap import App
from desktop_app.domain.enums import SpeakerRole
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.domain.preferences import Preferences
from desktop_app.domain.records import AppearanceData, SeriesData, SessionData, SpeakerData
from desktop_app.domain.run_of_show import Segment
from desktop_app.reports.run_of_show_html import render
from desktop_app.services import run_of_show, series, sessions, speakers
from desktop_app.services.preferences import CONFIG_ENV, save_preferences
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
    ws = load_workbook(target)["Run of show"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[5][:4] == ("Start PT", "Start ET", "End PT", "End ET")
    titles = [r[5] for r in rows[6:]]
    assert titles == [s.title for s in sheet.segments]
    at = 7 + titles.index("Welcome and housekeeping")
    # Real times (date and time), shown as hours and minutes.
    assert (ws.cell(at, 1).value, ws.cell(at, 2).value) == (
        datetime(2021, 8, 18, 10, 0),
        datetime(2021, 8, 18, 13, 0),
    )
    assert ws.cell(at, 1).number_format == "hh:mm"
    # Printed: landscape, one page wide, the heading row on every page, a footer.
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$6:$6"
    assert "&F" in ws.oddFooter.left.text and "&P" in ws.oddFooter.right.text
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4


@pytest.mark.parametrize("options", [[], ["--page", "Letter", "--landscape"]])
def test_pdf_holds_every_speaker_segment_and_both_zones(
    demo_app: App, tmp_path: Path, options: list[str]
) -> None:
    demo_app.close()
    session = sessions.list_sessions(demo_app.uow())[3]
    target = tmp_path / "ros.pdf"
    result = run("run-of-show", str(session.id), str(target), *options, db=demo_app.url)
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
    assert flat.count("Printed") == text.count("\f")  # once a page, in the footer


def test_cli_refuses_other_formats_plainly(demo_app: App, tmp_path: Path) -> None:
    demo_app.close()
    result = run("run-of-show", "1", str(tmp_path / "x.docx"), db=demo_app.url)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    result = run("run-of-show", "99", str(tmp_path / "x.html"), db=demo_app.url)
    assert result.returncode == 1 and "no session with id 99" in result.stderr


def night_owls(app: App, config: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """A London series whose session is Saturday evening in the Americas; its id."""
    monkeypatch.setenv(CONFIG_ENV, str(config))
    save_preferences(
        Preferences(staff_name="Lee Okafor", staff_email="lee@ngo.example", paper_size="Letter"),
    )
    series_id = series.create_series(
        app.uow(),
        SeriesData(
            "Night Owls",
            home_zone="Europe/London",
            display_zones=("America/New_York", "Asia/Tokyo"),
        ),
    )
    session_id = sessions.create_session(
        app.uow(),
        series_id,
        SessionData(
            "Data after dark",
            datetime(2026, 3, 29, 2, 30),  # a wall time in London, the night clocks change
            platform="Zoom",
            join_url="us02web.zoom.us/j/85012345678?pwd=aBcD1234",
        ),
    )
    host = speakers.create_speaker(
        app.uow(), SpeakerData("Ana Pérez", email="ana@ngo.example", phone="+44 20 7946 0000")
    )
    speakers.add_to_session(app.uow(), session_id, host, AppearanceData(SpeakerRole.HOST))
    return session_id


def test_the_sheet_names_people_and_their_contact(
    app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.domain.run_of_show_sheet import who

    session_id = night_owls(app, tmp_path / "cfg", monkeypatch)
    sheet = run_of_show.load_sheet(app.uow(), session_id)
    assert (sheet.producer, sheet.producer_email) == ("Lee Okafor", "lee@ngo.example")
    welcome = next(s for s in sheet.segments if s.title.startswith("Welcome"))
    assert who(welcome.owner, sheet).names == "Ana Pérez"
    assert who("Host", sheet).names == "Ana Pérez" and who("host", sheet).role == "Host"
    assert who("Producer", sheet).names == "Lee Okafor"
    moderator = who("Moderator", sheet)
    assert moderator.unassigned and moderator.role == "Moderator"
    assert who("Ana Pérez", sheet).role == "Host"
    assert who("The caterers", sheet).names == "The caterers"
    html = render(sheet)
    assert "Ana Pérez" in html and "+44 20 7946 0000" in html and "ana@ngo.example" in html
    assert "850 1234 5678" in html and "in the link" in html
    assert "https://us02web.zoom.us/j/85012345678?pwd=aBcD1234" in html
    assert "Printed" not in html  # the page footer carries it once
    assert render(sheet, paged=False).count("Printed") == 1
    assert " | " not in html


def test_the_pdf_is_a_producers_sheet(
    app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = night_owls(app, tmp_path / "cfg", monkeypatch)
    app.close()
    target = tmp_path / "owls.pdf"
    result = run("run-of-show", str(session_id), str(target), db=app.url)
    assert result.returncode == 0, result.stderr
    info = subprocess.run(
        ["pdfinfo", str(target)], capture_output=True, text=True, check=True
    ).stdout
    assert "612 x 792 pts (letter)" in info  # the paper from Preferences
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "NIGHT OWLS · RUN OF SHOW" in flat and "Data after dark" in flat
    assert "02:30 BST / Sat 21:30 ET / 10:30 JST" in flat
    assert "ET (Sat)" in flat  # the column of a zone on another day says which
    assert "Webinar ID 850 1234 5678" in flat and "Lee Okafor" in flat
    assert "Ana Pérez" in flat and "+44 20 7946 0000" in flat
    assert flat.count("Printed") == text.count("\f")
    sheet = run_of_show.load_sheet(app.uow(), session_id)
    boxes = len(sheet.segments) + len(sheet.roster) + 1  # and the producer
    assert flat.count("\u2610") == boxes


def test_xlsx_of_a_zone_on_another_day(
    app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.io.run_of_show_xlsx import write_xlsx

    session_id = night_owls(app, tmp_path / "cfg", monkeypatch)
    target = tmp_path / "owls.xlsx"
    write_xlsx(run_of_show.load_sheet(app.uow(), session_id), target, "Letter")
    ws = load_workbook(target)["Run of show"]
    assert [ws.cell(6, c).value for c in (1, 2, 3)] == ["Start BST", "Start ET (Sat)", "Start JST"]
    assert ws.cell(3, 1).value == "Sun 29 Mar 2026 · 02:30 BST / Sat 21:30 ET / 10:30 JST"
    first = ws.cell(7, 2)
    assert first.value == datetime(2026, 3, 28, 21, 0) and first.number_format == "hh:mm"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_LETTER
