"""The window looks after its database: read-only banner, damage check, restore."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App, open_app
from desktop_app.services import backup_set, imports, stats
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def test_a_second_copy_says_it_is_read_only(demo_file_app: App, make_window: Build) -> None:
    assert demo_file_app.path is not None
    second = open_app(str(demo_file_app.path))  # demo_file_app is the first copy and holds the file
    window = make_window(second)
    bar = window.files.care.notice_bar
    assert bar is not None and bar.label.isVisible()
    assert bar.label.text().startswith("Opened read-only: another copy of Webinar Desk")
    mine = make_window(demo_file_app)
    assert mine.files.care.notice_bar is None  # the writer has nothing to be told
    window.close()  # the window lets go of its database before the copy closes
    second.close()


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
    demo_file_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    assert demo_file_app.path is not None
    people = tmp_path / "people.csv"
    people.write_text("Email\nlate.comer@example.org\n")
    shutil.rmtree(backup_set.folder_of(demo_file_app.path))  # opening took the day's
    imports.import_file(demo_file_app.uow(), people, 1)  # backed up first, then imported
    before_import = backup_set.list_backups(demo_file_app.path)[0]
    window = make_window(demo_file_app)
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
    assert stats.stats(demo_file_app.uow()).registrants == before_import.registrants
    with qtbot.waitSignal(window.open_database_requested) as asked:
        box.done(QMessageBox.StandardButton.Ok)  # the window reopens on the restored file
    reopened = asked.args[0]
    assert reopened.path == demo_file_app.path and not reopened.read_only  # this copy let go
    reopened.close()


@pytest.fixture
def server_app(pg_demo_url: str) -> Iterator[App]:
    """A copy of the app on a team's server (closed after the window that uses it)."""
    opened = open_app(pg_demo_url)
    yield opened
    opened.close()


def test_restore_on_a_server_says_how_its_backups_work(server_app: App, make_window: Build) -> None:
    window = make_window(server_app)
    window.menus.restore.trigger()
    assert window.files.care.restore_dialog is None
    box = window.files.care.message_box
    assert box is not None and "pg_restore" in box.text() and "Back up…" in box.text()
