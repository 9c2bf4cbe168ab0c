"""The main window: three tabs reading from the database, the demo offer, the filter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.services import registrants, stats
from ui.tabs.attendees_tab import AttendeesTab
from ui.tabs.sessions_tab import SessionsTab
from ui.tabs.speakers_tab import SpeakersTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def test_three_tabs_show_the_demo_series(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    assert [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())] == [
        "Sessions",
        "Speakers",
        "Attendees",
    ]
    assert window.series.picker.currentText() == "Procurement with a Purpose"
    assert window.tab(SessionsTab).model.rowCount() == 4
    assert (
        window.tab(SessionsTab).model.index(1, 0).data() == "Wed 18 Aug 2021\n10:00 PT / 13:00 ET"
    )
    assert window.tab(SpeakersTab).model.rowCount() == 13
    assert window.tab(AttendeesTab).model.rowCount() == stats.stats(demo_app.uow()).registrants
    # The registrant count once, the series' (the database holds no one else).
    assert window.status.counts_label.text() == "4 sessions · 13 speakers · 320 registrants"
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
        window.tab(SessionsTab).model,
        window.tab(SessionsTab).roster.model,
        window.tab(SpeakersTab).model,
        window.tab(AttendeesTab).model,
    ):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_selecting_a_session_shows_its_speakers(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    window.tab(SessionsTab).view.selectRow(3)
    roster = window.tab(SessionsTab).roster.model
    names = [roster.index(r, 1).data() for r in range(roster.rowCount())]
    assert names == [
        "Mandu Sen",
        "Bruce D. Collins",
        "Aimee Olivas",
        "Beth Blauer",
        "Sascha Haselmayer",
    ]
    assert "Building Your «Yes» Team" in window.tab(SessionsTab).roster.title.text()


def test_filter_narrows_attendees_as_you_type(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    tab = window.tab(AttendeesTab)
    everyone = tab.model.rowCount()
    assert everyone == stats.stats(demo_app.uow()).registrants
    with qtbot.waitSignal(tab.shown_changed):
        qtbot.keyClicks(tab.filter_edit, "Nigeria")
    series_id = window.series.current_id()
    assert series_id is not None
    expected = registrants.count_registrants(demo_app.uow(), series_id, "Nigeria")
    assert 0 < tab.model.rowCount() == expected < everyone
    assert tab.count_label.text() == f"{expected} of {everyone} registrants"
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
    assert not window.menus.new_series.isEnabled()  # nothing to act on yet
    window.show()
    qtbot.waitUntil(lambda: isinstance(window.tabs.widget(0), SessionsTab))
    assert window.tab(SessionsTab).model.rowCount() == 4
    assert window.menus.new_series.isEnabled()


def test_a_database_that_cannot_open_is_reported(tmp_path: Path, qtbot: QtBot) -> None:
    from ui.app import make_qt_app

    make_qt_app()
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("not a database\n" * 50)
    window = MainWindow(db=str(bogus))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.error_box is not None and window.error_box.isVisible())
    assert window.error_box is not None and "notes.sqlite" in window.error_box.text()
    assert bogus.read_text().startswith("not a database")
