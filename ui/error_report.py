"""Uncaught exceptions while the window is up: logged with their traceback, then shown once in
plain words ("Something went wrong — the log is at …") with Copy details, never a silent death."""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app import app_log


class CrashDialog(QDialog):
    """Says that something went wrong and where the log is; copies the details on request."""

    def __init__(self, log_file: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details: list[str] = []
        self.setWindowTitle("Webinar Desk")
        where = f"the log is at {log_file}" if log_file else "no log could be written"
        self.headline = QLabel(f"<b>Something went wrong — {where}</b>")
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.headline.setWordWrap(True)
        text = QLabel(
            "Webinar Desk keeps running, and what you saved is safe. If something looks "
            "wrong, close the app and open it again. To report the problem, press Copy "
            "details and paste them into your message."
        )
        text.setWordWrap(True)
        self.copied = QLabel()
        self.copy_button = QPushButton("&Copy details")
        self.copy_button.clicked.connect(self.copy_details)
        self.folder_button = QPushButton("Open log &folder")
        self.folder_button.clicked.connect(open_log_folder)
        self.folder_button.setEnabled(bool(log_file))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(text)
        layout.addWidget(self.copied)
        layout.addWidget(buttons)
        self.resize(560, 200)

    def add(self, details: str) -> None:
        """Another report while the dialog is open: kept for Copy details."""
        self.details.append(details)
        self.copied.setText(
            f"{len(self.details)} problems so far." if len(self.details) > 1 else ""
        )

    def copy_details(self) -> None:
        """Put every report on the clipboard (they are not shown: they may hold data)."""
        QGuiApplication.clipboard().setText("\n".join(self.details))
        self.copied.setText("The details are on the clipboard.")


def open_log_folder() -> None:
    """Show the folder of the log in the system's file manager."""
    folder = app_log.log_file()
    target = folder.parent if folder is not None else app_log.log_dir()
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))


class ErrorReporter(QObject):
    """sys.excepthook for the window: logs, then shows the dialog on the GUI thread."""

    # One uncaught exception: its one-line summary and details (queued from any thread).
    reported = Signal(str, str)

    def __init__(self, window: Callable[[], QWidget | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self.dialog: CrashDialog | None = None
        self.reported.connect(self._show)

    def hook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        """Log an uncaught exception and report it (safe to call from any thread)."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        app_log.log_uncaught(kind, error, trace)
        details = "".join(traceback.format_exception(kind, error, trace))
        self.reported.emit(app_log.crash_line(kind), details)

    def install(self) -> None:
        """Become sys.excepthook; other threads' exceptions come here too."""
        sys.excepthook = self.hook
        threading.excepthook = lambda args: (
            self.hook(args.exc_type, args.exc_value, args.exc_traceback)
            if args.exc_value is not None
            else None
        )

    def _show(self, line: str, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add(details)  # one dialog, however many reports
            return
        window = self._window()
        if window is None:
            print(f"webinar-desk: error: {line}", file=sys.stderr)
            return
        where = app_log.log_file()
        self.dialog = CrashDialog(str(where) if where is not None else "", window)
        self.dialog.add(details)
        self.dialog.open()
