"""The main window: three tabs reading from the database, the demo offer, the filter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.services import registrants, stats
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def test_three_tabs_show_the_demo_series(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    assert [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())] == [
        "Sessions",
        "Speakers",
        "Attendees",
    ]
    assert window.series_picker.currentText() == "Procurement with a Purpose"
    assert window.sessions_tab.model.rowCount() == 4
    assert window.sessions_tab.model.index(1, 0).data() == "Wed 18 Aug 2021 · 10:00 PT / 13:00 ET"
    assert window.speakers_tab.model.rowCount() == 13
    assert window.attendees_tab.model.rowCount() == stats.stats(demo_app.uow()).registrants
    assert "4 sessions · 13 speakers" in window.counts_label.text()
    assert window.windowTitle() == f"Webinar Desk — {demo_app.name}"
    if demo_app.path is not None:
        assert demo_app.name == "test.sqlite"
    else:
        assert demo_app.name.startswith("the database test_")


def test_every_model_passes_the_model_tester(
    demo_app: App, make_window: Build, qtmodeltester: ModelTester
) -> None:
    window = make_window(demo_app)
    for model in (
        window.sessions_tab.model,
        window.sessions_tab.roster.model,
        window.speakers_tab.model,
        window.attendees_tab.model,
    ):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_selecting_a_session_shows_its_speakers(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    window.sessions_tab.view.selectRow(3)
    roster = window.sessions_tab.roster.model
    names = [roster.index(r, 1).data() for r in range(roster.rowCount())]
    assert names == [
        "Mandu Sen",
        "Bruce D. Collins",
        "Aimee Olivas",
        "Beth Blauer",
        "Sascha Haselmayer",
    ]
    assert "Building Your «Yes» Team" in window.sessions_tab.roster.title.text()


def test_a_new_database_offers_the_demo(app: App, make_window: Build, qtbot: QtBot) -> None:
    window = make_window(app)
    assert window.pages.currentIndex() == 0
    qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    assert window.busy.isVisibleTo(window) and not window.demo_button.isEnabled()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 1, timeout=20_000)
    assert window.pages.currentIndex() == 1 and not window.busy.isVisibleTo(window)
    assert stats.stats(app.uow()).sessions == 4
    assert window.sessions_tab.model.rowCount() == 4


def test_filter_narrows_attendees_as_you_type(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    tab = window.attendees_tab
    everyone = tab.model.rowCount()
    assert everyone == stats.stats(demo_app.uow()).registrants
    with qtbot.waitSignal(tab.shown_changed):
        qtbot.keyClicks(tab.filter_edit, "Nigeria")
    series_id = window.current_series_id()
    assert series_id is not None
    expected = registrants.count_registrants(demo_app.uow(), series_id, "Nigeria")
    assert 0 < tab.model.rowCount() == expected < everyone
    assert tab.count_label.text() == f"{expected} registrants"
    with qtbot.waitSignal(tab.shown_changed):
        tab.filter_edit.clear()
    assert tab.model.rowCount() == everyone


def test_window_state_is_remembered(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    window.tabs.setCurrentIndex(2)
    window.close()
    assert int(QSettings().value("mainWindow/tab")) == 2
    again = make_window(demo_app)
    assert again.tabs.currentIndex() == 2


def test_the_window_paints_first_then_opens_the_database(demo_app: App, qtbot: QtBot) -> None:
    from ui.app import make_qt_app
    from ui.tabs.sessions_tab import SessionsTab

    make_qt_app()
    window = MainWindow(db=demo_app.url)
    qtbot.addWidget(window)
    assert not window.new_series_action.isEnabled()  # nothing to act on yet
    window.show()
    qtbot.waitUntil(lambda: isinstance(window.tabs.widget(0), SessionsTab))
    assert window.sessions_tab.model.rowCount() == 4
    assert window.new_series_action.isEnabled()


def test_a_database_that_cannot_open_is_reported(tmp_path: Path, qtbot: QtBot) -> None:
    from ui.app import make_qt_app

    make_qt_app()
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("not a database\n" * 50)
    window = MainWindow(db=str(bogus))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: hasattr(window, "error_box") and window.error_box.isVisible())
    assert "notes.sqlite" in window.error_box.text()
    assert bogus.read_text().startswith("not a database")


def test_back_up_writes_a_copy(demo_app: App, make_window: Build, tmp_path: Path) -> None:
    window = make_window(demo_app)
    target = tmp_path / ("backup.sqlite" if demo_app.path else "backup.dump")
    window.back_up_to(target)
    assert target.stat().st_size > 0
    assert "Backed up to" in window.statusBar().currentMessage()
    window.back_up_to(tmp_path / "no-such-folder" / "b.sqlite")
    assert "does not exist" in window.error_box.text()


def test_every_menu_action_is_reachable_by_keyboard(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    shortcuts = {a.shortcut().toString() for a in window.findChildren(QAction)}
    assert {"Ctrl+N", "Ctrl+F", "Ctrl+Z", "Ctrl+O", "Del", "Ctrl+1"} <= shortcuts
    assert "Ctrl+Shift+Z" in {s.toString() for s in window.redo_action.shortcuts()}
    for menu in window.menuBar().actions():
        assert "&" in menu.text()  # every menu has an Alt mnemonic


def test_new_series_dialog_validates_then_saves(app: App, make_window: Build) -> None:
    window = make_window(app)
    window.new_series()
    dialog = window.series_dialog
    dialog.title_edit.setText("Open Data Tuesdays")
    dialog.home_combo.setCurrentText("Europe/Atlantis")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert "is not a time zone" in dialog.problems.text_of("home_zone")
    assert dialog.isVisible() and stats.stats(app.uow()).series == 0
    dialog.home_combo.setCurrentText("Europe/Berlin")
    dialog.display_edit.setText("America/New_York, Asia/Kolkata")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert window.series_picker.currentText() == "Open Data Tuesdays"
    assert window.pages.currentIndex() == 1
    window.undo_action.trigger()
    assert stats.stats(app.uow()).series == 0 and window.pages.currentIndex() == 0


def test_delete_series_says_what_goes_and_undoes(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    before = stats.stats(demo_app.uow())
    window.delete_series()
    assert "4 sessions go with it" in window.delete_box.informativeText()
    window.delete_box.button(QMessageBox.StandardButton.Yes).click()
    assert stats.stats(demo_app.uow()).sessions == 0
    assert window.pages.currentIndex() == 0
    window.undo_action.trigger()
    assert stats.stats(demo_app.uow()) == before
    assert window.series_picker.currentText() == "Procurement with a Purpose"
