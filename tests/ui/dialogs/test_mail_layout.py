"""The mail, template and calendar dialogs fit windows of 1280×760 and 1024×640, with
every button and the preview in sight."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from ui.tabs.sessions_tab import SessionsTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]
SIZES = [(1280, 760), (1024, 640)]


def in_sight(dialog: QDialog, widget: QWidget) -> bool:
    """True when the widget is shown whole inside the dialog."""
    top_left = widget.mapTo(dialog, widget.rect().topLeft())
    bottom_right = widget.mapTo(dialog, widget.rect().bottomRight())
    inside = dialog.rect().contains(top_left) and dialog.rect().contains(bottom_right)
    return widget.isVisible() and inside and widget.width() >= widget.minimumSizeHint().width()


def fits(window: MainWindow, dialog: QDialog) -> None:
    assert dialog.width() <= window.width() and dialog.height() <= window.height()
    hint = dialog.minimumSizeHint()
    assert hint.width() <= dialog.width() and hint.height() <= dialog.height()


@pytest.mark.parametrize("size", SIZES)
def test_the_mail_dialog_and_the_template_editor_fit(
    demo_app: App, make_window: Build, qtbot: QtBot, size: tuple[int, int]
) -> None:
    window = make_window(demo_app)
    window.resize(*size)
    tab = window.tab(SessionsTab)
    qtbot.mouseClick(tab.mail_panel.mail_button, Qt.MouseButton.LeftButton)
    dialog = tab.mail_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    fits(window, dialog)
    choices = dialog.choices
    for widget in (
        dialog.write_button,
        dialog.close_button,
        choices.session_combo,
        choices.template_combo,
        choices.edit_template_button,
        choices.new_template_button,
        choices.delete_template_button,
        choices.from_email_edit,
        dialog.preview.sample_combo,
    ):
        assert in_sight(dialog, widget), widget
    assert dialog.preview.browser.height() > 300 and dialog.preview.browser.width() > 380
    qtbot.mouseClick(choices.edit_template_button, Qt.MouseButton.LeftButton)
    editor = dialog.templates.editor
    assert editor is not None
    qtbot.waitExposed(editor)
    fits(window, editor)
    for widget in (editor.subject_edit, editor.insert_button, editor.placeholder_list):
        assert in_sight(editor, widget), widget
    assert editor.body_edit.height() > 150 and editor.preview.browser.height() > 250


@pytest.mark.parametrize("size", SIZES)
def test_the_calendar_dialog_fits(
    demo_app: App, make_window: Build, qtbot: QtBot, size: tuple[int, int]
) -> None:
    window = make_window(demo_app)
    window.resize(*size)
    window.menus.calendar.trigger()
    dialog = window.tab(SessionsTab).calendar_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    fits(window, dialog)
    for widget in (dialog.save_button, dialog.close_button, dialog.session_combo):
        assert in_sight(dialog, widget), widget
