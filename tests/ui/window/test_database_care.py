"""The window looks after its database: read-only banner, damage check, restore."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App, open_app
from desktop_app.services import backup_set, imports, stats
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def test_a_second_copy_says_it_is_read_only(demo_app: App, make_window: Build) -> None:
    assert demo_app.path is not None
    second = open_app(str(demo_app.path))  # demo_app is the first copy and holds the file
    window = make_window(second)
    bar = window.files.care.notice_bar
    assert bar is not None and bar.label.isVisible()
    assert bar.label.text().startswith("Opened read-only: another copy of Webinar Desk")
    mine = make_window(demo_app)
    assert mine.files.care.notice_bar is None  # the writer has nothing to be told


def test_check_the_database_says_it_is_sound(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    window.menus.check.trigger()
    task = window.files.care.task
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    box = window.files.care.message_box
    assert box is not None and "No damage found" in box.text()


def test_restore_lists_backups_and_puts_one_back(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    assert demo_app.path is not None
    people = tmp_path / "people.csv"
    people.write_text("Email\nlate.comer@example.org\n")
    imports.import_file(demo_app.uow(), people, 1)  # backed up first, then imported
    before_import = backup_set.list_backups(demo_app.path)[0]
    window = make_window(demo_app)
    window.menus.restore.trigger()
    dialog = window.files.care.restore_dialog
    assert dialog is not None and dialog.list.count() == 1
    assert "before an import" in dialog.list.item(0).text()
    assert f"{before_import.registrants:,} registrants" in dialog.list.item(0).text()
    assert not dialog.restore_button.isEnabled()
    dialog.list.setCurrentRow(0)
    dialog.restore_button.click()
    box = window.files.care.message_box
    assert box is not None and "kept as" in box.text()
    assert stats.stats(demo_app.uow()).registrants == before_import.registrants
    with qtbot.waitSignal(window.open_database_requested) as asked:
        box.done(QMessageBox.StandardButton.Ok)  # the window reopens on the restored file
    reopened = asked.args[0]
    assert reopened.path == demo_app.path and not reopened.read_only  # this copy let go
    reopened.close()
