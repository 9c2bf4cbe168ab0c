"""Attendees tab: per-session columns, filters, sorting, bulk consent and delete; undo."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from desktop_app.bootstrap import App
from desktop_app.domain.enums import Consent
from desktop_app.services import registrants, sessions, stats
from ui.edits import registrant_data
from ui.models.attendee_model import FIXED_COLUMNS
from ui.tabs.attendees_tab import AttendeesTab
from ui.tabs.sessions_tab import SessionsTab
from ui.tabs.speakers_tab import SpeakersTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def open_tab(app: App, build: Build) -> MainWindow:
    window = build(app)
    window.tabs.setCurrentWidget(window.tab(AttendeesTab))
    return window


def test_one_column_group_per_session(
    demo_app: App, make_window: Build, qtmodeltester: ModelTester
) -> None:
    window = open_tab(demo_app, make_window)
    model = window.tab(AttendeesTab).model
    assert model.columnCount() == len(FIXED_COLUMNS) + 3 * 4
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(len(FIXED_COLUMNS), model.columnCount())
    ]
    assert headers[:3] == ["4 Aug reg.", "4 Aug att.", "4 Aug min"]
    qtmodeltester.check(model)


def test_session_attended_and_consent_filters(demo_app: App, make_window: Build) -> None:
    window = open_tab(demo_app, make_window)
    tab = window.tab(AttendeesTab)
    second = sessions.list_sessions(demo_app.uow())[1]
    tab.session_combo.setCurrentIndex(tab.session_combo.findData(second.id))
    assert tab.model.rowCount() == second.registered
    tab.attended_combo.setCurrentIndex(tab.attended_combo.findData(True))
    assert tab.model.rowCount() == second.attended
    tab.consent_combo.setCurrentIndex(tab.consent_combo.findData("no"))
    rows = [registrants.get_registrant(demo_app.uow(), i) for i in tab.model.ids()]
    assert rows and all(r.consent == "no" for r in rows)
    for row in rows:
        [registration] = [
            g
            for g in registrants.list_registrations(demo_app.uow(), registrant_id=row.id)
            if g.session_id == second.id
        ]
        assert registration.attended
    total = stats.stats(demo_app.uow()).registrants
    assert tab.count_label.text() == f"{len(rows)} of {total} registrants"


def test_clicking_a_header_sorts_in_the_database(demo_app: App, make_window: Build) -> None:
    window = open_tab(demo_app, make_window)
    tab = window.tab(AttendeesTab)
    minutes_column = len(FIXED_COLUMNS) + 2  # minutes at the kickoff
    tab.view.sortByColumn(minutes_column, Qt.SortOrder.DescendingOrder)
    kickoff = sessions.list_sessions(demo_app.uow())[0].id
    minutes = {
        g.registrant_id: g.minutes
        for g in registrants.list_registrations(demo_app.uow(), session_id=kickoff)
    }
    shown = [minutes.get(i, 0) for i in tab.model.ids()]
    assert shown == sorted(shown, reverse=True) and shown[0] > 0
    assert tab.model.index(0, minutes_column).data() == str(shown[0])
    tab.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # email
    emails = [registrants.get_registrant(demo_app.uow(), i).email for i in tab.model.ids()]
    assert emails == sorted(emails)


def select_rows(window: MainWindow, rows: list[int]) -> None:
    tab = window.tab(AttendeesTab)
    for row in rows:
        tab.view.selectionModel().select(
            tab.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_bulk_consent_and_undo(demo_app: App, make_window: Build) -> None:
    window = open_tab(demo_app, make_window)
    tab = window.tab(AttendeesTab)
    select_rows(window, [0, 1, 2])
    ids = tab.selected_ids()
    before = {i: registrants.get_registrant(demo_app.uow(), i).consent for i in ids}
    tab.consent_actions[Consent.NO].trigger()
    assert {registrants.get_registrant(demo_app.uow(), i).consent for i in ids} == {"no"}
    assert tab.selected_ids() == ids  # the selection survives the refresh
    window.menus.undo.trigger()
    assert {i: registrants.get_registrant(demo_app.uow(), i).consent for i in ids} == before


def test_bulk_delete_asks_and_undoes(demo_app: App, make_window: Build) -> None:
    window = open_tab(demo_app, make_window)
    tab = window.tab(AttendeesTab)
    before = stats.stats(demo_app.uow())
    select_rows(window, [3, 4])
    tab.delete_selected()
    assert tab.delete_box.text() == "Delete 2 registrants?"
    tab.delete_box.delete_button.click()
    assert stats.stats(demo_app.uow()).registrants == before.registrants - 2
    assert tab.model.rowCount() == before.registrants - 2
    window.menus.undo.trigger()
    assert stats.stats(demo_app.uow()) == before


def test_big_series_load_on_a_worker_without_blocking(
    demo_app: App, make_window: Build, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_tab(demo_app, make_window)
    tab = window.tab(AttendeesTab)
    monkeypatch.setattr("ui.workers.index_loader.SYNC_LIMIT", 0)  # treat the demo as "big"
    tab.filter_edit.setText("Kenya")
    with qtbot.waitSignal(tab.loader.loaded, timeout=10_000):
        tab.show_series(window.series.current_id())
        assert tab.busy.isVisibleTo(tab)  # the progress indicator runs meanwhile
    assert not tab.busy.isVisibleTo(tab)
    assert tab.model.rowCount() == registrants.count_registrants(
        demo_app.uow(), window.series.current_id(), "Kenya"
    )


def test_only_the_newest_load_is_shown(
    demo_app: App, make_window: Build, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_tab(demo_app, make_window)
    tab = window.tab(AttendeesTab)
    monkeypatch.setattr("ui.workers.index_loader.SYNC_LIMIT", 0)
    delivered: list[object] = []
    tab.loader.loaded.connect(delivered.append)
    with qtbot.waitSignal(tab.loader.loaded, timeout=10_000):
        tab.show_series(window.series.current_id())
        tab.show_series(window.series.current_id())
    tab.loader.pool.waitForDone(5000)
    with qtbot.assertNotEmitted(tab.loader.loaded, wait=100):
        pass  # the first, stale load must not be delivered late
    assert len(delivered) == 1


def test_edit_one_registrant_and_their_registrations(demo_app: App, make_window: Build) -> None:
    window = open_tab(demo_app, make_window)
    tab = window.tab(AttendeesTab)
    person = tab.model.id_at(0)
    before = {
        g.session_id: g
        for g in registrants.list_registrations(demo_app.uow(), registrant_id=person)
    }
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    tab.edit_button.click()
    dialog = tab.registrant_dialog
    dialog.edits["organisation"].setText("Open Contracting Partnership")
    dialog.consent_combo.setCurrentIndex(dialog.consent_combo.findData("yes"))
    missing = next(line for line in dialog.lines if line.registration is None)
    missing.registered.setChecked(True)
    missing.attended.setChecked(True)
    missing.minutes.setValue(42)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not dialog.isVisible()
    saved = registrants.get_registrant(demo_app.uow(), person)
    assert saved.organisation == "Open Contracting Partnership" and saved.consent == "yes"
    after = {
        g.session_id: g
        for g in registrants.list_registrations(demo_app.uow(), registrant_id=person)
    }
    added = after[missing.session.id]
    assert (added.attended, added.minutes, added.source) == (True, 42, "added by hand")
    window.menus.undo.trigger()  # one step undoes the whole dialog
    assert (
        registrants.get_registrant(demo_app.uow(), person).organisation
        != "Open Contracting Partnership"
    )
    assert {
        g.session_id for g in registrants.list_registrations(demo_app.uow(), registrant_id=person)
    } == set(before)


def test_registrant_dialog_refuses_a_bad_email(demo_app: App, make_window: Build) -> None:
    window = open_tab(demo_app, make_window)
    tab = window.tab(AttendeesTab)
    tab.edit_registrant(tab.model.index(1, 0))
    dialog = tab.registrant_dialog
    other = registrants.get_registrant(demo_app.uow(), tab.model.id_at(0))
    dialog.edits["email"].setText(other.email.upper())
    dialog.save_requested.emit()
    assert "belongs to another registrant" in dialog.problems.text_of("email")
    dialog.edits["email"].setText("nobody at all")
    dialog.save_requested.emit()
    assert "not an email address" in dialog.problems.text_of("email")
    assert dialog.isVisible() and window.edits.stack.count() == 0


def test_editing_one_person_updates_their_line_in_place(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = open_tab(demo_app, make_window)
    tab = window.tab(AttendeesTab)
    others = [window.tab(SessionsTab).model, window.tab(SpeakersTab).model]
    person = tab.model.id_at(5)
    row = registrants.get_registrant(demo_app.uow(), person)
    edited = dataclasses.replace(registrant_data(row), first_name="Zyxwvu", consent=Consent.NO)
    counts = window.status.counts_label.text()
    statements: list[str] = []

    def remember(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(demo_app.engine, "before_cursor_execute", remember)
    with (
        qtbot.assertNotEmitted(tab.loader.loaded),
        qtbot.assertNotEmitted(tab.model.modelReset),
        qtbot.assertNotEmitted(others[0].modelReset),
        qtbot.assertNotEmitted(others[1].modelReset),
        qtbot.waitSignal(tab.model.dataChanged),
    ):
        window.edits.update_registrant(row, edited)
    event.remove(demo_app.engine, "before_cursor_execute", remember)
    assert tab.model.id_at(5) == person
    assert (tab.model.index(5, 1).data(), tab.model.index(5, 5).data()) == ("Zyxwvu", "No")
    # Neither the whole index nor a count of the database is read again for one person.
    assert not [s for s in statements if "count(" in s.lower()]
    assert window.status.counts_label.text() == counts
    with qtbot.waitSignal(tab.shown_changed):
        tab.filter_edit.setText("zyxwvu")
    assert tab.model.ids() == [person]
    with qtbot.assertNotEmitted(tab.loader.loaded):
        window.menus.undo.trigger()
    assert tab.model.index(0, 1).data() == row.first_name


def test_a_registration_added_in_the_dialog_shows_in_place(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = open_tab(demo_app, make_window)
    tab = window.tab(AttendeesTab)
    line, slot = next(
        (r, n)
        for r in range(tab.model.rowCount())
        for n in range(4)
        if tab.model.index(r, len(FIXED_COLUMNS) + 3 * n).data() == ""  # not registered
    )
    tab.view.setCurrentIndex(tab.model.index(line, 0))
    tab.edit_button.click()
    dialog = tab.registrant_dialog
    assert dialog is not None
    missing = dialog.lines[slot]
    assert missing.registration is None
    missing.registered.setChecked(True)
    missing.attended.setChecked(True)
    missing.minutes.setValue(42)
    first = len(FIXED_COLUMNS) + 3 * slot
    with qtbot.assertNotEmitted(tab.loader.loaded), qtbot.assertNotEmitted(tab.model.modelReset):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    shown = [tab.model.index(line, first + n).data() for n in range(3)]
    assert shown == ["Yes", "Yes", "42"]
    sessions_tab = window.tab(SessionsTab)
    [line] = [
        sessions_tab.model.row_at(r)
        for r in range(sessions_tab.model.rowCount())
        if sessions_tab.model.row_at(r).id == missing.session.id
    ]
    assert line.registered == missing.session.registered + 1  # its count, updated in place


def test_deleting_people_removes_their_lines_and_undo_brings_them_back(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = open_tab(demo_app, make_window)
    tab = window.tab(AttendeesTab)
    everyone = tab.model.ids()
    select_rows(window, [3, 4])
    gone = tab.selected_ids()
    with qtbot.assertNotEmitted(tab.loader.loaded), qtbot.assertNotEmitted(tab.model.modelReset):
        window.edits.delete_registrants(gone)
    assert tab.model.ids() == [i for i in everyone if i not in gone]
    assert tab.count_label.text() == ""  # everyone is shown: the status bar says how many
    assert f"{len(everyone) - 2} registrants" in window.status.counts_label.text()
    with qtbot.waitSignal(tab.shown_changed):
        tab.filter_edit.setText(" ")  # a new filter pass must not bring them back
    assert set(gone).isdisjoint(tab.model.ids())
    with qtbot.waitSignal(tab.loader.loaded):  # they return in name order: a reload
        window.menus.undo.trigger()
    assert tab.model.ids() == everyone
