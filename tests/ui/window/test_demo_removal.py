"""Removing the demo from the window, and the people left in no series: shown, deletable,
and every removal undoable."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.domain.records import SeriesData
from desktop_app.services import series, stats
from ui.tabs.attendees_tab import NO_SERIES, AttendeesTab
from ui.tabs.speakers_tab import SpeakersTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def test_remove_the_demo_from_the_file_menu_and_undo(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    mine = series.create_series(demo_app.uow(), SeriesData("Our own", home_zone="Europe/Paris"))
    window = make_window(demo_app)
    before = stats.stats(demo_app.uow())
    window.series.select(mine)
    assert not window.series.demo_bar.isVisibleTo(window)
    [demo] = [row.id for row in series.list_series(demo_app.uow()) if row.is_demo]
    window.series.select(demo)
    assert window.series.demo_bar.isVisibleTo(window)  # the demo is the series shown
    assert window.menus.remove_demo.isEnabled()
    window.menus.remove_demo.trigger()
    box = window.series.delete_box
    assert box is not None and box.delete_button.text() == "Remove"
    box.delete_button.click()
    after = stats.stats(demo_app.uow())
    assert (after.series, after.sessions, after.speakers, after.registrants) == (1, 0, 0, 0)
    assert window.series.picker.currentText() == "Our own"
    assert not window.series.demo_bar.isVisibleTo(window)
    assert not window.menus.remove_demo.isEnabled()
    assert "Removed the demo: 4 sessions, 13 speakers, 320 registrants." in (
        window.statusBar().currentMessage()
    )
    window.menus.undo.trigger()
    assert stats.stats(demo_app.uow()) == before
    assert window.menus.remove_demo.isEnabled()
    window.series.select(mine)
    assert not window.series.demo_bar.isVisibleTo(window)


def test_the_demo_bar_removes_it_too(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    window.series.bar_remove_button.click()
    assert window.series.delete_box is not None
    window.series.delete_box.delete_button.click()
    assert stats.stats(demo_app.uow()).registrants == 0
    assert window.pages.currentIndex() == 0  # no series left: the demo is offered again


def test_people_in_no_series_are_shown_and_deleted(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    series.create_series(demo_app.uow(), SeriesData("Our own", home_zone="Europe/Paris"))
    window = make_window(demo_app)
    [demo] = [row.id for row in series.list_series(demo_app.uow()) if row.is_demo]
    window.series.select(demo)
    window.series.delete_series()
    assert window.series.delete_box is not None
    window.series.delete_box.delete_button.click()  # the demo's people stay, in no series
    assert window.series.picker.currentText() == "Our own"
    assert "320 registrants and 13 speakers in no series" in window.status.counts_label.text()
    window.show_tab_at(2)
    attendees = window.tab(AttendeesTab)
    assert attendees.model.rowCount() == 0 and attendees.list_stack.is_empty_shown()
    attendees.session_combo.setCurrentIndex(attendees.session_combo.findData(NO_SERIES))
    assert attendees.model.rowCount() == 320
    assert attendees.count_label.text() == "320 registrants in no series"
    attendees.view.selectAll()
    attendees.delete_selected()
    assert attendees.delete_box is not None
    attendees.delete_box.delete_button.click()
    assert attendees.model.rowCount() == 0 and stats.stats(demo_app.uow()).registrants == 0
    window.menus.undo.trigger()
    assert attendees.model.rowCount() == 320
    window.show_tab_at(1)
    speakers = window.tab(SpeakersTab)
    assert speakers.model.rowCount() == 13  # not booked anywhere: listed with every series
    speakers.which_combo.setCurrentIndex(1)
    assert speakers.showing_no_series() and speakers.model.rowCount() == 13
    speakers.view.selectRow(0)
    speakers.delete_selected()
    assert speakers.delete_box is not None
    speakers.delete_box.delete_button.click()
    assert speakers.model.rowCount() == 12
    assert "320 registrants and 12 speakers in no series" in window.status.counts_label.text()


def test_with_no_series_left_the_empty_page_offers_to_clear_out(
    demo_app: App, make_window: Build
) -> None:
    window = make_window(demo_app)
    window.series.delete_series()
    assert window.series.delete_box is not None
    window.series.delete_box.delete_button.click()
    assert window.pages.currentIndex() == 0
    assert window.series.orphans_box.isVisibleTo(window)
    assert "320 registrants and 13 speakers" in window.series.orphans_label.text()
    window.series.empty_delete_button.click()
    assert window.series.delete_box is not None
    window.series.delete_box.delete_button.click()
    counted = stats.stats(demo_app.uow())
    assert (counted.registrants, counted.speakers) == (0, 0)
    assert not window.series.orphans_box.isVisibleTo(window)
    window.menus.undo.trigger()
    assert stats.stats(demo_app.uow()).registrants == 320
