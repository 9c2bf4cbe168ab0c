"""File › Open server database… asks for the team's URL, opens it, then changes over."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.services import stats
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def test_a_server_url_is_asked_for_opened_and_changed_over_to(
    demo_app: App, make_window: Build, qtbot: QtBot, pg_url: str
) -> None:
    window = make_window(demo_app)
    window.databases.choose_server()
    dialog = window.databases.server_dialog
    assert dialog.isVisible() and dialog.url_edit.text() == (
        demo_app.location if demo_app.on_server else ""
    )
    button_box = dialog.findChild(QDialogButtonBox)
    assert button_box is not None
    open_button = button_box.button(QDialogButtonBox.StandardButton.Open)
    dialog.url_edit.setText("webinars.sqlite")
    with qtbot.assertNotEmitted(window.open_database_requested):
        qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible() and "postgresql://" in dialog.problem.text()
    with qtbot.waitSignal(window.open_database_requested) as opened:
        dialog.url_edit.setText(pg_url)
        qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    server: App = opened.args[0]
    assert server.on_server and stats.stats(server.uow()).series == 0
    server.close()


def test_a_server_that_is_not_there_leaves_the_open_database_open(
    demo_app: App, make_window: Build, qtbot: QtBot, pg_url: str
) -> None:
    window = make_window(demo_app)
    missing = pg_url.replace("/test_", "/webinars_", 1)
    with qtbot.assertNotEmitted(window.open_database_requested):
        window.databases.open_server(missing)
    box = window.databases.error_box
    assert box is not None and "does not exist on the server" in box.text()
    assert window.app is demo_app and stats.stats(demo_app.uow()).sessions == 4
