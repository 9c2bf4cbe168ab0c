"""Looking after the open database file: Tools › Check the database, File › Restore from
backup…, and the band that says when the file is open read-only or damaged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from desktop_app.domain.errors import UserError
from ui.workers.background import TaskHandle, run_task

if TYPE_CHECKING:
    from desktop_app.bootstrap import App
    from desktop_app.domain.rows import CheckReport
    from ui.dialogs.restore_dialog import RestoreDialog
    from ui.window.shell import Shell


class NoticeBar(QWidget):
    """A band above the window's content for what the user must know about the database."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.label = QLabel()
        self.label.setObjectName("notice")
        self.label.setWordWrap(True)
        self.label.setStyleSheet(
            "#notice { background: #fff4ce; color: #3b2f00; padding: 6px 10px; "
            "border-bottom: 1px solid #e0c36a; }"
        )
        # The window's content moves into a column under the band (taken, not deleted).
        content = window.takeCentralWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.label)
        if content is not None:
            layout.addWidget(content, 1)
        window.setCentralWidget(self)

    def show_notice(self, text: str) -> None:
        """Show text (a read-only or damaged database); "" hides the band."""
        self.label.setText(text)
        self.label.setVisible(bool(text))


class DatabaseCare(QObject):
    """Checks the open database for damage and restores an automatic backup."""

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shell = shell
        self.notice_bar: NoticeBar | None = None
        self.task: TaskHandle[CheckReport] | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.message_box: QMessageBox | None = None

    @property
    def _app(self) -> App:
        app = self._shell.app
        assert app is not None, "database commands are enabled only on an open database"
        return app

    def show_notice(self, text: str) -> None:
        """Say under the toolbar what the user must know about the open database ("": hide)."""
        window = self._shell.widget()
        if self.notice_bar is None and text and isinstance(window, QMainWindow):
            self.notice_bar = NoticeBar(window)
        if self.notice_bar is not None:
            self.notice_bar.show_notice(text)

    def check(self) -> None:
        """Run SQLite's full integrity check on a worker thread, then say what it found."""
        from desktop_app.services import health

        app = self._app
        self._shell.status.set_busy(True, "Checking the database for damage…")
        self.task = run_task(
            lambda _job: health.check_database(app.engine, app.where, full=True),
            on_done=self._checked,
            on_failed=lambda text: self._tell("Check the database", text, warn=True),
            parent=self,
        )

    def _checked(self, report: CheckReport) -> None:
        from desktop_app.services import health

        if report.sound:
            self._tell(
                "Check the database",
                f"No damage found in {report.where} ({report.seconds:.1f} s).",
            )
            return
        path = self._app.path
        text = (
            health.damage_notice(path, list(report.problems))
            if path is not None
            else f"{report.where} is damaged: {report.problems[0]}"
        )
        self._tell("Check the database", text, warn=True)

    def choose_restore(self) -> None:
        """List the automatic backups; the chosen one replaces the database."""
        from desktop_app.services import backup_set
        from ui.dialogs.restore_dialog import RestoreDialog

        path = self._app.path
        if path is None:
            self._tell(
                "Restore",
                f"{self._app.where} is on a server: automatic backups are kept for database "
                "files only. Back the server's database up with File › Back up… (pg_dump); "
                "its administrator restores one with pg_restore (see docs/team-server.md).",
                warn=True,
            )
            return
        dialog = RestoreDialog(backup_set.list_backups(path), self._shell.widget())
        dialog.restore_requested.connect(self.restore)
        self.restore_dialog = dialog
        dialog.open()

    def restore(self, name: str) -> None:
        """Put a backup in place of the database, then reopen the window on it."""
        from desktop_app.services import health

        app = self._app
        if app.path is None or not self._shell.save_pending_edits():
            return
        held = app.lock is not None and app.lock.held
        try:
            restored, kept = health.restore_backup(app.engine, app.path, name, held)
        except UserError as error:
            self._tell("Restore", str(error), warn=True)
            return
        path = str(app.path)

        def reopen() -> None:
            # This copy lets go of the file first, or the reopened one would be a second,
            # read-only copy; the window then changes over to it.
            from desktop_app.bootstrap import open_app

            app.close()
            try:
                fresh = open_app(path)
            except UserError as error:
                self._tell("Restore", str(error), warn=True)
                return
            self._shell.request_database(fresh)

        self._tell(
            "Restore",
            f"Restored from the backup of {restored.taken_at.astimezone():%Y-%m-%d %H:%M}. "
            f"The database as it was is kept as {kept.name}.",
            then=reopen,
        )

    def _tell(self, title: str, text: str, warn: bool = False, then: object = None) -> None:
        self._shell.status.set_busy(False)
        icon = QMessageBox.Icon.Warning if warn else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, parent=self._shell.widget())
        if callable(then):
            box.finished.connect(lambda _result: then())
        self.message_box = box
        box.open()
