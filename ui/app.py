"""Starts the desktop app: QApplication, database, main window."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from desktop_app.resources import resource
from ui.error_report import ErrorReporter
from ui.qt_guard import broken_pairing
from ui.window.database_commands import LAST_DATABASE

if TYPE_CHECKING:
    from desktop_app.bootstrap import App
    from ui.window.main_window import MainWindow


def make_qt_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names QSettings uses and the app icon."""
    existing = QApplication.instance()
    qt_app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    qt_app.setOrganizationName("WebinarDesk")
    qt_app.setApplicationName("Webinar Desk")
    qt_app.setWindowIcon(QIcon(str(resource("icons", "app.svg"))))
    return qt_app


def remembered_database(db: str | None) -> str | None:
    """--db, else $WEBINAR_DESK_DB, else the database open when the app last closed."""
    if db or os.environ.get("WEBINAR_DESK_DB"):
        return db
    last = str(QSettings().value(LAST_DATABASE) or "")
    return last if "://" in last or (last and Path(last).is_file()) else None


def open_main_window(db: str | None = None, app: App | None = None) -> MainWindow:
    """A main window on an open database (app), or one that opens db right after it is
    first shown.

    Opening the database (and importing SQLAlchemy) after the first paint makes the window
    appear in about the time of an empty one; a database that cannot be opened at start is
    reported in the window, which then closes. File › Open database opens the new database
    before this window goes, so a file that is not one leaves this window as it was.
    """
    from ui.window.main_window import MainWindow

    window = MainWindow(app=app, db=db)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def change_over(opened: App) -> None:
        replacement = open_main_window(app=opened)
        replacement.show()
        window.close()

    window.open_database_requested.connect(change_over)
    return window


def _no_display() -> str | None:
    """A sentence when Linux has no screen to open a window on (Qt would abort instead)."""
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        return (
            "there is no display to open the window on; start it from a desktop, under "
            "xvfb-run, or with QT_QPA_PLATFORM=offscreen (commands work without one: "
            "see --help)"
        )
    return None


def run_app(db: str | None = None) -> int:
    """Open the main window and run until the last window closes; returns exit status."""
    problem = broken_pairing() or _no_display()
    if problem:
        print(f"webinar-desk: error: {problem}", file=sys.stderr)
        return 1
    qt_app = make_qt_app()
    # Uncaught exceptions from here on: logged, and shown once in the window.
    ErrorReporter(shown_window, qt_app).install()
    quit_on_interrupt(qt_app)
    window = open_main_window(remembered_database(db))
    window.show()
    return qt_app.exec()


def quit_on_interrupt(qt_app: QApplication) -> QTimer:
    """Ctrl+C in the terminal (SIGINT) closes the windows, as File › Quit would; a second
    one quits at once. Qt's event loop never hands control to Python by itself, so a
    timer wakes it four times a second to run the handler."""
    seen = False

    def interrupted(*_: object) -> None:
        nonlocal seen
        if seen:
            qt_app.quit()
        seen = True
        qt_app.closeAllWindows()

    signal.signal(signal.SIGINT, interrupted)
    timer = QTimer(qt_app)
    timer.timeout.connect(lambda: None)
    timer.start(250)
    return timer


def shown_window() -> QWidget | None:
    """The main window on screen (the newest, after File › Open database), if any."""
    windows = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()
    ]
    return windows[-1] if windows else None
