"""File › Open server database… asks for the team's URL and reopens the app on it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def test_a_server_url_is_asked_for_and_opened(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    window.files.choose_server()
    dialog = window.files.server_dialog
    assert dialog.isVisible() and dialog.url_edit.text() == (
        demo_app.location if demo_app.on_server else ""
    )
    open_button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Open)
    dialog.url_edit.setText("webinars.sqlite")
    with qtbot.assertNotEmitted(window.open_database_requested):
        qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible() and "postgresql://" in dialog.problem.text()
    url = "postgresql://webinars@db.office.example/webinars?sslmode=require"
    dialog.url_edit.setText(url)
    with qtbot.waitSignal(window.open_database_requested) as opened:
        qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [url] and not dialog.isVisible()
