"""The session editor's start: skipped wall times refused at the field, repeated ones asked
about with both readings named, and the preview in every zone with its day marks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.domain.records import SeriesData
from desktop_app.services import series, sessions
from ui.editors.session_editor import WALL_CLOCK
from ui.tabs.sessions_tab import SessionsTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def london_window(app: App, make_window: Build, zones: tuple[str, ...] = ()) -> MainWindow:
    """A window on a London series with one session, selected."""
    from desktop_app.domain.enums import SessionKind
    from desktop_app.domain.records import SessionData

    series_id = series.create_series(
        app.uow(), SeriesData("Clocks", home_zone="Europe/London", display_zones=zones)
    )
    sessions.create_session(
        app.uow(),
        series_id,
        SessionData("Night owls", datetime(2026, 3, 1, 10, tzinfo=UTC), 60, SessionKind.OTHER),
    )
    window = make_window(app)
    window.tab(SessionsTab).view.selectRow(0)
    return window


def type_start(window: MainWindow, year: int, month: int, day: int, hour: int, minute: int) -> None:
    editor = window.tab(SessionsTab).editor
    editor.start_edit.setDateTime(
        QDateTime(QDate(year, month, day), QTime(hour, minute), WALL_CLOCK)
    )


def test_a_time_the_clocks_skip_is_refused_at_the_field(
    app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = london_window(app, make_window)
    editor = window.tab(SessionsTab).editor
    type_start(window, 2026, 3, 29, 1, 30)  # London goes from 01:00 to 02:00 that night
    problem = editor.problems.text_of("start")
    assert "01:30 on Sun 29 Mar 2026 does not exist in Europe/London" in problem
    assert "from 01:00 to 02:00" in problem
    assert editor.when_label.text() == ""  # no preview of a time that does not exist
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    assert sessions.list_sessions(app.uow())[0].starts_at.hour == 10  # nothing saved
    assert window.edits.stack.count() == 0 and editor.tracker.dirty
    type_start(window, 2026, 3, 29, 2, 30)
    assert editor.problems.text_of("start") == ""
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    assert sessions.list_sessions(app.uow())[0].starts_at == datetime(
        2026, 3, 29, 1, 30, tzinfo=UTC
    )


def test_a_time_that_happens_twice_asks_which(app: App, make_window: Build, qtbot: QtBot) -> None:
    window = london_window(app, make_window)
    editor = window.tab(SessionsTab).editor
    type_start(window, 2026, 10, 25, 1, 30)  # London's clocks go back from 02:00 BST
    assert editor.twice.isVisibleTo(editor)
    assert editor.twice.first_button.text() == "01:30 BST (first)"
    assert editor.twice.second_button.text() == "01:30 GMT (second)"
    assert "choose which 01:30" in editor.problems.text_of("start").lower()
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    assert window.edits.stack.count() == 0  # refused until chosen
    qtbot.mouseClick(editor.twice.second_button, Qt.MouseButton.LeftButton)
    assert editor.problems.text_of("start") == ""
    assert "01:30–02:30" in editor.when_label.text().replace("\u00a0", " ")
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    saved = sessions.list_sessions(app.uow())[0].starts_at
    assert saved == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 01:30 GMT is 01:30 UTC
    # Loaded again, the stored instant keeps its reading: nothing to ask.
    assert editor.twice.second_button.isChecked() and editor.problems.text_of("start") == ""
    type_start(window, 2026, 10, 25, 1, 45)
    qtbot.mouseClick(editor.twice.first_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    assert sessions.list_sessions(app.uow())[0].starts_at == datetime(
        2026, 10, 25, 0, 45, tzinfo=UTC
    )


def test_the_preview_marks_other_days_and_wraps_four_zones(
    app: App, make_window: Build, qtbot: QtBot
) -> None:
    zones = ("America/Los_Angeles", "Asia/Kolkata", "Australia/Sydney", "Pacific/Auckland")
    window = london_window(app, make_window, zones)
    window.resize(1024, 640)
    tab = window.tab(SessionsTab)
    editor = tab.editor
    type_start(window, 2026, 3, 29, 2, 30)
    preview = editor.when_label.text().replace("\u00a0", " ")
    first, spans = preview.split("\n")
    assert first == "Sun 29 Mar 2026"
    # Los Angeles is still on Saturday evening; Sydney and Auckland are on Sunday already
    # by the home date, so only Los Angeles carries a mark.
    assert "Sat 18:30–19:30 PT" in spans and "02:30–03:30 BST" in spans
    assert "12:30–13:30 AEDT" in spans
    # Every field stays inside the editor's visible width: the preview wraps.
    qtbot.waitUntil(lambda: editor.when_label.height() > editor.fontMetrics().height() * 2)
    assert editor.width() <= tab.form_scroll.viewport().width()


def test_list_start_shows_day_changes_in_other_zones(app: App, make_window: Build) -> None:
    window = london_window(app, make_window, ("America/New_York",))
    type_start(window, 2026, 3, 29, 2, 30)
    window.tab(SessionsTab).editor.apply()
    start = window.tab(SessionsTab).model.index(0, 0).data()
    assert start == "Sun 29 Mar 2026\n02:30 BST / Sat 21:30 ET"
