"""The copy dialogs' screenshots (File › Copy this database to a server… and its progress),
for take_screenshots.py."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QThreadPool
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop_app.services.copy_db import CopyReport
    from ui.dialogs.copy_dialog import CopyDialog
    from ui.window.main_window import MainWindow
    from ui.workers.background import Job

SERVER = "postgresql://webinars@db.office.example/webinars"


def _copy_to_server(window: MainWindow) -> QWidget | None:
    """File › Copy this database to a server…, the URL typed in."""
    window.menus.copy_to_server.trigger()
    dialog = window.copies.server_dialog
    assert dialog is not None
    dialog.url_edit.setText(SERVER)
    return dialog


def _copy_dialog(window: MainWindow, title: str, heading: str, open_text: str) -> CopyDialog:
    from ui.dialogs.copy_dialog import CopyDialog

    dialog = CopyDialog(title, heading, open_text, window)
    window.copies.copy_dialog = dialog
    dialog.open()
    return dialog


def _copy_under_way(window: MainWindow) -> QWidget | None:
    """A copy up to a server part of the way through (held there until Cancel)."""
    from desktop_app.services.copy_db import CopyCancelled
    from desktop_app.services.server_copies import server_name

    assert window.app is not None
    heading = f"Copying {window.app.name} to {server_name(SERVER)}."
    dialog = _copy_dialog(
        window, "Copy this database to a server", heading, "&Open the server database"
    )

    def held(job: Job) -> CopyReport:
        job.report(120_000, 316_839)
        while not job.cancelled:
            time.sleep(0.05)
        raise CopyCancelled("the copy was cancelled; nothing was copied")

    dialog.start(held)
    return dialog


def _copy_ended(window: MainWindow, into: Path) -> QWidget | None:
    """A real copy of the open database into a new file, shown once it has ended."""
    from desktop_app.services.server_copies import save_as_file

    app = window.app
    assert app is not None
    heading = f"Copying {app.name} to {into}."
    dialog = _copy_dialog(window, "Save a copy as a file", heading, "&Open the copy")
    loop = QEventLoop()
    dialog.copied.connect(loop.quit)
    dialog.failed.connect(loop.quit)
    dialog.start(lambda job: save_as_file(app.engine, app.name, into, job.keep_going))
    loop.exec()
    return dialog


def _copy_done(window: MainWindow) -> QWidget | None:
    folder = Path(tempfile.mkdtemp(prefix="webinar-desk-shots-"))
    return _copy_ended(window, folder / "trip.sqlite")


def _copy_refused(window: MainWindow) -> QWidget | None:
    taken = Path(tempfile.mkdtemp(prefix="webinar-desk-shots-")) / "trip.sqlite"
    taken.write_bytes(b"")
    return _copy_ended(window, taken)


def _copy_closed(window: MainWindow) -> None:
    """Let a held copy stop (Cancel was pressed by closing) and close its dialog."""
    QThreadPool.globalInstance().waitForDone()
    QCoreApplication.sendPostedEvents()  # the copy's end reaches the dialog
    if window.copies.copy_dialog is not None:
        window.copies.copy_dialog.close()


COPY_SHOTS: list[
    tuple[str, Callable[[MainWindow], QWidget | None], Callable[[MainWindow], object]]
] = [
    ("copy-to-server", _copy_to_server, lambda _window: None),
    ("copy-progress", _copy_under_way, _copy_closed),
    ("copy-done", _copy_done, _copy_closed),
    ("copy-refused", _copy_refused, _copy_closed),
]
