"""The window's menus, toolbar actions and shortcuts, each wired to a command."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QToolBar, QWidget

from desktop_app import __version__
from ui.error_report import open_log_folder
from ui.icons import icon

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from ui.window.file_commands import FileCommands
    from ui.window.series_commands import SeriesCommands
    from ui.window.shell import Shell
    from ui.window.tab_list import TabSpec

Keys = QKeySequence.StandardKey


class WindowActions(QObject):
    """File, Edit, View and Help menus with the platform's standard shortcuts."""

    def __init__(
        self,
        window: QMainWindow,
        shell: Shell,
        series: SeriesCommands,
        files: FileCommands,
        tabs: Sequence[TabSpec],
    ) -> None:
        super().__init__(window)
        self._window, self._shell = window, shell
        self.about_box: QMessageBox | None = None
        new = self._action
        self.new_series = new("&New series…", series.new_series, Keys.New, "new-series")
        self.edit_series = new("&Edit series…", series.edit_series)
        self.delete_series = new("Delete series…", series.delete_series)
        self.open_database = new("&Open database…", files.choose_database, Keys.Open, "open")
        self.import_file = new("&Import…", files.choose_import, "Ctrl+I", "import")
        self.history = new("Import &history…", files.show_import_history)
        self.export = new("&Export…", files.show_export, "Ctrl+E", "export")
        self.print = new("&Print run of show…", files.print_run_of_show, Keys.Print, "print")
        self.backup = new("&Back up…", files.choose_backup, None, "backup")
        self.restore = new("&Restore from backup…", files.database.choose_restore)
        self.check = new("&Check the database for damage", files.database.check)
        self.load_demo = new("Load &demo series", series.load_demo)
        self.quit = new("&Quit", window.close, Keys.Quit)
        self.undo = new("&Undo", lambda: self._stack().undo(), Keys.Undo, "undo")
        self.redo = new("&Redo", lambda: self._stack().redo(), None, "redo")
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(Keys.Redo)])
        self.find = new("&Find attendees", self._find, Keys.Find, "find")
        self.delete = new("&Delete…", self._delete_selected, Keys.Delete, "delete")
        # Del must still delete text inside line edits: only fire when a table has focus.
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.show_tab = [
            new(spec.menu_text, lambda _=False, i=n: shell.show_tab_at(i), spec.shortcut)
            for n, spec in enumerate(tabs)
        ]
        self.about = new("&About Webinar Desk", self._about)
        self.log_folder = new("Open &log folder", open_log_folder)

        bar = window.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new_series, self.edit_series, self.delete_series])
        file_menu.addSeparator()
        file_menu.addAction(self.open_database)
        file_menu.addSeparator()
        file_menu.addActions([self.import_file, self.history, self.export, self.print])
        file_menu.addSeparator()
        file_menu.addActions([self.backup, self.restore, self.load_demo])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find, self.delete])
        bar.addMenu("&View").addActions(self.show_tab)
        bar.addMenu("&Tools").addAction(self.check)
        bar.addMenu("&Help").addActions([self.about, self.log_folder])
        # Enabled only on an open database (and, for some, with a series to act on).
        self._needs_data = [self.load_demo, self.find, self.delete, self.backup, self.import_file]
        self._needs_data += [self.history, self.export, self.print, self.new_series]
        self._needs_data += [self.restore, self.check]
        self._needs_series = [self.edit_series, self.delete_series]
        series.listed.connect(self._series_listed)
        series.demo_running.connect(lambda running: self.load_demo.setEnabled(not running))
        self.set_ready(False)

    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcut: QKeySequence | Keys | str | None = None,
        icon_name: str = "",
    ) -> QAction:
        action = QAction(icon(icon_name), text, self) if icon_name else QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def toolbar(self, picker: QWidget) -> QToolBar:
        """The toolbar: the series picker, then the most used actions."""
        toolbar = QToolBar("Series")
        toolbar.setObjectName("seriesToolbar")
        toolbar.setMovable(False)
        series_label = QLabel("&Series: ")
        series_label.setBuddy(picker)
        toolbar.addWidget(series_label)
        toolbar.addWidget(picker)
        toolbar.addSeparator()
        toolbar.addActions([self.new_series, self.undo, self.redo, self.find])
        return toolbar

    def set_ready(self, ready: bool) -> None:
        """Enable what needs an open database."""
        for action in self._needs_data + self._needs_series:
            action.setEnabled(ready)
        for action in (self.undo, self.redo):
            action.setEnabled(False)

    def follow_stack(self, stack: QUndoStack) -> None:
        """Undo and Redo say what they would undo and are enabled when they can."""
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        # Bound methods, not lambdas: Qt drops them when the window is destroyed.
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)

    def _stack(self) -> QUndoStack:
        return self._shell.edits.stack

    def _undo_text_changed(self, text: str) -> None:
        self.undo.setText(f"&Undo {text}".strip())

    def _redo_text_changed(self, text: str) -> None:
        self.redo.setText(f"&Redo {text}".strip())

    def _series_listed(self, any_series: bool) -> None:
        for action in self._needs_series:
            action.setEnabled(any_series)

    def _find(self) -> None:
        """Jump to the attendee filter."""
        from ui.tabs.attendees_tab import AttendeesTab

        tab = self._shell.tab(AttendeesTab)
        self._shell.select_tab(tab)
        tab.filter_edit.setFocus()
        tab.filter_edit.selectAll()

    def _delete_selected(self) -> None:
        """Delete what is selected in the current tab (after asking)."""
        tab = self._shell.current_tab()
        if tab is not None:
            tab.delete_selected()

    def _about(self) -> None:
        app = self._shell.app
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "About Webinar Desk",
            f"Webinar Desk {__version__}\n\nPlan webinar series, their speakers "
            f"and attendees, offline.\n\nDatabase: {app.url if app else '(none)'}",
            parent=self._window,
        )
        self.about_box = box
        box.open()
