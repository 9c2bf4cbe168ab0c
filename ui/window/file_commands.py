"""The File menu's work: import (also by drag and drop), import history, export, back up,
and print a run of show."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_app.domain.errors import UserError
from ui import folders
from ui.changes import IMPORT, REGISTRANT, REGISTRATION, change
from ui.window.database_care import DatabaseCare

if TYPE_CHECKING:
    from desktop_app.bootstrap import App
    from desktop_app.domain.import_rows import ImportReport
    from ui.dialogs.export_dialog import ExportDialog
    from ui.dialogs.import_dialog import ImportDialog
    from ui.dialogs.import_history import ImportHistoryDialog
    from ui.tabs.sessions_tab import SessionsTab
    from ui.window.series_commands import SeriesCommands
    from ui.window.shell import Shell

IMPORTED = [IMPORT, REGISTRANT, REGISTRATION]  # an import or its undoing reshapes all three


class FileCommands(QObject):
    """Opens the file dialogs and the import, history and export dialogs."""

    def __init__(self, shell: Shell, series: SeriesCommands, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shell, self._series = shell, series
        self.file_dialog: QFileDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.history_dialog: ImportHistoryDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.error_box: QMessageBox | None = None
        self.care = DatabaseCare(shell, self)  # check, restore, the read-only band

    @property
    def _app(self) -> App:
        app = self._shell.app
        assert app is not None, "file commands are enabled only on an open database"
        return app

    def _sessions_tab(self) -> SessionsTab:
        from ui.tabs.sessions_tab import SessionsTab

        return self._shell.tab(SessionsTab)

    def _ask_for_file(self, dialog: QFileDialog, chosen: object) -> None:
        dialog.fileSelected.connect(chosen)
        self.file_dialog = dialog
        dialog.open()

    # Back up ------------------------------------------------------------------------------

    def choose_backup(self) -> None:
        """Ask where to save a copy of the database, then write it."""
        path = self._app.path
        # A server database is saved with pg_dump in its custom format (.dump).
        suffix, kind = ("sqlite", "SQLite databases") if path else ("dump", "PostgreSQL dumps")
        name = f"webinar-desk-backup-{date.today():%Y-%m-%d}.{suffix}"
        dialog = folders.file_dialog(
            self._shell.widget(),
            folders.BACKUP,
            "Back up the database",
            name,
            f"{kind} (*.{suffix})",
            fallback=path.parent if path else None,
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix)
        self._ask_for_file(dialog, lambda target: self.back_up_to(Path(target)))

    def back_up_to(self, target: Path) -> None:
        """Write a copy of the open database to target and say where it went."""
        from desktop_app.services.backups import back_up

        try:
            back_up(self._app.url, target)
        except UserError as error:
            self._warn("Back up", str(error))
            return
        self._shell.status.show_status(f"Backed up to {target}.")

    # Import ------------------------------------------------------------------------------

    def choose_import(self) -> None:
        """Pick a file to import (non-blocking dialog; in Downloads the first time)."""
        dialog = folders.file_dialog(
            self._shell.widget(),
            folders.IMPORT,
            "Import registrations or attendance",
            name_filter="Spreadsheets (*.csv *.tsv *.txt *.xlsx);;All files (*)",
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        self._ask_for_file(dialog, lambda path: self.import_file(Path(path)))

    def import_file(self, path: Path, session_id: int | None = None) -> None:
        """Open the import preview for a file, into a session of the current series."""
        from desktop_app.services import sessions
        from ui.dialogs.import_dialog import ImportDialog

        series_id = self._series.current_id()
        rows = sessions.list_sessions(self._app.uow(), series_id) if series_id else []
        if not rows:
            self._shell.status.show_status(
                "Add a session first: an import brings people into a session."
            )
            return
        if session_id is None:
            session_id = self._session_in_view()
        dialog = ImportDialog(self._app, path, rows, session_id, self._shell.widget())
        dialog.imported.connect(self._imported)
        self.import_dialog = dialog
        dialog.open()

    def _session_in_view(self) -> int | None:
        """The session the user is looking at: selected on Sessions, or the Attendees
        tab's session filter (so an import goes where the user is, not to the oldest)."""
        from ui.tabs.attendees_tab import AttendeesTab

        current = self._shell.current_tab()
        sessions_tab = self._sessions_tab()
        if current is sessions_tab:
            selected = sessions_tab.selected()
            return selected.id if selected else None
        if isinstance(current, AttendeesTab):
            chosen = current.session_combo.currentData()
            return int(chosen) if isinstance(chosen, int) and chosen > 0 else None
        return None

    def _imported(self, report: ImportReport, session_ids: list[int]) -> None:
        self._shell.edits.announce(change(*IMPORTED, reshaped=IMPORTED, session=session_ids))
        self._shell.status.show_status(f"Imported {report.file_name}.")

    def show_import_history(self) -> None:
        """List imports with Undo import."""
        from ui.dialogs.import_history import ImportHistoryDialog

        dialog = ImportHistoryDialog(self._app, self._shell.widget())
        dialog.undone.connect(
            lambda _batch: self._shell.edits.announce(change(*IMPORTED, reshaped=IMPORTED))
        )
        self.history_dialog = dialog
        dialog.open()

    def accepts_drop(self, event: QDragEnterEvent) -> bool:
        """A dragged file can be dropped to import it once a database is open."""
        return self._shell.app is not None and any(u.isLocalFile() for u in event.mimeData().urls())

    def drop(self, event: QDropEvent, window: QWidget) -> None:
        """Import a dropped file; dropped on a session's row, into that session."""
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not files or self._shell.app is None:
            return
        event.acceptProposedAction()
        tab = self._sessions_tab()
        spot = tab.view.viewport().mapFrom(window, event.position().toPoint())
        index = tab.view.indexAt(spot)
        on_row = tab.view.isVisible() and index.isValid()
        self.import_file(files[0], tab.model.row_at(index.row()).id if on_row else None)

    # Export and print ----------------------------------------------------------------------

    def show_export(self) -> None:
        """Export registrants of the current series for a partner."""
        self._open_export(None)

    def export_people(self, registrant_ids: list[int]) -> None:
        """Export only these registrants (selected on the Attendees tab)."""
        self._open_export(list(registrant_ids))

    def _open_export(self, registrant_ids: list[int] | None) -> None:
        from desktop_app.services import sessions
        from ui.dialogs.export_dialog import ExportDialog

        series_id = self._series.current_id()
        if series_id is None:
            self._shell.status.show_status("Choose or create a series first.")
            return
        rows = sessions.list_sessions(self._app.uow(), series_id)
        dialog = ExportDialog(self._app, series_id, rows, self._shell.widget(), registrant_ids)
        dialog.exported.connect(lambda path: self._shell.status.show_status(f"Exported to {path}."))
        self.export_dialog = dialog
        dialog.open()

    def print_run_of_show(self) -> None:
        """Open the run of show of the selected session (Sessions tab)."""
        tab = self._sessions_tab()
        self._shell.select_tab(tab)
        tab.open_run_of_show()

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self._shell.widget())
        self.error_box = box
        box.open()
