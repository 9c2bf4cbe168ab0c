"""Sessions tab: edit, validate, create, delete, reorder speakers; undo and redo of each."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.services import sessions, speakers, stats
from ui.editors.roster_panel import CHECKS, FIXED, ROLE_COLUMN
from ui.tabs.attendees_tab import AttendeesTab
from ui.tabs.sessions_tab import SessionsTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def session_titles(app: App) -> list[str]:
    return [s.title for s in sessions.list_sessions(app.uow())]


def roster_names(app: App, session_id: int) -> list[str]:
    return [p.speaker_name for p in speakers.list_appearances(app.uow(), session_id=session_id)]


def test_edit_apply_undo_redo(demo_app: App, make_window: Build, qtbot: QtBot) -> None:
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    tab.view.selectRow(1)
    editor = tab.editor
    assert not editor.apply_button.isEnabled()
    editor.title_edit.clear()
    qtbot.keyClicks(editor.title_edit, "Procurement for All")
    editor.duration_spin.setValue(75)
    assert editor.apply_button.isEnabled()
    preview = editor.when_label.text().replace("\u00a0", " ")
    assert preview == "Wed 18 Aug 2021\n10:00–11:15 PT · 13:00–14:15 ET"
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    row = sessions.get_session(demo_app.uow(), tab.selected().id)
    assert (row.title, row.duration_minutes) == ("Procurement for All", 75)
    assert tab.model.index(1, 1).data() == "Procurement for All"
    window.menus.undo.trigger()
    assert session_titles(demo_app)[1] == "Procurement for the People"
    assert sessions.list_sessions(demo_app.uow())[1].duration_minutes == 60
    assert editor.title_edit.text() == "Procurement for the People"
    window.menus.redo.trigger()
    assert session_titles(demo_app)[1] == "Procurement for All"


def test_start_is_typed_in_the_home_zone(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    editor = window.tab(SessionsTab).editor
    time = editor.start_edit.time()
    editor.start_edit.setTime(time.addSecs(90 * 60))  # 10:00 -> 11:30 Pacific
    editor.apply()
    start = sessions.list_sessions(demo_app.uow())[0].starts_at
    assert (start.hour, start.minute) == (18, 30)  # 11:30 PDT is 18:30 UTC


def test_invalid_input_is_marked_at_the_field(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    editor = window.tab(SessionsTab).editor
    # (a link without https:// is fixed, not refused: "zoom dot us" is no link at all)
    qtbot.keyClicks(editor.join_edit, "zoom dot us")
    editor.title_edit.clear()
    editor.tracker.touch()
    editor.apply()
    assert "not a web address" in editor.problems.text_of("join_url")
    assert "needs a title" in editor.problems.text_of("title")
    assert session_titles(demo_app)[0] == "No More Status Quo Contracting"
    assert window.edits.stack.count() == 0


def test_new_session_and_undo(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    window.tab(SessionsTab).new_session()
    assert stats.stats(demo_app.uow()).sessions == 5
    created = window.tab(SessionsTab).selected()
    assert created is not None and created.title == "New session"
    assert created.status == "draft" and created.platform == "Zoom"
    window.menus.undo.trigger()
    assert stats.stats(demo_app.uow()).sessions == 4
    window.menus.redo.trigger()
    assert [s.id for s in sessions.list_sessions(demo_app.uow())][-1] == created.id


def test_delete_asks_says_what_goes_and_undoes(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    tab.view.selectRow(2)
    doomed = tab.selected()
    assert doomed is not None
    before = stats.stats(demo_app.uow())
    tab.delete_selected()
    assert f"{doomed.registered:,} registrations" in tab.delete_box.informativeText()
    tab.delete_box.button(QMessageBox.StandardButton.Cancel).click()
    assert stats.stats(demo_app.uow()) == before
    tab.delete_selected()
    tab.delete_box.delete_button.click()
    after = stats.stats(demo_app.uow())
    assert after.sessions == 3
    assert after.registrations == before.registrations - doomed.registered
    window.menus.undo.trigger()
    assert stats.stats(demo_app.uow()) == before


def test_reorder_by_buttons_and_drag(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    session_id = tab.selected().id
    original = roster_names(demo_app, session_id)
    tab.roster.view.selectRow(0)
    tab.roster.down_button.click()
    assert roster_names(demo_app, session_id) == [original[1], original[0], original[2]]
    assert tab.roster.selected().speaker_name == original[0]  # selection follows the move
    window.menus.undo.trigger()
    assert roster_names(demo_app, session_id) == original
    model = tab.roster.model
    model.dropMimeData(
        model.mimeData([model.index(0, 1)]), Qt.DropAction.MoveAction, 3, 0, QModelIndex()
    )
    assert roster_names(demo_app, session_id) == [original[1], original[2], original[0]]


def test_checklist_ticks_and_role(demo_app: App, make_window: Build, qtmodeltester: object) -> None:
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    model = tab.roster.model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    tech = len(FIXED) + [name for name, _ in CHECKS].index("tech_check_done")
    assert model.setData(
        model.index(0, tech), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    part = speakers.list_appearances(demo_app.uow(), session_id=tab.selected().id)[0]
    assert not part.tech_check_done and part.confirmed
    assert model.setData(model.index(0, ROLE_COLUMN), "moderator")
    assert (
        speakers.list_appearances(demo_app.uow(), session_id=part.session_id)[0].role == "moderator"
    )
    window.menus.undo.trigger()
    window.menus.undo.trigger()
    part = speakers.list_appearances(demo_app.uow(), session_id=part.session_id)[0]
    assert part.tech_check_done and part.role == "panelist"


def test_add_and_remove_a_speaker(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    session_id = tab.selected().id
    tab.roster.speaker_combo.setCurrentIndex(tab.roster.speaker_combo.findText("Beth Blauer"))
    tab.roster.add_button.click()
    assert roster_names(demo_app, session_id)[-1] == "Beth Blauer"
    tab.roster.view.selectRow(3)
    tab.roster.remove_button.click()
    assert "Beth Blauer" not in roster_names(demo_app, session_id)
    window.menus.undo.trigger()
    assert roster_names(demo_app, session_id)[-1] == "Beth Blauer"


def test_unsaved_edits_survive_switching_and_closing(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    qtbot.keyClicks(tab.editor.subtitle_edit, " (draft)")
    tab.view.selectRow(2)  # moving away saves
    assert sessions.list_sessions(demo_app.uow())[0].subtitle.endswith("(draft)")
    tab.editor.title_edit.clear()
    tab.editor.tracker.touch()
    assert not window.close()  # closing with an edit asks first
    question = window.closing.question
    assert question is not None and question.isVisible()
    assert "the Sessions form" in question.text()
    question.button(QMessageBox.StandardButton.Save).click()
    # An invalid edit cannot be saved: the window stays, the field says why.
    assert window.isVisible()
    assert "needs a title" in tab.editor.problems.text_of("title")
    tab.editor.revert()
    assert window.close()


def answer_on_close(window: MainWindow, button: QMessageBox.StandardButton) -> None:
    """Close the window and answer the unsaved-edits question with button."""
    assert not window.close()
    question = window.closing.question
    assert question is not None and question.isVisible()
    question.button(button).click()


def test_closing_with_an_edit_asks_save_discard_or_cancel(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    first = sessions.list_sessions(demo_app.uow())[0]
    qtbot.keyClicks(tab.editor.subtitle_edit, " (cancel)")
    answer_on_close(window, QMessageBox.StandardButton.Cancel)
    assert window.isVisible() and tab.has_unsaved()  # Cancel: back to editing, edit kept
    answer_on_close(window, QMessageBox.StandardButton.Discard)
    assert not window.isVisible()
    assert sessions.list_sessions(demo_app.uow())[0].subtitle == first.subtitle
    again = make_window(demo_app)
    tab = again.tab(SessionsTab)
    qtbot.keyClicks(tab.editor.subtitle_edit, " (saved)")
    answer_on_close(again, QMessageBox.StandardButton.Save)
    assert not again.isVisible()
    assert sessions.list_sessions(demo_app.uow())[0].subtitle == first.subtitle + " (saved)"


def test_a_tick_reloads_the_roster_only(demo_app: App, make_window: Build, qtbot: QtBot) -> None:
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    model = tab.roster.model
    tech = len(FIXED) + [name for name, _ in CHECKS].index("tech_check_done")
    with (
        qtbot.assertNotEmitted(tab.model.modelReset),
        qtbot.assertNotEmitted(window.tab(AttendeesTab).loader.loaded),
        qtbot.waitSignal(model.modelReset),
    ):
        model.setData(
            model.index(0, tech), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
        )
    tick = model.index(0, tech).data(Qt.ItemDataRole.CheckStateRole)
    assert tick == Qt.CheckState.Unchecked
    with qtbot.waitSignal(model.modelReset):
        window.menus.undo.trigger()
    tick = model.index(0, tech).data(Qt.ItemDataRole.CheckStateRole)
    assert tick == Qt.CheckState.Checked
