"""The window's menus, toolbar actions and shortcuts, each wired to a command."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QToolBar, QWidget

from ui.error_report import open_log_folder
from ui.icons import icon

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from ui.window.app_commands import AppCommands
    from ui.window.copy_commands import CopyCommands
    from ui.window.database_commands import DatabaseCommands
    from ui.window.file_commands import FileCommands
    from ui.window.mail_commands import MailCommands
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
        databases: DatabaseCommands,
        copies: CopyCommands,
        general: AppCommands,
        tabs: Sequence[TabSpec],
        mail: MailCommands,
    ) -> None:
        super().__init__(window)
        self._window, self._shell = window, shell
        new = self._action
        self.new_series = new("&New series…", series.new_series, Keys.New, "new-series")
        self.edit_series = new("&Edit series…", series.edit_series)
        self.delete_series = new("Delete series…", series.delete_series)
        self.open_database = new("&Open database…", databases.choose_database, Keys.Open, "open")
        self.new_database = new("New data&base…", databases.choose_new_database)
        self.open_server = new("Open &server database…", databases.choose_server)
        self.copy_to_server = new("&Copy this database to a server…", copies.choose_server)
        self.save_server_copy = new(
            "Save a copy of the server database as a &file…", copies.choose_file
        )
        self.import_file = new("&Import…", files.choose_import, "Ctrl+I", "import")
        self.history = new("Import &history…", files.show_import_history)
        self.export = new("&Export…", files.show_export, "Ctrl+E", "export")
        self.print = new("&Print run of show…", files.print_run_of_show, Keys.Print, "print")
        self.mail = new("&Mail drafts…", mail.mail, "Ctrl+Shift+M")
        self.calendar = new("Ca&lendar file…", mail.calendar)
        self.backup = new("&Back up…", files.choose_backup, None, "backup")
        self.restore = new("&Restore from backup…", files.care.choose_restore)
        self.check = new("&Check the database for damage", files.care.check)
        self.load_demo = new("Load &demo series", series.load_demo)
        self.remove_demo = new("&Remove the demo series…", series.remove_demo)
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
        self.preferences = new("Pre&ferences…", general.preferences, Keys.Preferences)
        if self.preferences.shortcut().isEmpty():  # Linux and Windows have no standard key
            self.preferences.setShortcut(QKeySequence("Ctrl+,"))
        self.guide = new("Quick &guide", general.guide, Keys.HelpContents)
        self.shortcuts = new("&Keyboard shortcuts", general.shortcuts, "Ctrl+/")
        self.data_folder = new("Open &data folder", general.open_data_folder)
        self.log_folder = new("Open &log folder", open_log_folder)
        self.about = new("&About Webinar Desk", general.about)
        # Short names on the toolbar, the full ones in the menus.
        self.import_file.setIconText("Import")
        self.export.setIconText("Export")
        self.print.setIconText("Print run of show")

        bar = window.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new_series, self.edit_series, self.delete_series])
        file_menu.addSeparator()
        file_menu.addActions([self.open_database, self.open_server, self.new_database])
        file_menu.addMenu(databases.recent_menu)
        file_menu.addActions([self.copy_to_server, self.save_server_copy])
        file_menu.addSeparator()
        file_menu.addActions([self.import_file, self.history, self.export, self.print])
        file_menu.addActions([self.mail, self.calendar])
        file_menu.addSeparator()
        file_menu.addActions([self.backup, self.restore, self.load_demo, self.remove_demo])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find, self.delete])
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences)
        bar.addMenu("&View").addActions(self.show_tab)
        bar.addMenu("&Tools").addAction(self.check)
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.guide, self.shortcuts])
        help_menu.addSeparator()
        help_menu.addActions([self.data_folder, self.log_folder])
        help_menu.addSeparator()
        help_menu.addAction(self.about)
        # Enabled only on an open database (and, for some, with a series to act on).
        self._needs_data = [self.load_demo, self.find, self.delete, self.backup]
        self._needs_data += [self.remove_demo, self.data_folder]
        self._needs_data += [self.history, self.new_series, self.restore, self.check]
        self._needs_data += [self.copy_to_server]
        # Import, export and print act on a series' sessions.
        self._needs_series = [self.edit_series, self.delete_series]
        self._needs_series += [self.import_file, self.export, self.print]
        self._needs_series += [self.mail, self.calendar]
        series.listed.connect(self._series_listed)
        series.demo_running.connect(lambda running: self.load_demo.setEnabled(not running))
        series.demo_present.connect(self.remove_demo.setEnabled)
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
        """The toolbar: the series picker, the three main jobs with their names, then the
        most used actions as icons."""
        toolbar = QToolBar("Series")
        toolbar.setObjectName("seriesToolbar")
        toolbar.setMovable(False)
        series_label = QLabel("&Series: ")
        series_label.setBuddy(picker)
        toolbar.addWidget(series_label)
        toolbar.addWidget(picker)
        toolbar.addAction(self.new_series)
        toolbar.addSeparator()
        for action in (self.import_file, self.export, self.print):
            toolbar.addAction(action)
            button = toolbar.widgetForAction(action)
            if hasattr(button, "setToolButtonStyle"):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addSeparator()
        toolbar.addActions([self.undo, self.redo, self.find])
        return toolbar

    def menus(self) -> list[QMenu]:
        """The menu bar's menus, in order (the shortcut list is read from them)."""
        found = [a.menu() for a in self._window.menuBar().actions()]
        return [menu for menu in found if isinstance(menu, QMenu)]

    def set_ready(self, ready: bool, on_server: bool = False) -> None:
        """Enable what needs an open database (and what needs one on a server)."""
        for action in self._needs_data + self._needs_series:
            action.setEnabled(ready)
        self.save_server_copy.setEnabled(ready and on_server)
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
