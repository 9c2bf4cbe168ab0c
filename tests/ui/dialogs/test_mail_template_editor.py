"""The mail template editor: live preview, placeholders to insert, warnings, mistakes marked
at the field, and templates saved per series (a built-in one overridden and brought back)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.domain.mail_kinds import MailKind
from desktop_app.domain.mail_templates import MailTemplate
from desktop_app.domain.records import SeriesData
from desktop_app.services import mail_templates, series
from ui.dialogs.mail_dialog import MailDialog
from ui.dialogs.mail_template_editor import TemplateEditor, own_copy
from ui.tabs.sessions_tab import SessionsTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def mail_dialog(window: MainWindow, qtbot: QtBot) -> MailDialog:
    tab = window.tab(SessionsTab)
    qtbot.mouseClick(tab.mail_panel.mail_button, Qt.MouseButton.LeftButton)
    dialog = tab.mail_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.choices.from_email_edit, "mia@ocp.example")
    settled(qtbot, dialog)
    return dialog


def settled(qtbot: QtBot, dialog: MailDialog | TemplateEditor) -> None:
    """Wait for the preview of what is shown now (it is planned on a worker)."""
    if isinstance(dialog, MailDialog):
        dialog.choices.flush_typing()
    signal = dialog.preview_ready if isinstance(dialog, MailDialog) else dialog.preview_shown
    if dialog.planner.pending:
        with qtbot.waitSignal(signal, timeout=20_000):
            pass


def edit_chosen(dialog: MailDialog, qtbot: QtBot) -> TemplateEditor:
    qtbot.mouseClick(dialog.choices.edit_template_button, Qt.MouseButton.LeftButton)
    editor = dialog.templates.editor
    assert editor is not None and editor.isVisible()
    settled(qtbot, editor)
    return editor


def save(editor: TemplateEditor, qtbot: QtBot) -> None:
    button = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    parent = editor.parent()
    if isinstance(parent, MailDialog) and not editor.isVisible():
        settled(qtbot, parent)  # the saved template is previewed in the Mail dialog


def test_the_preview_follows_the_typing_and_warns_of_empty_placeholders(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    editor = edit_chosen(mail_dialog(window, qtbot), qtbot)
    assert editor.name_edit.text() == "Reminder (day before)"
    assert "{join_link} is empty for all" in editor.warnings.text()
    editor.subject_edit.setFocus()
    editor.subject_edit.setCursorPosition(0)
    with qtbot.waitSignal(editor.preview_shown, timeout=5000):
        qtbot.keyClicks(editor.subject_edit, "Hello {first_name}: ")
    subject = editor.preview.subject_label.text()
    assert "Hello " in subject and "{first_name}" not in subject
    assert ": Tomorrow: No More Status Quo Contracting" in subject
    # A placeholder from the list goes where the cursor was in the body.
    editor.body_edit.setFocus()
    editor.body_edit.moveCursor(editor.body_edit.textCursor().MoveOperation.End)
    items = editor.placeholder_list.findItems("{recording_link}", Qt.MatchFlag.MatchExactly, 0)
    editor.placeholder_list.setCurrentItem(items[0])
    assert "recording" in items[0].text(1)
    with qtbot.waitSignal(editor.preview_shown, timeout=5000):
        qtbot.mouseClick(editor.insert_button, Qt.MouseButton.LeftButton)
    assert editor.body_edit.toPlainText().endswith("{recording_link}")
    assert editor.body_edit.hasFocus()
    assert "{recording_link} is empty for all" in editor.warnings.text()


def test_a_mistake_is_marked_at_its_field_and_nothing_is_saved(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    dialog = mail_dialog(window, qtbot)
    editor = edit_chosen(dialog, qtbot)
    editor.body_edit.setPlainText("Dear {firstname},\n")
    editor.refresh()  # (marked at once: no worker needed to see a mistake)
    assert "{firstname} is not a placeholder" in editor.problems.text_of("body")
    editor.subject_edit.clear()
    save(editor, qtbot)
    assert "needs a subject" in editor.problems.text_of("subject")
    assert editor.isVisible()
    saved = [t for t in mail_templates.list_templates(demo_app.uow(), 1) if not t.builtin]
    assert saved == []


def test_editing_a_built_in_template_keeps_the_series_own_version_until_deleted(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    dialog = mail_dialog(window, qtbot)
    editor = edit_chosen(dialog, qtbot)
    editor.subject_edit.setText("See you tomorrow at {session_title}")
    save(editor, qtbot)
    assert not editor.isVisible()
    combo = dialog.choices.template_combo
    assert combo.currentText() == "Reminder (day before)"  # no longer "— built in"
    assert "See you tomorrow at No More" in dialog.preview.subject_label.text()
    kept = mail_templates.get_template(
        demo_app.uow(), 1, MailKind.REMINDER, "Reminder (day before)"
    )
    assert not kept.builtin and kept.subject == "See you tomorrow at {session_title}"
    # Another series still has the built-in one.
    other = series.create_series(
        demo_app.uow(), SeriesData("Other series", "", "", "Europe/London", ())
    )
    theirs = mail_templates.get_template(
        demo_app.uow(), other, MailKind.REMINDER, "Reminder (day before)"
    )
    assert theirs.builtin
    # "Use built-in" deletes this series' version, after asking.
    delete = dialog.choices.delete_template_button
    assert delete.isEnabled() and delete.text() == "Use built-in"
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    question = dialog.templates.question
    assert question is not None
    question.button(QMessageBox.StandardButton.Yes).click()
    settled(qtbot, dialog)
    assert combo.currentText() == "Reminder (day before) — built in"
    assert not dialog.choices.delete_template_button.isEnabled()
    assert "Tomorrow: No More" in dialog.preview.subject_label.text()


def test_a_new_template_starts_from_a_copy_and_is_chosen_once_saved(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    dialog = mail_dialog(window, qtbot)
    qtbot.mouseClick(dialog.choices.new_template_button, Qt.MouseButton.LeftButton)
    editor = dialog.templates.editor
    assert editor is not None
    assert editor.name_edit.text() == "My reminder (day before)"
    editor.body_edit.setPlainText("Hi {first_name}, see you tomorrow: {join_link}\n")
    save(editor, qtbot)
    assert dialog.choices.template_name() == "My reminder (day before)"
    assert dialog.choices.delete_template_button.text() == "Delete"
    assert dialog.preview.browser.toPlainText().startswith("Hi ")
    names = [t.name for t in mail_templates.list_templates(demo_app.uow(), 1, MailKind.REMINDER)]
    assert "My reminder (day before)" in names and "Reminder (day before)" in names


def test_copies_get_names_not_taken() -> None:
    template = MailTemplate("Reminder (day before)", MailKind.REMINDER, "s", "b", builtin=True)
    taken = {"Reminder (day before)", "my reminder (day before)"}
    copy = own_copy(template, taken)
    assert copy.name == "My reminder (day before) 2" and not copy.builtin
