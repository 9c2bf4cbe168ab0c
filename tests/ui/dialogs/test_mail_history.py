"""Mail history of a session: the batches written, newest first, with their addresses."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.domain.mail_kinds import MailAddress, MailKind
from desktop_app.services import draft_batches
from desktop_app.services.mail_drafts import DraftRequest, write_drafts
from tests.ui.conftest import OpenedFolders
from ui.tabs.sessions_tab import SessionsTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]
SENDER = MailAddress("Mia Okafor", "mia@ocp.example")


def write(app: App, folder: Path, kind: MailKind, when: str = "") -> None:
    write_drafts(app.uow(), DraftRequest(kind, 1, SENDER, when=when), folder)


def test_the_history_lists_every_batch_and_its_addresses(
    demo_app: App,
    make_window: Build,
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    tmp_path: Path,
    opened_folders: OpenedFolders,
) -> None:
    write(demo_app, tmp_path / "confirmations", MailKind.CONFIRMATION)
    write(demo_app, tmp_path / "reminders", MailKind.REMINDER, "hour-before")
    shutil.rmtree(tmp_path / "confirmations")  # moved away since
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    assert tab.mail_panel.label.text().startswith("Mail: Reminder (hour before) drafted ")
    assert tab.mail_panel.label.text().endswith("people (and 1 earlier).")
    qtbot.mouseClick(tab.mail_panel.history_button, Qt.MouseButton.LeftButton)
    dialog = tab.mail_history_dialog
    assert dialog is not None and dialog.isVisible()
    qtmodeltester.check(dialog.model)
    assert dialog.view.textElideMode() == Qt.TextElideMode.ElideMiddle  # folder names show
    model = dialog.model
    kinds = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert kinds == ["Reminder (hour before)", "Registration confirmation"]
    newest = draft_batches.list_batches(demo_app.uow(), 1)[0]
    assert model.index(0, 2).data() == f"{newest.recipient_count:,}"
    assert model.index(0, 4).data() == "Mia Okafor <mia@ocp.example>"
    assert not dialog.empty_label.isVisible()
    addresses = dialog.recipients_edit.toPlainText().splitlines()
    assert addresses == draft_batches.batch_recipients(demo_app.uow(), newest.id)
    assert dialog.open_folder_button.isEnabled()
    qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened_folders.paths == [newest.folder]
    dialog.view.selectRow(1)
    assert "(moved or deleted since)" in dialog.details_label.text()
    assert not dialog.open_folder_button.isEnabled()


def test_a_session_without_mail_says_so(demo_app: App, make_window: Build, qtbot: QtBot) -> None:
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    (history,) = [a for a in tab.context_actions if a.text() == "Mail history…"]
    history.trigger()
    dialog = tab.mail_history_dialog
    assert dialog is not None
    assert dialog.model.rowCount() == 0 and dialog.empty_label.isVisible()
    assert not dialog.open_folder_button.isEnabled()
