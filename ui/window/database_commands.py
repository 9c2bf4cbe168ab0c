"""File › Open database…, New database… and Recent databases: the new database is opened
and checked first, and only then does it take the old one's place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from desktop_app.domain.errors import UserError

if TYPE_CHECKING:
    from desktop_app.bootstrap import App
    from ui.window.shell import Shell

LAST_DATABASE = "lastDatabase"  # the database to open at the next start
RECENT = "recentDatabases"
RECENT_COUNT = 8
FILTER = "Webinar Desk databases (*.sqlite *.db);;All files (*)"


def recent_databases() -> list[Path]:
    """The databases opened lately, newest first; files gone since are forgotten."""
    value = QSettings().value(RECENT, [])
    names = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    paths = [Path(str(name)) for name in names]
    existing = [path for path in paths if path.is_file()]
    if existing != paths:
        QSettings().setValue(RECENT, [str(path) for path in existing])
    return existing


def remember_database(path: Path) -> None:
    """Put a database at the top of the recent list."""
    path = path.resolve()
    paths = [path, *(p for p in recent_databases() if p.resolve() != path)]
    QSettings().setValue(RECENT, [str(p) for p in paths[:RECENT_COUNT]])


def remember_opened(app: App) -> None:
    """Remember the database a window opened: first among the recent ones, and the one to
    open at the next start (a server by its URL, never with a password)."""
    if app.path is not None:
        remember_database(app.path)
        QSettings().setValue(LAST_DATABASE, str(app.path))
    elif app.on_server:
        QSettings().setValue(LAST_DATABASE, app.location)


def clear_recent_databases() -> None:
    """Forget every recent database."""
    QSettings().setValue(RECENT, [])


class DatabaseCommands(QObject):
    """Chooses, creates and reopens database files for the window."""

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shell = shell
        self.file_dialog: QFileDialog | None = None
        self.error_box: QMessageBox | None = None
        self.recent_menu = QMenu("Recent &databases")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)

    def _folder(self) -> str:
        app = self._shell.app
        return str(app.path.parent if app is not None and app.path else Path.home())

    def choose_database(self) -> None:
        """Pick an existing database file (a new name is not accepted here)."""
        dialog = QFileDialog(self._shell.widget(), "Open database", self._folder(), FILTER)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.open_database)
        self.file_dialog = dialog
        dialog.open()

    def choose_new_database(self) -> None:
        """Pick a name for a new, empty database."""
        dialog = QFileDialog(
            self._shell.widget(),
            "New database",
            self._folder(),
            "Webinar Desk databases (*.sqlite)",
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("sqlite")
        # An existing file is refused with a sentence, never offered for replacing.
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
        dialog.selectFile("webinars.sqlite")
        dialog.fileSelected.connect(self.create_database)
        self.file_dialog = dialog
        dialog.open()

    def choose_server(self) -> None:
        """Ask for the URL of the team's server database; the window changes over to it
        once it has opened (a server that cannot be reached leaves this one open)."""
        from ui.dialogs.server_dialog import ServerDialog

        app = self._shell.app
        current = app.location if app is not None and app.on_server else ""
        dialog = ServerDialog(current, self._shell.widget())
        dialog.chosen.connect(self.open_server)
        self.server_dialog = dialog
        dialog.open()

    def open_server(self, url: str) -> None:
        """Open a server database by URL (its password from ~/.pgpass or the keyring)."""
        from desktop_app.bootstrap import open_app

        self._change_to(lambda: open_app(url), "Open server database")

    def open_database(self, path: str) -> None:
        """Open an existing database; the window changes over only once it has opened."""
        from desktop_app.bootstrap import open_existing

        self._change_to(lambda: open_existing(Path(path)), "Open database")

    def create_database(self, path: str) -> None:
        """Start a new database and change over to it."""
        from desktop_app.bootstrap import create_database

        self._change_to(lambda: create_database(Path(path)), "New database")

    def _change_to(self, open_it: Callable[[], App], title: str) -> None:
        if self._shell.app is not None and not self._shell.save_pending_edits():
            return
        try:
            app = open_it()
        except UserError as error:
            box = QMessageBox(
                QMessageBox.Icon.Warning, title, str(error), parent=self._shell.widget()
            )
            box.setInformativeText("The database open now stays open.")
            self.error_box = box
            box.open()
            return
        self._shell.request_database(app)

    def fill_recent_menu(self) -> None:
        """The recent databases (not the one open), then Clear list."""
        menu = self.recent_menu
        menu.clear()
        app = self._shell.app
        current = app.path.resolve() if app is not None and app.path else None
        paths = [p for p in recent_databases() if p.resolve() != current]
        for number, path in enumerate(paths, start=1):
            action = menu.addAction(f"&{number} {path.name} — {path.parent}")
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_database(str(p)))
        if not paths:
            menu.addAction("No other databases yet").setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction("&Clear list")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(clear_recent_databases)
