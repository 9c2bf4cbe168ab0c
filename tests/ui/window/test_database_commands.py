"""File › Open database…, New database… and Recent databases: open first, then change over."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App, create_database
from desktop_app.services import stats
from ui.app import open_main_window
from ui.window.database_commands import recent_databases, remember_database
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def test_a_file_that_is_not_a_database_leaves_the_open_one_open(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    window.databases.choose_database()
    dialog = window.databases.file_dialog
    assert dialog is not None and dialog.isVisible()
    # Open takes existing files only: a new name typed here creates nothing.
    assert dialog.fileMode() == QFileDialog.FileMode.ExistingFile
    dialog.selectFile(str(notes))
    with qtbot.assertNotEmitted(window.open_database_requested):
        dialog.accept()
    box = window.databases.error_box
    assert box is not None and box.isVisible()
    assert "notes.txt is not a Webinar Desk database" in box.text()
    assert "stays open" in box.informativeText()
    assert notes.read_text() == "not a database\n"  # untouched
    assert window.isVisible() and window.app is demo_app
    assert stats.stats(demo_app.uow()).sessions == 4  # the old database still answers


def test_opening_a_database_changes_the_window_over(
    demo_app: App, qtbot: QtBot, tmp_path: Path
) -> None:
    other = create_database(tmp_path / "other.sqlite")
    other.close()
    old = open_main_window(app=demo_app)
    old.show()
    qtbot.waitExposed(old)
    old.databases.open_database(str(tmp_path / "other.sqlite"))
    qtbot.waitUntil(lambda: not old.isVisible())
    [new] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    try:
        assert new.windowTitle() == "Webinar Desk — other.sqlite"
        assert new.pages.currentIndex() == 0  # an empty database offers the demo
        assert recent_databases()[0] == (tmp_path / "other.sqlite").resolve()
    finally:
        new.close()
        assert new.app is not None
        new.app.close()


def test_new_database_starts_an_empty_one_and_never_overwrites(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    window.databases.choose_new_database()
    dialog = window.databases.file_dialog
    assert dialog is not None and dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    dialog.selectFile(str(tmp_path / "autumn"))
    with qtbot.waitSignal(window.open_database_requested) as opened:
        dialog.accept()
    [app] = opened.args
    assert isinstance(app, App)
    assert app.path == tmp_path / "autumn.sqlite" and app.path.is_file()
    assert stats.stats(app.uow()).series == 0
    app.close()
    with qtbot.assertNotEmitted(window.open_database_requested):
        window.databases.create_database(str(tmp_path / "autumn.sqlite"))
    assert window.databases.error_box is not None
    assert "already exists" in window.databases.error_box.text()
    assert stats.stats(demo_app.uow()).sessions == 4


def test_recent_databases_are_remembered_pruned_and_cleared(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    kept, gone = tmp_path / "kept.sqlite", tmp_path / "gone.sqlite"
    for path in (kept, gone):
        create_database(path).close()
        remember_database(path)
    gone.unlink()
    window = make_window(demo_app)  # opening remembers the demo database too
    menu = window.databases.recent_menu
    window.databases.fill_recent_menu()
    entries = [a for a in menu.actions() if a.text().startswith("&")]
    assert [a.toolTip() for a in entries[:1]] == [str(kept.resolve())]
    assert not any("gone.sqlite" in a.text() for a in menu.actions())
    assert not any("test.sqlite" in a.text() for a in entries)  # the one open now
    with qtbot.waitSignal(window.open_database_requested) as opened:
        entries[0].trigger()
    opened.args[0].close()
    [clear] = [a for a in menu.actions() if a.text() == "&Clear list"]
    clear.trigger()
    assert recent_databases() == []
