"""Qt fixtures: the application names QSettings needs, and a main window on a database."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject, QSettings, QThreadPool, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from ui.app import make_qt_app
from ui.window.main_window import MainWindow


@pytest.fixture(autouse=True)
def _no_background_work_left() -> Iterator[None]:
    """Let worker threads finish before the database is closed, so tests stay independent."""
    yield
    QThreadPool.globalInstance().waitForDone(20_000)


@pytest.fixture
def make_window(qtbot: QtBot) -> Callable[[App], MainWindow]:
    """Builds a shown main window on a database; qtbot closes it afterwards."""
    make_qt_app()
    # Qt fixes the settings file's place once per process: start each test from nothing.
    QSettings().clear()

    def build(app: App) -> MainWindow:
        window = MainWindow(app)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return build


class OpenedFolders(QObject):
    """Qt's handler for file:// addresses during a test: it notes the folders the app asks
    the desktop to open (Open folder) instead of starting a file manager."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.paths.append(url.toLocalFile())


@pytest.fixture
def opened_folders() -> Iterator[OpenedFolders]:
    """What Open folder buttons asked the desktop to show, in order."""
    make_qt_app()
    opened = OpenedFolders()
    QDesktopServices.setUrlHandler("file", opened, "open")
    yield opened
    QDesktopServices.unsetUrlHandler("file")
