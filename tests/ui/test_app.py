"""Ctrl+C in the terminal closes the window instead of being ignored."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from ui.app import quit_on_interrupt
from ui.window.main_window import MainWindow


def test_sigint_closes_the_windows(
    demo_app: App, make_window: Callable[[App], MainWindow], qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    before = signal.getsignal(signal.SIGINT)
    timer = quit_on_interrupt(qt_app)
    try:
        assert timer.isActive()
        # From another thread, as a terminal would: Qt's event loop holds the main thread,
        # and only the timer lets Python run the handler.
        threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT)).start()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    finally:
        timer.stop()
        signal.signal(signal.SIGINT, before)
