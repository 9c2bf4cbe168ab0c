"""Speakers tab: edit with headshot, validate, create, delete, add to a session; undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.domain.rows import SpeakerRow
from desktop_app.services import sessions, speakers, stats
from ui.tabs.speakers_tab import SpeakersTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def open_tab(app: App, build: Build) -> MainWindow:
    window = build(app)
    window.tabs.setCurrentWidget(window.tab(SpeakersTab))
    return window


def by_name(app: App, name: str) -> SpeakerRow:
    return next(s for s in speakers.list_speakers(app.uow()) if s.name == name)


def test_edit_with_headshot_then_undo(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_tab(demo_app, make_window)
    tab = window.tab(SpeakersTab)
    assert tab.selected().name == "Aimee Olivas"
    image = QImage(40, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    photo = tmp_path / "aimee.png"
    assert image.save(str(photo))
    tab.editor.email_edit.clear()  # the demo gives its speakers made-up addresses
    qtbot.keyClicks(tab.editor.email_edit, "Aimee@ElPaso.example")
    qtbot.keyClicks(tab.editor.pronouns_edit, "she/her")
    tab.editor.use_headshot_file(photo)
    assert not tab.editor.thumbnail.pixmap().isNull()
    tab.editor.apply_button.click()
    saved = by_name(demo_app, "Aimee Olivas")
    assert saved.email == "aimee@elpaso.example" and saved.pronouns == "she/her"
    assert (demo_app.data_dir / saved.headshot_path).read_bytes() == photo.read_bytes()
    window.menus.undo.trigger()
    assert by_name(demo_app, "Aimee Olivas").headshot_path == ""
    assert tab.editor.thumbnail.text() == "No photo"


def test_a_bad_email_is_marked_and_nothing_saved(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = open_tab(demo_app, make_window)
    tab = window.tab(SpeakersTab)
    before = by_name(demo_app, "Aimee Olivas").email
    tab.editor.email_edit.clear()
    qtbot.keyClicks(tab.editor.email_edit, "aimee at el paso")
    tab.editor.apply()
    assert "is not an email address" in tab.editor.problems.text_of("email")
    assert by_name(demo_app, "Aimee Olivas").email == before != ""


def test_new_speaker_is_listed_and_can_join_a_session(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = open_tab(demo_app, make_window)
    tab = window.tab(SpeakersTab)
    tab.new_speaker()
    tab.editor.name_edit.setText("Zoë Producer")
    tab.editor.tracker.touch()
    tab.editor.apply()
    assert tab.selected().name == "Zoë Producer"
    kickoff = sessions.list_sessions(demo_app.uow())[0]
    tab.session_combo.setCurrentIndex(tab.session_combo.findData(kickoff.id))
    tab.role_combo.setCurrentIndex(tab.role_combo.findData("host"))
    tab.add_part_button.click()
    parts = speakers.list_appearances(demo_app.uow(), session_id=kickoff.id)
    assert (parts[-1].speaker_name, parts[-1].role) == ("Zoë Producer", "host")
    assert tab.parts_model.rowCount() == 1
    for _ in range(3):
        window.menus.undo.trigger()
    assert stats.stats(demo_app.uow()).speakers == 13


def test_delete_speaker_says_what_is_lost_and_undoes(demo_app: App, make_window: Build) -> None:
    window = open_tab(demo_app, make_window)
    tab = window.tab(SpeakersTab)
    host = [tab.model.row_at(r) for r in range(tab.model.rowCount())].index(
        by_name(demo_app, "Sascha Haselmayer")
    )
    tab.view.selectRow(host)
    tab.delete_selected()
    assert "3 session parts and 3 After Hours segments lose their host" in (
        tab.delete_box.informativeText()
    )
    tab.delete_box.delete_button.click()
    assert stats.stats(demo_app.uow()).speakers == 12
    assert all(s.after_hours_host_id is None for s in sessions.list_sessions(demo_app.uow()))
    window.menus.undo.trigger()
    assert [s.after_hours_host_name for s in sessions.list_sessions(demo_app.uow())][1:] == [
        "Sascha Haselmayer"
    ] * 3
