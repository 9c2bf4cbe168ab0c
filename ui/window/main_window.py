"""The main window: series picker, the three tabs, menus and a status bar with counts.

The window paints before the database and its libraries are loaded (start() does that
right after), so that launching feels instant even with 100,000 registrants.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.domain.errors import UserError
from desktop_app.domain.records import SeriesData
from ui.dialogs.confirm import ask_to_delete
from ui.dialogs.series_dialog import SeriesDialog
from ui.editors.forms import attempt
from ui.icons import icon
from ui.workers.background import run_in_background

if TYPE_CHECKING:
    from desktop_app.bootstrap import App
    from ui.edits import Edits
    from ui.tabs.attendees_tab import AttendeesTab
    from ui.tabs.sessions_tab import SessionsTab
    from ui.tabs.speakers_tab import SpeakersTab

STATUS_MS = 5000


class MainWindow(QMainWindow):
    """Shows one series at a time in three tabs: Sessions, Speakers, Attendees."""

    open_database_requested = Signal(str)  # a path chosen with File > Open database…

    def __init__(self, app: App | None = None, db: str | None = None) -> None:
        """A window on an open database (app), or one that opens db once shown."""
        super().__init__()
        self._db = db
        self._opening = False
        self.setWindowTitle("Webinar Desk")
        self.setMinimumSize(760, 480)
        self.setAcceptDrops(True)  # a dropped file starts an import

        self.series_picker = QComboBox()
        self.series_picker.setMinimumContentsLength(30)
        self.series_picker.setAccessibleName("Series")
        self.series_picker.currentIndexChanged.connect(self._series_changed)
        toolbar = QToolBar("Series")
        toolbar.setObjectName("seriesToolbar")
        toolbar.setMovable(False)
        series_label = QLabel("&Series: ")
        series_label.setBuddy(self.series_picker)
        toolbar.addWidget(series_label)
        toolbar.addWidget(self.series_picker)
        self.addToolBar(toolbar)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for name in ("Sessions", "Speakers", "Attendees"):
            waiting = QLabel("Opening the database…")
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tabs.addTab(waiting, name)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._empty_page())
        self.pages.addWidget(self.tabs)
        self.pages.setCurrentIndex(1)
        self.setCentralWidget(self.pages)
        self.counts_label = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # "working", without a percentage
        self.busy.setMaximumWidth(140)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.counts_label)
        self._build_menus()
        self._set_ready(False)
        self._restore_geometry()
        if app is not None:
            self.start(app)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not hasattr(self, "_app") and not self._opening:
            # Open the database after this first paint, not before it.
            self._opening = True
            QTimer.singleShot(0, self.open_database)

    def open_database(self) -> None:
        """Open the database named at construction and fill the window."""
        if hasattr(self, "_app"):
            return
        self._opening = True
        self.statusBar().showMessage("Opening the database…")
        from desktop_app.bootstrap import open_app

        try:
            app = open_app(self._db)
        except UserError as error:
            self.statusBar().clearMessage()
            box = QMessageBox(QMessageBox.Icon.Critical, "Webinar Desk", str(error), parent=self)
            box.finished.connect(self.close)
            self.error_box = box
            box.open()
            return
        self.statusBar().clearMessage()
        self.start(app)

    def start(self, app: App) -> None:
        """Build the tabs on an open database and show its first series."""
        from ui.edits import Edits
        from ui.tabs.attendees_tab import AttendeesTab
        from ui.tabs.sessions_tab import SessionsTab
        from ui.tabs.speakers_tab import SpeakersTab

        self._app = app
        self.setWindowTitle(f"Webinar Desk — {app.path.name if app.path else app.url}")
        self.edits: Edits = Edits(app, self)
        self.sessions_tab: SessionsTab = SessionsTab(self.edits)
        self.speakers_tab: SpeakersTab = SpeakersTab(self.edits)
        self.attendees_tab: AttendeesTab = AttendeesTab(self.edits)
        current = int(QSettings().value("mainWindow/tab", 0))
        while self.tabs.count():
            self.tabs.removeTab(0)
        self.tabs.addTab(self.sessions_tab, "Sessions")
        self.tabs.addTab(self.speakers_tab, "Speakers")
        self.tabs.addTab(self.attendees_tab, "Attendees")
        for tab in (self.sessions_tab, self.speakers_tab, self.attendees_tab):
            tab.status_message.connect(self.show_status)
        for view in (self.sessions_tab.view, self.speakers_tab.view, self.attendees_tab.view):
            view.addAction(self.delete_action)
        self.edits.stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.edits.stack.canRedoChanged.connect(self.redo_action.setEnabled)
        # Bound methods, not lambdas: Qt drops them when the window is destroyed.
        self.edits.stack.undoTextChanged.connect(self._undo_text_changed)
        self.edits.stack.redoTextChanged.connect(self._redo_text_changed)
        self.edits.changed.connect(self.refresh)
        self.edits.failed.connect(self._show_failure)
        self._restore_splitters()
        self.tabs.setCurrentIndex(current)
        self._set_ready(True)
        self.reload_series()

    def show_status(self, text: str) -> None:
        """A passing message in the status bar."""
        self.statusBar().showMessage(text, STATUS_MS)

    def _undo_text_changed(self, text: str) -> None:
        self.undo_action.setText(f"&Undo {text}".strip())

    def _redo_text_changed(self, text: str) -> None:
        self.redo_action.setText(f"&Redo {text}".strip())

    def _set_ready(self, ready: bool) -> None:
        """Enable what needs an open database."""
        for action in self._data_actions:
            action.setEnabled(ready)
        self.undo_action.setEnabled(ready and self.edits.stack.canUndo() if ready else False)
        self.redo_action.setEnabled(ready and self.edits.stack.canRedo() if ready else False)

    # Building ------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | str | None = None,
        icon_name: str = "",
    ) -> QAction:
        action = QAction(icon(icon_name), text, self) if icon_name else QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        """File, Edit, View and Help menus with the platform's standard shortcuts."""
        keys = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu("&File")
        self.new_series_action = self._action(
            "&New series…", self.new_series, keys.New, "new-series"
        )
        self.edit_series_action = self._action("&Edit series…", self.edit_series)
        self.delete_series_action = self._action("Delete series…", self.delete_series)
        file_menu.addActions(
            [self.new_series_action, self.edit_series_action, self.delete_series_action]
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action("&Open database…", self.choose_database, keys.Open, "open")
        )
        self.import_action = self._action("&Import…", self.choose_import, "Ctrl+I", "import")
        self.history_action = self._action("Import &history…", self.show_import_history)
        self.export_action = self._action("&Export…", self.show_export, "Ctrl+E", "export")
        self.print_action = self._action(
            "&Print run of show…", self.print_run_of_show, keys.Print, "print"
        )
        self.backup_action = self._action("&Back up…", self.choose_backup, None, "backup")
        file_menu.addSeparator()
        file_menu.addActions(
            [self.import_action, self.history_action, self.export_action, self.print_action]
        )
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        self.load_demo_action = self._action("Load &demo series", self.load_demo)
        file_menu.addAction(self.load_demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, keys.Quit))

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self._action("&Undo", lambda: self.edits.stack.undo(), keys.Undo, "undo")
        self.redo_action = self._action("&Redo", lambda: self.edits.stack.redo(), None, "redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(keys.Redo)])
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        self.find_action = self._action("&Find attendees", self.find, keys.Find, "find")
        self.delete_action = self._action("&Delete…", self.delete_selected, keys.Delete, "delete")
        # Del must still delete text inside line edits: only fire when a table has focus.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        edit_menu.addActions([self.find_action, self.delete_action])

        view_menu = self.menuBar().addMenu("&View")
        for index, name in enumerate(("&Sessions", "S&peakers", "&Attendees")):
            view_menu.addAction(
                self._action(
                    name, lambda _=False, i=index: self.tabs.setCurrentIndex(i), f"Ctrl+{index + 1}"
                )
            )

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&About Webinar Desk", self._about))
        self._data_actions = [
            self.new_series_action,
            self.edit_series_action,
            self.delete_series_action,
            self.load_demo_action,
            self.find_action,
            self.delete_action,
            self.backup_action,
            self.import_action,
            self.history_action,
            self.export_action,
            self.print_action,
        ]
        toolbar = self.findChild(QToolBar, "seriesToolbar")
        toolbar.addSeparator()
        toolbar.addActions(
            [self.new_series_action, self.undo_action, self.redo_action, self.find_action]
        )

    def _empty_page(self) -> QWidget:
        """What a new database shows: an offer to load the demo series."""
        heading = QLabel("No webinar series yet")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        heading.setFont(font)
        # Explicit line breaks: a word-wrapped label in a centred layout gets too little height.
        text = QLabel(
            "Try Webinar Desk with the demo series “Procurement with a Purpose”:\n"
            "four sessions, thirteen speakers and a few hundred registrants."
        )
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.demo_button = QPushButton("Load the demo series")
        self.demo_button.setDefault(True)
        self.demo_button.clicked.connect(self.load_demo)
        self.empty_new_button = QPushButton("Start a new series…")
        self.empty_new_button.clicked.connect(self.new_series)
        card = QWidget()
        card_layout = QVBoxLayout(card)
        card_layout.setSpacing(12)
        card_layout.addWidget(heading, 0, Qt.AlignmentFlag.AlignHCenter)
        card_layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        card_layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignHCenter)
        card_layout.addWidget(self.empty_new_button, 0, Qt.AlignmentFlag.AlignHCenter)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    # Series ------------------------------------------------------------------------------

    def reload_series(self) -> None:
        """Refill the series picker, keeping the selected series when it still exists."""
        from desktop_app.services import series

        previous = self.current_series_id()
        rows = series.list_series(self._app.uow())
        self.series_picker.blockSignals(True)
        self.series_picker.clear()
        for row in rows:
            self.series_picker.addItem(row.title, row.id)
        found = self.series_picker.findData(previous) if previous is not None else -1
        self.series_picker.setCurrentIndex(found if found >= 0 else (0 if rows else -1))
        self.series_picker.blockSignals(False)
        self.pages.setCurrentIndex(1 if rows else 0)
        for action in (self.edit_series_action, self.delete_series_action):
            action.setEnabled(bool(rows))
        self._series_changed()

    def current_series_id(self) -> int | None:
        """Id of the series being shown, if any."""
        value = self.series_picker.currentData()
        return int(value) if value is not None else None

    def select_series(self, series_id: int) -> None:
        """Show a series by id."""
        found = self.series_picker.findData(series_id)
        if found >= 0:
            self.series_picker.setCurrentIndex(found)

    def _series_changed(self) -> None:
        if not hasattr(self, "_app") or not self.save_pending_edits():
            return
        self.refresh()

    def refresh(self) -> None:
        """Reload every tab for the current series, keeping tab and selections."""
        from desktop_app.services import series, stats

        titles = {row.id: row.title for row in series.list_series(self._app.uow())}
        if set(titles) != {
            self.series_picker.itemData(i) for i in range(self.series_picker.count())
        } or any(
            self.series_picker.itemText(i) != titles.get(self.series_picker.itemData(i))
            for i in range(self.series_picker.count())
        ):
            self.reload_series()  # a series came, went or was renamed (also by undo)
            return
        series_id = self.current_series_id()
        for tab in (self.sessions_tab, self.speakers_tab, self.attendees_tab):
            tab.refresh(series_id)
        if series_id is None:
            self.counts_label.clear()
            return
        counts = stats.stats(self._app.uow())
        self.counts_label.setText(
            f"{self.sessions_tab.model.rowCount()} sessions · "
            f"{self.speakers_tab.model.rowCount()} speakers · "
            f"{counts.registrants:,} registrants in the database"
        )

    def new_series(self) -> None:
        """Ask for a new series' details, save it and show it."""
        dialog = SeriesDialog(None, self)
        dialog.accepted_data.connect(lambda data: self._save_series(dialog, None, data))
        self.series_dialog = dialog
        dialog.open()

    def edit_series(self) -> None:
        """Edit the current series' details."""
        series_id = self.current_series_id()
        if series_id is None:
            return
        from desktop_app.services import series

        row = series.get_series(self._app.uow(), series_id)
        dialog = SeriesDialog(row, self)
        dialog.accepted_data.connect(
            lambda data: self._save_series(dialog, series_id, data, row.version)
        )
        self.series_dialog = dialog
        dialog.open()

    def _save_series(
        self, dialog: SeriesDialog, series_id: int | None, data: SeriesData, seen: int = 0
    ) -> None:
        saved: dict[str, int] = {}

        def save() -> None:
            if series_id is None:
                saved["id"] = self.edits.create_series(data)
            else:
                self.edits.update_series(series_id, data, seen)
                saved["id"] = series_id

        if not attempt(dialog.problems, save):
            return
        dialog.accept()
        self.reload_series()
        self.select_series(saved["id"])

    def delete_series(self) -> None:
        """Ask, saying what goes with it, then delete the current series."""
        series_id = self.current_series_id()
        if series_id is None:
            return
        from desktop_app.services import snapshots

        snap = snapshots.capture(self._app.uow(), "series", [series_id])
        self.delete_box = ask_to_delete(
            self,
            "Delete series",
            f"Delete the series “{self.series_picker.currentText()}”?",
            f"Its {snap.count('sessions')} sessions go with it, with "
            f"{snap.count('registrations'):,} registrations and "
            f"{snap.count('session_speakers')} speaker parts; registrants and speakers stay.",
            lambda: self.edits.delete_series(series_id),
        )

    def load_demo(self) -> None:
        """Add the demo series on a worker thread, then show it."""
        from desktop_app.services import demo

        self.load_demo_action.setEnabled(False)
        self.demo_button.setEnabled(False)
        self.busy.show()
        self.statusBar().showMessage("Loading the demo series…")
        self.demo_task = run_in_background(lambda: demo.load_demo(self._app.uow()), self)
        self.demo_task.done.connect(self._demo_loaded)
        self.demo_task.failed.connect(self._demo_failed)

    def _demo_loaded(self, result: object) -> None:
        self._demo_finished()
        self.reload_series()
        self.select_series(getattr(result, "series_id", -1))
        self.show_status("Demo series loaded.")

    def _demo_failed(self, text: str) -> None:
        self._demo_finished()
        box = QMessageBox(QMessageBox.Icon.Warning, "Demo series", text, parent=self)
        self.error_box = box
        box.open()

    def _demo_finished(self) -> None:
        self.busy.hide()
        self.statusBar().clearMessage()
        self.load_demo_action.setEnabled(True)
        self.demo_button.setEnabled(True)

    # Edit menu -----------------------------------------------------------------------

    def find(self) -> None:
        """Jump to the attendee filter."""
        self.tabs.setCurrentWidget(self.attendees_tab)
        self.attendees_tab.filter_edit.setFocus()
        self.attendees_tab.filter_edit.selectAll()

    def delete_selected(self) -> None:
        """Delete what is selected in the current tab (after asking)."""
        tab = self.tabs.currentWidget()
        delete = getattr(tab, "delete_selected", None)
        if delete is not None:
            delete()

    def _show_failure(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Undo", text, parent=self)
        box.open()

    # Database --------------------------------------------------------------------------

    def choose_database(self) -> None:
        """Pick another database file; the app reopens on it."""
        path = self._app.path if hasattr(self, "_app") else None
        dialog = QFileDialog(
            self,
            "Open database",
            str(path.parent if path else Path.home()),
            "Webinar Desk databases (*.sqlite *.db);;All files (*)",
        )
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.fileSelected.connect(self.open_database_requested.emit)
        self.file_dialog = dialog
        dialog.open()

    # Import ------------------------------------------------------------------------------

    def choose_import(self) -> None:
        """Pick a file to import (non-blocking dialog)."""
        dialog = QFileDialog(
            self,
            "Import registrations or attendance",
            str(Path.home()),
            "Spreadsheets (*.csv *.tsv *.txt *.xlsx);;All files (*)",
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.import_file(Path(path)))
        self.file_dialog = dialog
        dialog.open()

    def import_file(self, path: Path, session_id: int | None = None) -> None:
        """Open the import preview for a file, into a session of the current series."""
        from desktop_app.services import sessions
        from ui.dialogs.import_dialog import ImportDialog

        series_id = self.current_series_id()
        rows = sessions.list_sessions(self._app.uow(), series_id) if series_id else []
        if not rows:
            self.show_status("Add a session first: an import brings people into a session.")
            return
        if session_id is None and self.tabs.currentWidget() is self.sessions_tab:
            selected = self.sessions_tab.selected()
            session_id = selected.id if selected else None
        dialog = ImportDialog(self._app, path, rows, session_id, self)
        dialog.imported.connect(self._imported)
        self.import_dialog = dialog
        dialog.open()

    def _imported(self, report: object) -> None:
        self.refresh()
        self.show_status(f"Imported {getattr(report, 'file_name', 'the file')}.")

    def show_import_history(self) -> None:
        """List imports with Undo import."""
        from ui.dialogs.import_history import ImportHistoryDialog

        dialog = ImportHistoryDialog(self._app, self)
        dialog.undone.connect(lambda _batch: self.refresh())
        self.history_dialog = dialog
        dialog.open()

    def print_run_of_show(self) -> None:
        """Open the run of show of the selected session (Sessions tab)."""
        self.tabs.setCurrentWidget(self.sessions_tab)
        self.sessions_tab.open_run_of_show()

    def show_export(self) -> None:
        """Export registrants of the current series for a partner."""
        from desktop_app.services import sessions
        from ui.dialogs.export_dialog import ExportDialog

        series_id = self.current_series_id()
        if series_id is None:
            self.show_status("Choose or create a series first.")
            return
        dialog = ExportDialog(
            self._app, series_id, sessions.list_sessions(self._app.uow(), series_id), self
        )
        dialog.exported.connect(lambda path: self.show_status(f"Exported to {path}."))
        self.export_dialog = dialog
        dialog.open()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if hasattr(self, "_app") and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not files or not hasattr(self, "_app"):
            return
        event.acceptProposedAction()
        # Dropped on a session's row: import into that session.
        view = self.sessions_tab.view
        spot = view.viewport().mapFrom(self, event.position().toPoint())
        index = view.indexAt(spot) if view.isVisible() else None
        session_id = (
            self.sessions_tab.model.row_at(index.row()).id
            if index is not None and index.isValid()
            else None
        )
        self.import_file(files[0], session_id)

    def choose_backup(self) -> None:
        """Ask where to save a copy of the database, then write it."""
        from datetime import date

        path = self._app.path
        name = f"webinar-desk-backup-{date.today():%Y-%m-%d}.sqlite"
        folder = path.parent if path else Path.home()
        dialog = QFileDialog(
            self, "Back up the database", str(folder / name), "SQLite databases (*.sqlite)"
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("sqlite")
        dialog.fileSelected.connect(lambda target: self.back_up_to(Path(target)))
        self.file_dialog = dialog
        dialog.open()

    def back_up_to(self, target: Path) -> None:
        """Write a copy of the open database to target and say where it went."""
        from desktop_app.services.backups import backup_database

        try:
            backup_database(self._app.path, target)
        except UserError as error:
            box = QMessageBox(QMessageBox.Icon.Warning, "Back up", str(error), parent=self)
            self.error_box = box
            box.open()
            return
        self.show_status(f"Backed up to {target}.")

    def _about(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "About Webinar Desk",
            f"Webinar Desk {__version__}\n\nPlan webinar series, their speakers "
            f"and attendees, offline.\n\nDatabase: {self._app.url}",
            parent=self,
        )
        self.about_box = box
        box.open()

    # Window state ----------------------------------------------------------------------

    def save_pending_edits(self) -> bool:
        """Save unsaved form edits; False (with the problem shown) when one is refused."""
        if not hasattr(self, "_app"):
            return True
        for index, tab in ((0, self.sessions_tab), (1, self.speakers_tab)):
            if not tab.save_pending():
                self.tabs.setCurrentIndex(index)
                self.statusBar().showMessage(
                    "Fix the marked fields or press Revert first.", STATUS_MS
                )
                return False
        return True

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("mainWindow/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 760)

    def _restore_splitters(self) -> None:
        settings = QSettings()
        for splitter in (self.sessions_tab.splitter, self.speakers_tab.splitter):
            state = settings.value(f"mainWindow/{splitter.objectName()}")
            if state is not None:
                splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        if hasattr(self, "_app"):
            if not self.save_pending_edits():
                event.ignore()  # never lose edits: the marked fields say what to fix
                return
            self.attendees_tab.shutdown()
            settings.setValue("mainWindow/tab", self.tabs.currentIndex())
            for splitter in (self.sessions_tab.splitter, self.speakers_tab.splitter):
                settings.setValue(f"mainWindow/{splitter.objectName()}", splitter.saveState())
            self._app.close()  # release the file (the worker thread has stopped)
        if hasattr(self, "_app") and self._app.path is not None:
            settings.setValue("lastDatabase", str(self._app.path))
        super().closeEvent(event)
