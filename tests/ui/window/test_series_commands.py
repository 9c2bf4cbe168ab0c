"""The series picker and series commands: new, edit, delete, the demo offer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.services import stats
from ui.tabs.sessions_tab import SessionsTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def test_a_new_database_offers_the_demo(app: App, make_window: Build, qtbot: QtBot) -> None:
    window = make_window(app)
    assert window.pages.currentIndex() == 0
    qtbot.mouseClick(window.series.demo_button, Qt.MouseButton.LeftButton)
    assert window.status.busy.isVisibleTo(window) and not window.series.demo_button.isEnabled()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 1, timeout=20_000)
    assert window.pages.currentIndex() == 1 and not window.status.busy.isVisibleTo(window)
    assert stats.stats(app.uow()).sessions == 4
    assert window.tab(SessionsTab).model.rowCount() == 4


def test_new_series_dialog_validates_then_saves(app: App, make_window: Build) -> None:
    window = make_window(app)
    window.series.new_series()
    dialog = window.series.series_dialog
    dialog.title_edit.setText("Open Data Tuesdays")
    dialog.home_combo.setCurrentText("Europe/Atlantis")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert "is not a time zone" in dialog.problems.text_of("home_zone")
    assert dialog.isVisible() and stats.stats(app.uow()).series == 0
    dialog.home_combo.setCurrentText("Europe/Berlin")
    dialog.display_edit.setText("America/New_York, Asia/Kolkata")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert window.series.picker.currentText() == "Open Data Tuesdays"
    assert window.pages.currentIndex() == 1
    window.menus.undo.trigger()
    assert stats.stats(app.uow()).series == 0 and window.pages.currentIndex() == 0


def test_delete_series_says_what_goes_and_undoes(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    before = stats.stats(demo_app.uow())
    window.series.delete_series()
    assert "4 sessions go with it" in window.series.delete_box.informativeText()
    window.series.delete_box.delete_button.click()
    assert stats.stats(demo_app.uow()).sessions == 0
    assert window.pages.currentIndex() == 0
    window.menus.undo.trigger()
    assert stats.stats(demo_app.uow()) == before
    assert window.series.picker.currentText() == "Procurement with a Purpose"


def test_renaming_a_series_and_undoing_it_follow_in_the_picker(
    demo_app: App, make_window: Build
) -> None:
    window = make_window(demo_app)
    window.series.edit_series()
    dialog = window.series.series_dialog
    assert dialog is not None
    dialog.title_edit.setText("Procurement, Purposefully")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert window.series.picker.currentText() == "Procurement, Purposefully"
    window.menus.undo.trigger()
    assert window.series.picker.currentText() == "Procurement with a Purpose"
    assert window.tab(SessionsTab).model.rowCount() == 4
