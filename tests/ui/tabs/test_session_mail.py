"""Mail on the Sessions and Speakers tabs: the line under the sessions, the right-click
actions, and File › Mail drafts… acting on what is in front."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.domain.mail_kinds import MailAddress, MailKind
from desktop_app.services import mail_templates
from desktop_app.services.mail_drafts import DraftRequest, write_drafts
from ui.changes import MAIL, change
from ui.tabs.sessions_tab import SessionsTab
from ui.tabs.speakers_tab import SpeakersTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def test_the_line_under_the_sessions_follows_the_selection_and_new_batches(
    demo_app: App, make_window: Build, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    panel = tab.mail_panel
    assert panel.isVisible() and panel.label.text() == "Mail: none drafted for this session yet."
    sender = MailAddress("", "mia@ocp.example")
    write_drafts(demo_app.uow(), DraftRequest(MailKind.THANKS, 2, sender), tmp_path / "t")
    window.edits.announce(change(MAIL, session=[2]))
    assert panel.label.text() == "Mail: none drafted for this session yet."  # session 1 shown
    tab.select_session(2)
    assert panel.label.text().startswith("Mail: Thank you and recording drafted ")
    assert "Thank you and recording drafted" in panel.label.toolTip()


def test_right_click_offers_mail_history_calendar_and_run_of_show(
    demo_app: App, make_window: Build
) -> None:
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    texts = [a.text() for a in tab.view.actions()]
    assert texts[:4] == ["Mail…", "Mail history…", "Calendar file…", "Run of show…"]
    tab.context_actions[0].trigger()
    assert tab.mail_dialog is not None and tab.mail_dialog.isVisible()
    tab.mail_dialog.close()
    tab.context_actions[2].trigger()
    assert tab.calendar_dialog is not None and tab.calendar_dialog.isVisible()
    tab.calendar_dialog.close()
    tab.context_actions[3].trigger()
    assert tab.run_of_show_dialog.isVisible()
    tab.run_of_show_dialog.close()
    speakers_tab = window.tab(SpeakersTab)
    assert [a.text() for a in speakers_tab.context_actions] == ["Mail…", "Calendar file…"]


def test_file_mail_drafts_acts_on_the_speaker_in_front_else_the_session(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    sessions_tab = window.tab(SessionsTab)
    sessions_tab.select_session(3)
    window.menus.mail.trigger()
    dialog = sessions_tab.mail_dialog
    assert dialog is not None and dialog.choices.session_id() == 3
    assert dialog.choices.speaker is None
    dialog.close()
    window.show_tab_at(1)
    speakers_tab = window.tab(SpeakersTab)
    window.menus.mail.trigger()
    dialog = speakers_tab.mail_dialog
    selected = speakers_tab.selected()
    assert dialog is not None and selected is not None
    assert dialog.choices.speaker is not None and dialog.choices.speaker.id == selected.id
    assert dialog.windowTitle() == f"Mail drafts to {selected.name}"


def test_file_mail_drafts_without_a_session_says_what_to_do(
    app: App, make_window: Build, qtbot: QtBot
) -> None:
    from desktop_app.domain.records import SeriesData
    from desktop_app.services import series

    series.create_series(app.uow(), SeriesData("Empty series"))
    window = make_window(app)
    assert window.menus.mail.isEnabled()
    assert not window.tab(SessionsTab).mail_panel.isVisible()
    window.menus.mail.trigger()
    assert window.statusBar().currentMessage() == "Add a session first: mail is about a session."


def test_every_close_and_cancel_button_closes_its_dialog(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    sessions_tab = window.tab(SessionsTab)
    sessions_tab.context_actions[1].trigger()  # Mail history…
    history = sessions_tab.mail_history_dialog
    assert history is not None and history.isVisible()
    close = history.buttons.button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not history.isVisible()
    window.show_tab_at(1)
    speakers_tab = window.tab(SpeakersTab)
    speakers_tab.context_actions[0].trigger()  # Mail…
    mail = speakers_tab.mail_dialog
    assert mail is not None and mail.isVisible()
    # The template editor's Cancel keeps the template as it was.
    qtbot.mouseClick(mail.choices.edit_template_button, Qt.MouseButton.LeftButton)
    editor = mail.templates.editor
    assert editor is not None and editor.isVisible()
    before = mail.choices.template_name()
    editor.subject_edit.setText("Not kept")
    cancel = editor.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not editor.isVisible() and mail.choices.template_name() == before
    kept = mail_templates.list_templates(demo_app.uow(), 1, mail.choices.kind())
    assert all(t.subject != "Not kept" for t in kept)
    qtbot.mouseClick(mail.close_button, Qt.MouseButton.LeftButton)
    assert not mail.isVisible()
    speakers_tab.context_actions[1].trigger()  # Calendar file…
    calendar = speakers_tab.calendar_dialog
    assert calendar is not None and calendar.isVisible()
    qtbot.mouseClick(calendar.close_button, Qt.MouseButton.LeftButton)
    assert not calendar.isVisible()
