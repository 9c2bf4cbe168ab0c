"""File › Calendar file…: a session, the whole series or a speaker's holds, written to a
file the user picks and read back with two iCalendar parsers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.services import speakers
from tests.integration.ics_checks import check_ics
from tests.ui.conftest import OpenedFolders
from ui.dialogs.calendar_dialog import CalendarDialog
from ui.tabs.sessions_tab import SessionsTab
from ui.tabs.speakers_tab import SpeakersTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def from_menu(window: MainWindow) -> CalendarDialog:
    window.menus.calendar.trigger()
    current = window.current_tab()
    dialog = getattr(current, "calendar_dialog", None) or window.tab(SessionsTab).calendar_dialog
    assert isinstance(dialog, CalendarDialog) and dialog.isVisible()
    return dialog


def summaries(path: Path) -> list[str]:
    calendar = check_ics(path.read_bytes())
    return [str(event["summary"]) for event in calendar.walk("VEVENT")]


def test_the_selected_session_then_the_whole_series(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    window.tab(SessionsTab).select_session(2)
    dialog = from_menu(window)
    assert dialog.session_radio.isChecked()
    assert dialog.session_combo.currentData() == 2
    assert dialog.file_name() == "Procurement for the People.ics"
    target = tmp_path / "one.ics"
    with qtbot.waitSignal(dialog.saved):
        dialog.save_to(target)
    assert summaries(target) == ["Procurement for the People"]
    assert f"Wrote 1 event of the session “Procurement for the People” to {target}" in (
        dialog.result_label.text()
    )
    assert dialog.open_folder_button.isVisible()
    qtbot.mouseClick(dialog.series_radio, Qt.MouseButton.LeftButton)
    assert not dialog.session_combo.isEnabled()
    assert "(4 events)" in dialog.what_label.text()
    assert dialog.file_name() == "Procurement with a Purpose.ics"
    whole = tmp_path / "series.ics"
    dialog.save_to(whole)
    assert len(summaries(whole)) == 4


def test_a_speakers_holds_from_the_speakers_tab(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    window.show_tab_at(1)
    host = next(s for s in speakers.list_speakers(demo_app.uow(), 1) if "Haselmayer" in s.name)
    window.tab(SpeakersTab).select_speaker(host.id)
    dialog = from_menu(window)
    assert dialog.speaker_radio.isChecked() and dialog.speaker_combo.currentData() == host.id
    target = tmp_path / "host.ics"
    dialog.save_to(target)
    held = summaries(target)
    # The tech check, the session and the After Hours they host, for each of their sessions.
    assert held[:3] == [
        "Tech check: Procurement for the People",
        "Procurement for the People",
        "After Hours: Procurement for the People",
    ]
    assert "the After Hours when they host it" in dialog.what_label.text()


def test_a_file_that_cannot_be_written_is_said_in_one_line(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    dialog = from_menu(window)
    dialog.save_to(tmp_path / "no such folder" / "x.ics")
    assert "does not exist; choose another place" in dialog.result_label.text()
    assert not dialog.open_folder_button.isVisible()
    assert not (tmp_path / "no such folder").exists()


def test_save_asks_for_the_file_and_open_folder_shows_it(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path, opened_folders: OpenedFolders
) -> None:
    window = make_window(demo_app)
    dialog = from_menu(window)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    chooser = dialog.file_dialog
    assert chooser is not None and chooser.isVisible()
    chooser.setDirectory(str(tmp_path))
    chooser.selectFile(str(tmp_path / "kickoff"))  # the .ics is added
    with qtbot.waitSignal(dialog.saved):
        chooser.accept()
    assert summaries(tmp_path / "kickoff.ics") == ["No More Status Quo Contracting"]
    qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened_folders.paths == [str(tmp_path)]
    assert window.statusBar().currentMessage() == f"Calendar saved to {tmp_path / 'kickoff.ics'}."
