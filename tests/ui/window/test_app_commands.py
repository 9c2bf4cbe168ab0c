"""What users of a desktop app expect: the toolbar's main jobs, Preferences, Help, About,
a Delete question without a green OK, counts said once and in good English."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.domain.records import SeriesData
from desktop_app.services import series
from desktop_app.services.preferences import load_preferences
from ui.tabs.sessions_tab import SessionsTab
from ui.window.app_commands import shortcut_list
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def test_the_toolbar_offers_the_three_main_jobs_with_names(
    demo_app: App, make_window: Build
) -> None:
    window = make_window(demo_app)
    [toolbar] = window.findChildren(QToolBar)
    for action, text in (
        (window.menus.import_file, "Import"),
        (window.menus.export, "Export"),
        (window.menus.print, "Print run of show"),
    ):
        button = toolbar.widgetForAction(action)
        assert isinstance(button, QToolButton) and button.isVisible()
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        assert button.text() == text and not action.icon().isNull()
    window.menus.import_file.trigger()
    assert window.files.file_dialog is not None and window.files.file_dialog.isVisible()


def test_preferences_are_saved_and_new_series_start_from_them(
    demo_app: App, make_window: Build
) -> None:
    window = make_window(demo_app)
    window.menus.preferences.trigger()
    dialog = window.general.preferences_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.name_edit.setText("Ana Ruiz")
    dialog.organisation_edit.setText("Open Cities Network")
    dialog.email_edit.setText("not an address")
    dialog.paper_combo.setCurrentText("Letter")
    dialog.home_combo.setCurrentText("Europe/Madrid")
    dialog.display_edit.setText("America/New_York, Asia/Manila")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert "is not an email address" in dialog.problems.text_of("staff_email")
    assert dialog.isVisible()
    dialog.email_edit.setText("Ana@Example.org")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not dialog.isVisible()
    saved = load_preferences()
    assert (saved.staff_name, saved.staff_email, saved.paper_size) == (
        "Ana Ruiz",
        "ana@example.org",
        "Letter",
    )
    assert saved.display_zones == ("America/New_York", "Asia/Manila")
    window.menus.new_series.trigger()
    new = window.series.series_dialog
    assert new is not None
    assert new.organiser_edit.text() == "Open Cities Network"
    assert new.home_combo.currentText() == "Europe/Madrid"
    assert new.display_edit.text() == "America/New_York, Asia/Manila"


class UrlCatcher(QObject):
    """Stands in for the desktop's file manager."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_help_menu_guide_shortcuts_and_folders(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    window.menus.guide.trigger()
    guide = window.general.help_dialog
    assert guide is not None and guide.isVisible()
    assert "Import" in guide.browser.toPlainText() and "Undo" in guide.browser.toPlainText()
    window.menus.shortcuts.trigger()
    shortcuts = window.general.help_dialog
    assert shortcuts is not None and shortcuts.isVisible() and not guide.isVisible()
    listed = shortcut_list(window.menus.menus())
    # Generated from the menus: every command with a key is there, with that key.
    assert ("Ctrl+I", "File › Import…") in listed
    assert ("Ctrl+3", "View › Attendees") in listed
    assert len(listed) >= 12
    text = shortcuts.browser.toPlainText()
    assert all(command in text for _keys, command in listed)
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        window.menus.data_folder.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    # The file's folder for a SQLite database (headshots live beside it).
    assert [Path(u.toLocalFile()) for u in catcher.urls] == [demo_app.data_dir]
    assert demo_app.path is None or demo_app.data_dir == demo_app.path.parent


def test_about_names_the_database_in_words(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    window.menus.about.trigger()
    box = window.general.about_box
    assert box is not None and box.isVisible()
    assert "sqlite:" not in box.text() and "+psycopg" not in box.text()
    named = "test.sqlite" if demo_app.path else "the PostgreSQL database 'test_"
    assert named in box.text()


def test_delete_asks_with_a_delete_button_and_cancel_as_default(
    demo_app: App, make_window: Build
) -> None:
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    tab.delete_selected()
    box = tab.delete_box
    assert box is not None and box.isVisible()
    assert box.button(QMessageBox.StandardButton.Yes) is None  # no standard OK/Yes tick
    assert box.button(QMessageBox.StandardButton.Ok) is None
    assert box.delete_button.text() == "Delete" and not box.delete_button.icon().isNull()
    assert box.defaultButton() is box.cancel_button and box.escapeButton() is box.cancel_button
    box.cancel_button.click()
    assert tab.model.rowCount() == 4


def test_one_session_is_one_session(app: App, make_window: Build) -> None:
    from datetime import UTC, datetime

    from desktop_app.domain.enums import SessionKind
    from desktop_app.domain.records import SessionData

    series_id = series.create_series(app.uow(), SeriesData("Solo", home_zone="Europe/Rome"))
    window = make_window(app)
    window.edits.create_session(
        series_id, SessionData("Only", datetime(2026, 6, 1, 8, tzinfo=UTC), 45, SessionKind.OTHER)
    )
    assert window.status.counts_label.text() == "1 session · 0 speakers · 0 registrants"


def test_empty_sessions_tab_offers_a_new_session(
    app: App, make_window: Build, qtbot: QtBot
) -> None:
    series.create_series(app.uow(), SeriesData("Fresh", home_zone="Europe/Rome"))
    window = make_window(app)
    tab = window.tab(SessionsTab)
    assert tab.list_stack.is_empty_shown() and tab.list_stack.empty.button.text() == "New session"
    qtbot.mouseClick(tab.list_stack.empty.button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1 and not tab.list_stack.is_empty_shown()


def test_without_a_series_the_main_jobs_wait(app: App, make_window: Build) -> None:
    window = make_window(app)
    assert window.pages.currentIndex() == 0
    for action in (window.menus.import_file, window.menus.export, window.menus.print):
        assert not action.isEnabled()
    assert window.menus.preferences.isEnabled() and window.menus.guide.isEnabled()
    [redo] = [keys for keys, name in shortcut_list(window.menus.menus()) if name == "Edit › Redo"]
    parts = redo.split(" or ")
    assert parts[0] == "Ctrl+Shift+Z" and len(parts) == len(set(parts))  # no key said twice
