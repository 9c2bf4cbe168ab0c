"""Attendees: merging two addresses of one person, choosing columns, the empty tab, and
imports started from here going to the session shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.domain.enums import SessionKind
from desktop_app.domain.records import (
    RegistrantData,
    RegistrationData,
    SeriesData,
    SessionData,
)
from desktop_app.services import registrants, series, sessions, stats
from ui.tabs.attendees_tab import AttendeesTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]
MAY_6 = datetime(2026, 5, 6, 9, tzinfo=UTC)


def select(tab: AttendeesTab, rows: list[int]) -> None:
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    tab.view.selectionModel().clearSelection()
    for row in rows:
        tab.view.selectionModel().select(tab.model.index(row, 0), flags)


def test_merge_two_registrants_keeping_one_address_and_undo(
    demo_app: App, make_window: Build
) -> None:
    window = make_window(demo_app)
    window.show_tab_at(2)
    tab = window.tab(AttendeesTab)
    assert not tab.merge_button.isEnabled()
    select(tab, [0])
    assert not tab.merge_button.isEnabled()  # two people, no more, no fewer
    select(tab, [0, 1])
    assert tab.merge_button.isEnabled()
    first, second = (registrants.get_registrant(demo_app.uow(), i) for i in tab.selected_ids())
    before = stats.stats(demo_app.uow())
    tab.merge_button.click()
    dialog = tab.merge_dialog
    assert dialog is not None and dialog.isVisible()
    assert first.email in dialog.radios[0].text() and second.email in dialog.radios[1].text()
    dialog.radios[1].click()  # keep the second address
    dialog.merge_button.click()
    assert stats.stats(demo_app.uow()).registrants == before.registrants - 1
    assert registrants.find_by_email(demo_app.uow(), first.email) is None
    assert registrants.find_by_email(demo_app.uow(), second.email) is not None
    assert tab.model.rowCount() == before.registrants - 1
    assert "Merged into" in window.statusBar().currentMessage()
    window.menus.undo.trigger()
    assert stats.stats(demo_app.uow()) == before
    assert registrants.find_by_email(demo_app.uow(), first.email) is not None


def test_columns_can_be_hidden_and_stay_hidden(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    tab = window.tab(AttendeesTab)
    menu = tab.columns.column_menu()
    [email] = [a for a in menu.actions() if a.text() == "Email"]
    [minutes] = [a for a in menu.actions() if a.text() == "Minutes (each session)"]
    email.setChecked(False)
    minutes.setChecked(False)
    headings = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(6, 18)]
    hidden = [
        str(tab.model.headerData(c, Qt.Orientation.Horizontal))
        for c in range(tab.model.columnCount())
        if tab.view.isColumnHidden(c)
    ]
    assert hidden[0] == "Email" and all(h.endswith(" min") for h in hidden[1:])
    assert len(hidden) == 1 + 4 and len(headings) == 12
    window.close()
    assert sorted(QSettings().value("attendees/hiddenColumns")) == ["email", "minutes"]
    again = make_window(demo_app)
    again_tab = again.tab(AttendeesTab)
    assert again_tab.view.isColumnHidden(2)  # Email, remembered
    assert not again_tab.view.isColumnHidden(0)


def test_an_empty_series_says_import_and_the_button_starts_it(
    app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    series_id = series.create_series(app.uow(), SeriesData("Fresh", home_zone="Europe/Paris"))
    window = make_window(app)
    window.show_tab_at(2)
    tab = window.tab(AttendeesTab)
    assert tab.list_stack.is_empty_shown()
    assert tab.empty.heading.text() == "No registrants yet"
    assert tab.empty.button.text() == "Import registrations…"
    qtbot.mouseClick(tab.empty.button, Qt.MouseButton.LeftButton)
    dialog = window.files.file_dialog
    assert dialog is not None and dialog.isVisible() and "Import" in dialog.windowTitle()
    dialog.reject()
    # With a person in the series, the list takes the empty state's place.
    start = window.edits.create_session(
        series_id, SessionData("Kick-off", MAY_6, 60, SessionKind.OTHER)
    )
    assert tab.list_stack.is_empty_shown()
    person = registrants.create_registrant(app.uow(), RegistrantData("ana@example.org"))
    window.edits.register(person, start, RegistrationData(MAY_6))
    assert not tab.list_stack.is_empty_shown() and tab.model.rowCount() == 1


def test_import_from_attendees_goes_to_the_session_shown(
    demo_app: App, make_window: Build, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    window.show_tab_at(2)
    tab = window.tab(AttendeesTab)
    third = sessions.list_sessions(demo_app.uow())[2]
    tab.session_combo.setCurrentIndex(tab.session_combo.findData(third.id))
    report = tmp_path / "report.csv"
    report.write_text("Email,First Name\nana@example.org,Ana\n", encoding="utf-8")
    window.files.import_file(report)
    dialog = window.files.import_dialog
    assert dialog is not None
    assert dialog.session_combo.currentData() == third.id  # not the oldest session


def test_set_consent_leaves_room_for_its_arrow(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    button = window.tab(AttendeesTab).consent_button
    assert isinstance(button, QPushButton) and button.menu() is not None
    text = button.fontMetrics().horizontalAdvance(button.text())
    assert button.sizeHint().width() >= text + 20  # the text, its margins and the arrow
