"""Uncaught exceptions in the window: logged with their traceback, shown once, copyable."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop_app import app_log
from desktop_app.bootstrap import App
from ui.error_report import CrashDialog, ErrorReporter
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The app's log, configured in the test's folder."""
    written = app_log.configure(tmp_path / "logs")
    assert written is not None
    yield written
    app_log.stop()


@pytest.fixture
def installed_hooks() -> Iterator[None]:
    """Put back whatever excepthooks were there (pytest's own) after the test."""
    hooks = sys.excepthook, threading.excepthook
    yield
    sys.excepthook, threading.excepthook = hooks


def report(reporter: ErrorReporter, error: Exception) -> None:
    try:
        raise error
    except Exception as caught:
        reporter.hook(type(caught), caught, caught.__traceback__)


def shown_text(dialog: CrashDialog) -> str:
    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_one_dialog_says_where_the_log_is_and_copies_details(
    demo_app: App, make_window: Build, qtbot: QtBot, log_file: Path
) -> None:
    window = make_window(demo_app)
    reporter = ErrorReporter(lambda: window, window)
    report(reporter, KeyError("ann@example.org"))
    dialog = reporter.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert f"Something went wrong — the log is at {log_file}" in dialog.headline.text()
    assert "ann@example.org" not in shown_text(dialog)  # details stay off the screen
    report(reporter, ValueError("second"))
    assert reporter.dialog is dialog  # one dialog, however many reports
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "KeyError: 'ann@example.org'" in copied and "ValueError: second" in copied
    assert "in report" in copied  # the traceback
    logged = log_file.read_text(encoding="utf-8")
    assert "uncaught KeyError" in logged and "uncaught ValueError" in logged
    assert "in report" in logged


def test_an_exception_in_a_slot_or_a_thread_reaches_the_dialog(
    demo_app: App, make_window: Build, qtbot: QtBot, log_file: Path, installed_hooks: None
) -> None:
    window = make_window(demo_app)
    reporter = ErrorReporter(lambda: window, window)
    reporter.install()

    def broken_slot() -> None:
        raise RuntimeError("a bug in a slot")

    with qtbot.waitSignal(reporter.reported, timeout=5000):
        QTimer.singleShot(0, broken_slot)
    assert reporter.dialog is not None and reporter.dialog.isVisible()

    def broken_thread() -> None:
        raise LookupError("a bug on a thread")

    with qtbot.waitSignal(reporter.reported, timeout=5000):
        worker = threading.Thread(target=broken_thread)
        worker.start()
        worker.join()
    assert len(reporter.dialog.details) == 2
    assert "LookupError: a bug on a thread" in reporter.dialog.details[1]
    assert "in broken_thread" in log_file.read_text(encoding="utf-8")


def test_without_a_window_the_line_goes_to_stderr(
    qtbot: QtBot, log_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reporter = ErrorReporter(lambda: None)
    with qtbot.waitSignal(reporter.reported):
        report(reporter, KeyError("x"))
    assert capsys.readouterr().err == (
        f"webinar-desk: error: Something went wrong (KeyError); the log is at {log_file}.\n"
    )


class _Opened(QObject):
    """Stands in for the desktop's file manager: remembers the folders asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_help_opens_the_log_folder(demo_app: App, make_window: Build, log_file: Path) -> None:
    window = make_window(demo_app)
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        window.menus.log_folder.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(u.toLocalFile()) for u in opened.urls] == [log_file.parent]
    assert window.menus.log_folder in window.menuBar().actions()[-1].menu().actions()
