"""File › Copy this database to a server… and Save a copy of the server database as a file…:
the whole database copied in the background, then the offer to open the copy."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_app.domain.errors import UserError

if TYPE_CHECKING:
    from desktop_app.bootstrap import App
    from ui.dialogs.copy_dialog import CopyDialog
    from ui.dialogs.server_dialog import ServerDialog
    from ui.window.database_commands import DatabaseCommands
    from ui.window.shell import Shell

COPY_HINT = (
    "The URL of a new, empty database on your team's server, e.g. "
    "postgresql://webinars@db.office.example/webinars (create it with createdb; see "
    "docs/team-server.md). Everything in this database is copied there; a database that "
    "already holds anything is refused. The password comes from ~/.pgpass or the system "
    "keyring."
)


class CopyCommands(QObject):
    """Asks where to copy the open database and shows the copy's progress."""

    def __init__(
        self, shell: Shell, databases: DatabaseCommands, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._shell, self._databases = shell, databases
        self.server_dialog: ServerDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.copy_dialog: CopyDialog | None = None
        self.error_box: QMessageBox | None = None

    @property
    def _app(self) -> App:
        app = self._shell.app
        assert app is not None, "copies are offered only on an open database"
        return app

    def choose_server(self) -> None:
        """Ask for the URL of the empty server database to copy this one into."""
        from ui.dialogs.server_dialog import ServerDialog

        if not self._shell.save_pending_edits():
            return  # a copy without the edits on screen would surprise; the fields say why
        dialog = ServerDialog(
            "",
            self._shell.widget(),
            title="Copy this database to a server",
            action="&Copy",
            hint=COPY_HINT,
        )
        dialog.chosen.connect(self.copy_to_server)
        self.server_dialog = dialog
        dialog.open()

    def copy_to_server(self, url: str) -> None:
        """Copy the open database into the server database at url, showing the progress."""
        from desktop_app.services.server_copies import copy_to_server, server_name

        app = self._app
        try:
            target = server_name(url)
        except UserError as error:
            self._warn("Copy this database to a server", str(error))
            return
        dialog = self._progress(
            "Copy this database to a server",
            f"Copying {app.name} to {target}.",
            "&Open the server database",
        )
        dialog.open_requested.connect(lambda: self._databases.open_server(url))
        dialog.start(lambda job: copy_to_server(app.engine, app.name, url, job.keep_going))

    def choose_file(self) -> None:
        """Ask for the name of the new file to save the server database in."""
        if not self._shell.save_pending_edits():
            return
        name = f"webinar-desk-copy-{date.today():%Y-%m-%d}.sqlite"
        dialog = QFileDialog(
            self._shell.widget(),
            "Save a copy of the server database",
            str(Path.home() / name),
            "Webinar Desk databases (*.sqlite)",
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("sqlite")
        # An existing file is refused with a sentence, never offered for replacing.
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
        dialog.fileSelected.connect(lambda path: self.save_as_file(Path(path)))
        self.file_dialog = dialog
        dialog.open()

    def save_as_file(self, path: Path) -> None:
        """Copy the open (server) database into a new file at path, showing the progress."""
        from desktop_app.services.server_copies import save_as_file

        app = self._app
        dialog = self._progress(
            "Save a copy as a file", f"Copying {app.name} to {path}.", "&Open the copy"
        )
        dialog.open_requested.connect(lambda: self._databases.open_database(str(path)))
        dialog.start(lambda job: save_as_file(app.engine, app.name, path, job.keep_going))

    def _progress(self, title: str, heading: str, open_text: str) -> CopyDialog:
        from ui.dialogs.copy_dialog import CopyDialog

        dialog = CopyDialog(title, heading, open_text, self._shell.widget())
        self.copy_dialog = dialog
        dialog.open()
        return dialog

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self._shell.widget())
        self.error_box = box
        box.open()
