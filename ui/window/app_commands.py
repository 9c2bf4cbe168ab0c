"""What belongs to the app rather than to a database: Preferences, the quick guide, the
keyboard shortcuts, the data folder and About."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from desktop_app import __version__
from ui.dialogs.help_dialog import GUIDE_HTML, HelpDialog, shortcuts_html

if TYPE_CHECKING:
    from ui.dialogs.preferences_dialog import PreferencesDialog
    from ui.window.shell import Shell


def shortcut_list(menus: list[QMenu]) -> list[tuple[str, str]]:
    """(shortcut, 'Menu › Command') for every command that has one, read from the menus so
    that the list never drifts from what the keys do."""
    found: list[tuple[str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                submenu = action.menu()
                assert isinstance(submenu, QMenu)
                walk(submenu, f"{path} › {submenu.title().replace('&', '')}")
                continue
            keys = list(  # one key may stand for two (Redo's on Linux)
                dict.fromkeys(
                    k.toString(QKeySequence.SequenceFormat.NativeText)
                    for k in action.shortcuts()
                    if not k.isEmpty()
                )
            )
            if keys and action.text():
                name = action.text().replace("&", "").split("\t")[0]
                found.append((" or ".join(keys), f"{path} › {name}"))

    for menu in menus:
        walk(menu, menu.title().replace("&", ""))
    return found


class AppCommands(QObject):
    """Opens the app-wide dialogs; each is kept so tests and screenshots can reach it."""

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shell = shell
        self.menus: list[QMenu] = []  # set by the window once its menus exist
        self.preferences_dialog: PreferencesDialog | None = None
        self.help_dialog: HelpDialog | None = None
        self.about_box: QMessageBox | None = None

    def preferences(self) -> None:
        """Edit › Preferences…: who you are, paper, folders and zones for new series."""
        from desktop_app.services.preferences import load_preferences
        from ui.dialogs.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(load_preferences(), self._shell.widget())
        dialog.saved.connect(lambda: self._shell.status.show_status("Preferences saved."))
        self.preferences_dialog = dialog
        dialog.open()

    def guide(self) -> None:
        """Help › Quick guide: the main tasks in a few lines each."""
        self._help("Quick guide", GUIDE_HTML)

    def shortcuts(self) -> None:
        """Help › Keyboard shortcuts, generated from the menus."""
        self._help("Keyboard shortcuts", shortcuts_html(shortcut_list(self.menus)))

    def _help(self, title: str, html: str) -> None:
        if self.help_dialog is not None:
            self.help_dialog.close()
        dialog = HelpDialog(title, html, self._shell.widget())
        self.help_dialog = dialog
        dialog.show()

    def open_data_folder(self) -> None:
        """Show the folder of the database (and its headshots) in the file manager."""
        app = self._shell.app
        if app is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(app.data_dir)))

    def about(self) -> None:
        """The version and, in words, which database is open."""
        from desktop_app.bootstrap import describe_location

        app = self._shell.app
        where = describe_location(app) if app is not None else "none open"
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "About Webinar Desk",
            f"Webinar Desk {__version__}\n\nPlan webinar series, their speakers and "
            f"attendees, offline.\n\nDatabase: {where}",
            parent=self._shell.widget(),
        )
        self.about_box = box
        box.open()
