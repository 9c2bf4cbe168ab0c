"""File dialogs start where the user last went for the same purpose; importing starts in
Downloads the first time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from ui import folders
from ui.app import make_qt_app
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    """A Downloads folder the desktop names in user-dirs.dirs (as xdg-user-dirs writes it)."""
    folder = tmp_path / "Herunterladen"
    folder.mkdir()
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "user-dirs.dirs").write_text(f'XDG_DOWNLOAD_DIR="{folder}"\n')
    return folder


def test_import_starts_in_downloads_then_where_the_last_file_was(
    demo_app: App, make_window: Build, qtbot: QtBot, downloads: Path, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    window.files.choose_import()
    dialog = window.files.file_dialog
    assert dialog is not None and Path(dialog.directory().absolutePath()) == downloads
    dialog.reject()
    elsewhere = tmp_path / "reports"
    elsewhere.mkdir()
    report = elsewhere / "zoom.csv"
    report.write_text("Email,Name\nlee@seoul.example,Lee Min\n")
    window.files.choose_import()
    dialog = window.files.file_dialog
    assert dialog is not None
    dialog.selectFile(str(report))
    dialog.accept()  # chooses the file: the import preview opens, the folder is kept
    assert window.files.import_dialog is not None
    window.files.import_dialog.reject()
    window.files.choose_import()
    assert Path(window.files.file_dialog.directory().absolutePath()) == elsewhere
    # Other purposes keep their own folders.
    assert folders.start_folder(folders.EXPORT) != elsewhere


def test_each_purpose_remembers_its_own_folder(tmp_path: Path) -> None:
    make_qt_app()
    QSettings().clear()
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    folders.remember(folders.EXPORT, one / "partners.xlsx")
    folders.remember(folders.HEADSHOT, two)
    assert folders.start_folder(folders.EXPORT) == one
    assert folders.start_folder(folders.HEADSHOT) == two
    assert folders.start_folder(folders.BACKUP, fallback=two) == two  # nothing kept yet
    one.rmdir()  # a folder that has gone is not offered
    assert folders.start_folder(folders.EXPORT) != one
    with pytest.raises(ValueError):
        folders.start_folder("somewhere")


def test_backup_and_headshot_dialogs_remember(
    demo_app: App, make_window: Build, tmp_path: Path
) -> None:
    from ui.tabs.speakers_tab import SpeakersTab

    window = make_window(demo_app)
    kept = tmp_path / "kept"
    kept.mkdir()
    window.files.choose_backup()
    dialog = window.files.file_dialog
    assert dialog is not None
    # Beside a database file; a server's dump goes to the usual place for backups.
    first = demo_app.path.parent if demo_app.path else folders.start_folder(folders.BACKUP)
    assert Path(dialog.directory().absolutePath()) == first
    copy = kept / f"copy.{dialog.defaultSuffix()}"  # .sqlite, or a server's .dump
    dialog.selectFile(str(copy))
    dialog.accept()
    assert copy.is_file() and copy.stat().st_size > 0
    window.files.choose_backup()
    assert Path(window.files.file_dialog.directory().absolutePath()) == kept
    editor = window.tab(SpeakersTab).editor
    folders.remember(folders.HEADSHOT, kept)
    editor.choose_headshot()
    assert Path(editor.file_dialog.directory().absolutePath()) == kept
    editor.file_dialog.reject()
