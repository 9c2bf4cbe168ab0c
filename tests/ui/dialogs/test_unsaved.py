"""One rule for closing with unsaved edits: Save / Discard / Cancel, in the registrant editor,
the export profile editor and Preferences (the run-of-show editor has its own tests)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.services import export_profiles, registrants
from desktop_app.services.preferences import load_preferences
from ui.dialogs.unsaved import GuardedDialog
from ui.tabs.attendees_tab import AttendeesTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]
Buttons = QMessageBox.StandardButton


def answer(dialog: GuardedDialog, button: QMessageBox.StandardButton) -> None:
    question = dialog.unsaved_question
    assert question is not None and question.isVisible()
    assert question.defaultButton() is question.button(Buttons.Save)
    question.button(button).click()


def registrant_editor(app: App, build: Build) -> tuple[MainWindow, AttendeesTab, int]:
    window = build(app)
    tab = window.tab(AttendeesTab)
    window.tabs.setCurrentWidget(tab)
    tab.edit_registrant(tab.model.index(0, 0))
    return window, tab, tab.model.id_at(0)


def test_esc_in_the_registrant_editor_asks_before_losing_edits(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    _, tab, person = registrant_editor(demo_app, make_window)
    dialog = tab.registrant_dialog
    assert dialog is not None
    before = registrants.get_registrant(demo_app.uow(), person)
    dialog.edits["organisation"].setText("Typed, not saved")
    qtbot.keyClick(dialog.edits["organisation"], Qt.Key.Key_Escape)
    answer(dialog, Buttons.Cancel)
    assert dialog.isVisible() and dialog.edits["organisation"].text() == "Typed, not saved"
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()  # asks as well
    answer(dialog, Buttons.Discard)
    assert not dialog.isVisible()
    assert registrants.get_registrant(demo_app.uow(), person) == before


def test_save_from_the_question_saves_or_shows_why_not(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    _, tab, person = registrant_editor(demo_app, make_window)
    dialog = tab.registrant_dialog
    assert dialog is not None
    dialog.edits["email"].setText("not an address")
    dialog.reject()
    answer(dialog, Buttons.Save)
    assert dialog.isVisible()  # refused: the problem is shown at its field
    assert "not an email address" in dialog.problems.text_of("email")
    dialog.edits["email"].setText(registrants.get_registrant(demo_app.uow(), person).email)
    dialog.edits["city"].setText("Valparaíso")
    dialog.reject()
    answer(dialog, Buttons.Save)
    assert not dialog.isVisible()
    assert registrants.get_registrant(demo_app.uow(), person).city == "Valparaíso"


def test_registration_ticks_count_as_edits_and_no_edits_close_at_once(
    demo_app: App, make_window: Build
) -> None:
    _, tab, _person = registrant_editor(demo_app, make_window)
    dialog = tab.registrant_dialog
    assert dialog is not None and not dialog.has_unsaved_edits()
    line = dialog.lines[0]
    line.registered.setChecked(not line.registered.isChecked())
    assert dialog.has_unsaved_edits()
    line.registered.setChecked(not line.registered.isChecked())
    assert not dialog.has_unsaved_edits()
    dialog.reject()
    assert not dialog.isVisible() and dialog.unsaved_question is None


def test_the_profile_editor_asks_too(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    window.files.show_export()
    export = window.files.export_dialog
    assert export is not None
    export.new_button.click()
    editor = export.profile_dialog
    editor.reject()  # nothing typed: closes without a question
    assert not editor.isVisible() and editor.unsaved_question is None
    export.new_button.click()
    editor = export.profile_dialog
    editor.name_edit.setText("City partners")
    editor.buttons.button(editor.buttons.StandardButton.Cancel).click()
    assert "City partners" not in [p.name for p in export_profiles.list_profiles(demo_app.uow())]
    answer(editor, Buttons.Save)
    assert not editor.isVisible()
    assert "City partners" in [p.name for p in export_profiles.list_profiles(demo_app.uow())]
    assert export.profile_combo.currentText() == "City partners"


def test_preferences_ask_before_losing_edits(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    window.menus.preferences.trigger()
    dialog = window.general.preferences_dialog
    assert dialog is not None
    dialog.name_edit.setText("Ana Ruiz")
    dialog.reject()
    answer(dialog, Buttons.Discard)
    assert not dialog.isVisible() and load_preferences().staff_name != "Ana Ruiz"
    window.menus.preferences.trigger()
    dialog = window.general.preferences_dialog
    assert dialog is not None
    dialog.name_edit.setText("Ana Ruiz")
    dialog.reject()
    answer(dialog, Buttons.Save)
    assert not dialog.isVisible() and load_preferences().staff_name == "Ana Ruiz"


def test_the_series_editor_asks_too(demo_app: App, make_window: Build) -> None:
    from desktop_app.services import series

    window = make_window(demo_app)
    window.menus.edit_series.trigger()
    dialog = window.series.series_dialog
    assert dialog is not None
    dialog.organiser_edit.setText("Open Contracting Partnership, Lagos office")
    dialog.reject()
    answer(dialog, Buttons.Save)
    assert not dialog.isVisible()
    series_id = window.series.current_id()
    assert series_id is not None
    assert series.get_series(demo_app.uow(), series_id).organiser.endswith("Lagos office")
