"""The main window: a coordinator of the series picker, the tabs of the tab list, the menus
and the status bar. It paints before the database and its libraries load (start() does that
right after), so that launching feels instant even with 100,000 registrants."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QWidget,
)

from desktop_app.domain.errors import UserError
from ui.changes import Change
from ui.window.actions import WindowActions
from ui.window.app_commands import AppCommands
from ui.window.closing import UnsavedOnClose
from ui.window.copy_commands import CopyCommands
from ui.window.database_commands import DatabaseCommands, remember_opened
from ui.window.file_commands import FileCommands
from ui.window.mail_commands import MailCommands
from ui.window.series_commands import SeriesCommands
from ui.window.status import WindowStatus
from ui.window.tab_pages import TabPages

if TYPE_CHECKING:
    from desktop_app.bootstrap import App
    from ui.edits import Edits
    from ui.tabs.base import TabPage

T = TypeVar("T", bound="TabPage")


class MainWindow(QMainWindow):
    """Shows one series at a time in the tabs of the tab list."""

    # Another database, opened and checked already, to be shown in place of this one.
    open_database_requested = Signal(object)  # App

    def __init__(self, app: App | None = None, db: str | None = None) -> None:
        """A window on an open database (app), or one that opens db once shown."""
        super().__init__()
        self.app: App | None = None
        self._edits: Edits | None = None
        self.tab_pages = TabPages()
        self.tabs = self.tab_pages.tabs
        self.closing = UnsavedOnClose(self, self.tab_pages.unsaved_titles)
        self._db, self._opening = db, False
        self.error_box: QMessageBox | None = None
        self.setWindowTitle("Webinar Desk")
        self.setMinimumSize(760, 480)
        self.setAcceptDrops(True)  # a dropped file starts an import
        self.series = SeriesCommands(self, self)
        self.files = FileCommands(self, self.series, self)
        self.databases = DatabaseCommands(self, self)
        self.copies = CopyCommands(self, self.databases, self)
        self.general = AppCommands(self, self)
        self.mail = MailCommands(self, self)
        self.pages = self.tab_pages.stacked(self.series.empty_page, self.series.demo_bar)
        self.setCentralWidget(self.pages)
        self.status = WindowStatus(self.statusBar())
        self.menus = WindowActions(
            self,
            self,
            self.series,
            self.files,
            self.databases,
            self.copies,
            self.general,
            self.tab_pages.specs,
            self.mail,
        )
        self.general.menus = self.menus.menus()
        self.addToolBar(self.menus.toolbar(self.series.picker))
        geometry = QSettings().value("mainWindow/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 760)
        if app is not None:
            self.start(app)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.app is None and not self._opening:
            self._opening = True  # open the database after this first paint, not before it
            QTimer.singleShot(0, self.open_database)

    def open_database(self) -> None:
        """Open the database named at construction and fill the window."""
        if self.app is not None:
            return
        self._opening = True
        self.status.set_busy(True, "Opening the database…")
        from desktop_app.bootstrap import open_app

        try:
            app = open_app(self._db)
        except UserError as error:
            self.status.set_busy(False)
            box = QMessageBox(QMessageBox.Icon.Critical, "Webinar Desk", str(error), parent=self)
            box.finished.connect(self.close)
            self.error_box = box
            box.open()
            return
        self.status.set_busy(False)
        self.start(app)

    def start(self, app: App) -> None:
        """Build the tabs on an open database and show its first series."""
        from ui.edits import Edits

        self.app = app
        self.setWindowTitle(f"Webinar Desk — {app.name}")
        remember_opened(app)
        self._edits = edits = Edits(app, self)
        self.tab_pages.build(edits, self._connect)
        self.menus.follow_stack(edits.stack)
        edits.changed.connect(self.apply_change)
        edits.failed.connect(self._show_failure)
        self.menus.set_ready(True, on_server=app.on_server)
        self.files.care.show_notice(app.notice)  # read-only, damaged
        self.status.count_in_no_series(app)
        self.series.reload()
        from ui.window.change_watcher import watch_colleagues

        self.watcher = watch_colleagues(app, self, self.apply_change, self.status.show_status)

    def _connect(self, page: TabPage) -> None:
        """Wire a new tab page to the status bar, the file commands and Delete."""
        page.status_message.connect(self.status.show_status)
        page.counts_changed.connect(self._show_counts)
        page.import_requested.connect(self.files.choose_import)
        page.export_requested.connect(self.files.export_people)
        page.view.addAction(self.menus.delete)

    @property
    def edits(self) -> Edits:
        """The undoable edits on the open database."""
        assert self._edits is not None, "edits exist once the database is open"
        return self._edits

    def widget(self) -> QWidget:
        """The parent of the commands' dialogs: this window."""
        return self

    def tab(self, kind: type[T]) -> T:
        """The page of a kind of tab."""
        return self.tab_pages.of_kind(kind)

    def current_tab(self) -> TabPage | None:
        """The page in front, once the database is open."""
        return self.tab_pages.current()

    def select_tab(self, page: TabPage) -> None:
        """Bring a page to the front."""
        self.tabs.setCurrentWidget(page)

    def show_tab_at(self, index: int) -> None:
        """Bring the tab at a position of the tab list to the front."""
        self.tabs.setCurrentIndex(index)

    def request_database(self, app: App) -> None:
        """Ask the launcher to show another (open) database in place of this one."""
        self.open_database_requested.emit(app)

    def show_series(self, series_id: int | None) -> None:
        """Show a series in every tab (None: the offer of the demo series)."""
        self.pages.setCurrentIndex(1 if self.series.count() else 0)
        for page in self.tab_pages.pages:
            page.show_series(series_id)
        self.status.show_counts(self.tab_pages.pages, series_id is not None)

    def apply_change(self, change: Change) -> None:
        """After an edit, undo, redo or import: each tab reloads only what it shows."""
        if not self.series.follow(change):  # (when it did, every tab showed the series anew)
            for page in self.tab_pages.pages:
                page.apply_change(change)
        assert self.app is not None
        self.status.count_in_no_series(self.app, change)
        self.status.show_counts(self.tab_pages.pages, self.series.current_id() is not None)

    def _show_counts(self) -> None:
        self.status.show_counts(self.tab_pages.pages, self.series.current_id() is not None)

    def _show_failure(self, text: str) -> None:  # an undo or redo that could not be applied
        self.error_box = QMessageBox(QMessageBox.Icon.Warning, "Undo", text, parent=self)
        self.error_box.open()

    def save_pending_edits(self) -> bool:
        """Save unsaved form edits; False (with the problem shown) when one is refused."""
        refused = self.tab_pages.refusing_to_save()
        if refused is not None:
            self.select_tab(refused)
            self.status.show_status("Fix the marked fields or press Revert first.")
        return refused is None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.files.accepts_drop(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.files.drop(event, self)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        if self.app is not None:
            if not self.closing.may_close():  # asks Save / Discard / Cancel; the answer closes
                event.ignore()
                return
            if not self.closing.discarded and not self.save_pending_edits():
                event.ignore()  # never lose edits: the marked fields say what to fix
                return
            self.watcher.stop()
            self.tab_pages.put_away(settings)
            self.app.close()  # release the file (the worker thread has stopped)
        super().closeEvent(event)
