"""Starts the desktop app: QApplication, database, main window."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.domain.errors import UserError
from desktop_app.resources import resource
from ui.qt_guard import broken_pairing


def make_qt_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names QSettings uses and the app icon."""
    existing = QApplication.instance()
    qt_app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    qt_app.setOrganizationName("WebinarDesk")
    qt_app.setApplicationName("Webinar Desk")
    qt_app.setWindowIcon(QIcon(str(resource("icons", "app.svg"))))
    return qt_app


def run_app(db: str | None = None) -> int:
    """Open the main window on the database and run until it closes; returns exit status."""
    problem = broken_pairing()
    if problem:
        print(f"webinar-desk: error: {problem}", file=sys.stderr)
        return 1
    qt_app = make_qt_app()
    from desktop_app.bootstrap import open_app
    from ui.main_window import MainWindow

    try:
        app = open_app(db)
    except UserError as error:
        QMessageBox.critical(None, "Webinar Desk", f"{error}")
        return 1
    window = MainWindow(app)
    window.show()
    status = qt_app.exec()
    app.close()
    return status
