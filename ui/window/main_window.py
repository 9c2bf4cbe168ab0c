"""The main window: a coordinator of the series picker, the tabs of the tab list, the menus
and the status bar. It paints before the database and its libraries load (start() does that
right after), so that launching feels instant even with 100,000 registrants."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import UserError
from ui.changes import Change
from ui.window.actions import WindowActions
from ui.window.app_commands import AppCommands
from ui.window.closing import UnsavedOnClose
from ui.window.copy_commands import CopyCommands
from ui.window.database_commands import DatabaseCommands, remember_database
from ui.window.file_commands import FileCommands
from ui.window.mail_commands import MailCommands
from ui.window.series_commands import SeriesCommands
from ui.window.status import WindowStatus
from ui.window.tab_list import TAB_LIST

if TYPE_CHECKING:
    from desktop_app.bootstrap import App
    from desktop_app.services.changes import ChangeSet
    from ui.edits import Edits
    from ui.tabs.base import TabPage

T = TypeVar("T", bound="TabPage")
LAST_DATABASE = "lastDatabase"  # opened at the next start


class MainWindow(QMainWindow):
    """Shows one series at a time in the tabs of the tab list."""

    # Another database, opened and checked already, to be shown in place of this one.
    open_database_requested = Signal(object)  # App

    def __init__(self, app: App | None = None, db: str | None = None) -> None:
        """A window on an open database (app), or one that opens db once shown."""
        super().__init__()
        self.app: App | None = None
        self._edits: Edits | None = None
        self._pages: list[TabPage] = []
        self.closing = UnsavedOnClose(self, self._unsaved_titles)
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
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for spec in TAB_LIST:
            waiting = QLabel("Opening the database…")
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tabs.addTab(waiting, spec.title)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.series.empty_page)
        series_page = QWidget()
        series_layout = QVBoxLayout(series_page)
        series_layout.setContentsMargins(0, 0, 0, 0)
        series_layout.setSpacing(0)
        series_layout.addWidget(self.series.demo_bar)
        series_layout.addWidget(self.tabs)
        self.pages.addWidget(series_page)
        self.pages.setCurrentIndex(1)
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
            TAB_LIST,
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
        if app.path is not None:
            remember_database(app.path)
            QSettings().setValue(LAST_DATABASE, str(app.path))
        elif app.on_server:
            QSettings().setValue(LAST_DATABASE, app.location)  # never a password
        self._edits = edits = Edits(app, self)
        remembered = QSettings().value("mainWindow/tab", 0)
        current = int(remembered) if isinstance(remembered, int | str) else 0
        self.tabs.clear()
        self._pages = [spec.build(edits) for spec in TAB_LIST]
        for spec, page in zip(TAB_LIST, self._pages, strict=True):
            self.tabs.addTab(page, spec.title)
            page.status_message.connect(self.status.show_status)
            page.dirty_changed.connect(self._mark_unsaved)
            page.counts_changed.connect(self._show_counts)
            page.import_requested.connect(self.files.choose_import)
            page.export_requested.connect(self.files.export_people)
            page.view.addAction(self.menus.delete)
            page.restore_state(QSettings())
        self.menus.follow_stack(edits.stack)
        edits.changed.connect(self.apply_change)
        edits.failed.connect(self._show_failure)
        self.tabs.setCurrentIndex(current)
        self.menus.set_ready(True, on_server=app.on_server)
        self.files.care.show_notice(app.notice)  # read-only, damaged
        self.status.count_in_no_series(app)
        self.series.reload()
        self._watch_colleagues(app)

    def _watch_colleagues(self, app: App) -> None:
        """Show what others save to the same database (a team's server) as it happens."""
        from ui.window.change_watcher import ChangeWatcher, as_change

        def colleagues_saved(news: ChangeSet) -> None:
            self.apply_change(as_change(news))
            who = ", ".join(news.by) or "a colleague"
            self.status.show_status(f"Updated with changes saved by {who}.")

        self.watcher = ChangeWatcher(app, self)
        self.watcher.changed.connect(colleagues_saved)
        self.watcher.unreachable.connect(self.status.show_status)

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
        return next(page for page in self._pages if isinstance(page, kind))

    def current_tab(self) -> TabPage | None:
        """The page in front, once the database is open."""
        return next((p for p in self._pages if p is self.tabs.currentWidget()), None)

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
        for page in self._pages:
            page.show_series(series_id)
        self.status.show_counts(self._pages, series_id is not None)

    def apply_change(self, change: Change) -> None:
        """After an edit, undo, redo or import: each tab reloads only what it shows."""
        if not self.series.follow(change):  # (when it did, every tab showed the series anew)
            for page in self._pages:
                page.apply_change(change)
        assert self.app is not None
        self.status.count_in_no_series(self.app, change)
        self.status.show_counts(self._pages, self.series.current_id() is not None)

    def _show_counts(self) -> None:
        self.status.show_counts(self._pages, self.series.current_id() is not None)

    def _mark_unsaved(self) -> None:
        """A "•" after the title of each tab whose form holds unsaved edits."""
        for index, (spec, page) in enumerate(zip(TAB_LIST, self._pages, strict=True)):
            self.tabs.setTabText(index, f"{spec.title} •" if page.has_unsaved() else spec.title)

    def _show_failure(self, text: str) -> None:  # an undo or redo that could not be applied
        self.error_box = QMessageBox(QMessageBox.Icon.Warning, "Undo", text, parent=self)
        self.error_box.open()

    def save_pending_edits(self) -> bool:
        """Save unsaved form edits; False (with the problem shown) when one is refused."""
        for page in self._pages:
            if not page.save_pending():
                self.select_tab(page)
                self.status.show_status("Fix the marked fields or press Revert first.")
                return False
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.files.accepts_drop(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.files.drop(event, self)

    def _unsaved_titles(self) -> list[str]:
        """The titles of the tabs whose form holds unsaved edits."""
        return [
            s.title for s, page in zip(TAB_LIST, self._pages, strict=False) if page.has_unsaved()
        ]

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
            settings.setValue("mainWindow/tab", self.tabs.currentIndex())
            self.watcher.stop()
            for page in self._pages:
                page.shutdown()
                page.save_state(settings)
            self.app.close()  # release the file (the worker thread has stopped)
        super().closeEvent(event)
