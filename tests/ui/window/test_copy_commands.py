"""File › Copy this database to a server… and Save a copy of the server database as a file…,
driven by their buttons against the throw-away PostgreSQL server."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App, open_app
from desktop_app.domain.rows import Stats
from desktop_app.services import stats
from ui.dialogs.copy_dialog import CopyDialog
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


@pytest.fixture
def laptop(demo_sqlite: Path, tmp_path: Path) -> Iterator[App]:
    """The demo series in a SQLite file, as a laptop has it."""
    path = tmp_path / "laptop.sqlite"
    shutil.copyfile(demo_sqlite, path)
    opened = open_app(str(path))
    yield opened
    opened.close()


@contextmanager
def locked(url: str, table: str, mode: str) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    """A colleague's transaction holding a lock on a table until the block ends."""
    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain) as connection:
        connection.execute(f"LOCK TABLE {table} IN {mode} MODE")
        try:
            yield connection
        finally:
            connection.rollback()


def click(qtbot: QtBot, button: QAbstractButton | None) -> None:
    assert button is not None and button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def counts(url: str) -> Stats:
    app = open_app(url)
    try:
        return stats.stats(app.uow())
    finally:
        app.close()


def copy_up(window: MainWindow, qtbot: QtBot, url: str) -> CopyDialog:
    """Choose File › Copy this database to a server…, type url and press Copy."""
    window.menus.copy_to_server.trigger()
    asked = window.copies.server_dialog
    assert asked is not None and asked.isVisible()
    assert asked.windowTitle() == "Copy this database to a server"
    assert asked.accept_button.text() == "&Copy" and "empty" in asked.hint.text()
    asked.url_edit.setText(url)
    click(qtbot, asked.accept_button)
    assert not asked.isVisible()
    dialog = window.copies.copy_dialog
    assert dialog is not None and dialog.isVisible() and dialog.running
    return dialog


def finished(qtbot: QtBot, dialog: CopyDialog, signal_name: str) -> list[object]:
    """Wait for the copy's end (copied or failed); results arrive only through the event
    loop, so one that is already queued is not missed."""
    assert dialog.running
    with qtbot.waitSignal(getattr(dialog, signal_name), timeout=60_000) as ended:
        pass
    assert not dialog.running
    return list(ended.args or [])


def test_copying_up_shows_progress_then_offers_the_server_database(
    laptop: App, make_window: Build, qtbot: QtBot, empty_pg_url: str
) -> None:
    window = make_window(laptop)
    assert window.menus.copy_to_server.isEnabled()
    assert not window.menus.save_server_copy.isEnabled()  # a file is no server
    window.menus.copy_to_server.trigger()
    asked = window.copies.server_dialog
    assert asked is not None
    asked.url_edit.setText("elsewhere.sqlite")  # not a server: told so, nothing starts
    click(qtbot, asked.accept_button)
    assert asked.problem.isVisible() and window.copies.copy_dialog is None
    buttons = asked.findChild(QDialogButtonBox)
    assert buttons is not None
    click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert not asked.isVisible() and window.copies.copy_dialog is None

    dialog = copy_up(window, qtbot, empty_pg_url)
    [report] = finished(qtbot, dialog, "copied")
    assert "counts match on both sides" in dialog.status.text()
    assert not dialog.cancel_button.isVisible() and not dialog.problem.isVisible()
    assert dialog.bar.value() == dialog.bar.maximum()
    assert counts(empty_pg_url) == stats.stats(laptop.uow())
    assert getattr(report, "rows", 0) > 320
    with qtbot.waitSignal(window.open_database_requested) as opened:
        click(qtbot, dialog.open_button)
    server: App = opened.args[0]
    assert server.on_server and stats.stats(server.uow()).sessions == 4
    assert not dialog.isVisible()
    server.close()


def test_a_target_that_holds_anything_is_refused_in_one_line(
    laptop: App, make_window: Build, qtbot: QtBot, pg_demo_url: str
) -> None:
    before = counts(pg_demo_url)
    window = make_window(laptop)
    dialog = copy_up(window, qtbot, pg_demo_url)
    [text] = finished(qtbot, dialog, "failed")
    assert "is not empty" in str(text) and "\n" not in str(text)
    assert dialog.problem.isVisible() and "is not empty" in dialog.problem.text()
    assert dialog.status.text() == "Nothing was copied."
    assert not dialog.open_button.isVisible() and not dialog.cancel_button.isVisible()
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()
    assert counts(pg_demo_url) == before


def test_cancel_part_way_leaves_the_server_database_empty(
    laptop: App, make_window: Build, qtbot: QtBot, pg_url: str
) -> None:
    window = make_window(laptop)
    # A colleague's lock holds the copy at its last table, with the others written.
    with locked(pg_url, "registrations", "SHARE"):
        dialog = copy_up(window, qtbot, pg_url)
        with qtbot.waitSignal(dialog.bar.valueChanged, timeout=60_000):
            pass
        click(qtbot, dialog.cancel_button)
        assert not dialog.cancel_button.isEnabled() and "Cancelling" in dialog.status.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # closing waits for the copy to stop
        assert dialog.isVisible()
    [text] = finished(qtbot, dialog, "failed")
    assert "cancelled" in str(text) and "nothing was copied" in dialog.status.text()
    assert not dialog.problem.isVisible()
    assert counts(pg_url).registrants == 0 and counts(pg_url).sessions == 0
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()
    # Nothing was half done: the same copy now goes through.
    again = copy_up(window, qtbot, pg_url)
    finished(qtbot, again, "copied")
    assert counts(pg_url) == stats.stats(laptop.uow())


def save_down(window: MainWindow, path: Path) -> CopyDialog:
    """Choose File › Save a copy of the server database as a file… and name path."""
    assert window.menus.save_server_copy.isEnabled()
    window.menus.save_server_copy.trigger()
    chooser = window.copies.file_dialog
    assert chooser is not None and chooser.isVisible()
    chooser.selectFile(str(path))
    chooser.accept()
    dialog = window.copies.copy_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_server_database_is_saved_as_a_new_file_and_opened(
    make_window: Build, qtbot: QtBot, pg_demo_url: str, tmp_path: Path
) -> None:
    server = open_app(pg_demo_url)
    window = make_window(server)
    dialog = save_down(window, tmp_path / "trip")
    finished(qtbot, dialog, "copied")
    trip = tmp_path / "trip.sqlite"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".trip", "trip"))) == [
        "trip.sqlite"
    ]
    assert counts(str(trip)) == stats.stats(server.uow())
    with qtbot.waitSignal(window.open_database_requested) as opened:
        click(qtbot, dialog.open_button)
    copy: App = opened.args[0]
    assert copy.path == trip and stats.stats(copy.uow()).sessions == 4
    copy.close()
    # A second copy under the same name is refused: the first one stays as it was.
    before = trip.stat().st_mtime_ns
    dialog = save_down(window, trip)
    [text] = finished(qtbot, dialog, "failed")
    assert "already exists" in str(text) and dialog.problem.isVisible()
    click(qtbot, dialog.close_button)
    assert trip.stat().st_mtime_ns == before
    server.close()


def test_cancelling_a_copy_to_a_file_leaves_no_file(
    make_window: Build, qtbot: QtBot, pg_demo_url: str, tmp_path: Path
) -> None:
    server = open_app(pg_demo_url)
    window = make_window(server)
    # A colleague's lock holds the copy before its first row, until Cancel is pressed.
    with locked(pg_demo_url, "registrations", "ACCESS EXCLUSIVE"):
        dialog = save_down(window, tmp_path / "trip.sqlite")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Escape is Cancel while it runs
        assert dialog.isVisible() and "Cancelling" in dialog.status.text()
    [text] = finished(qtbot, dialog, "failed")
    assert "cancelled" in str(text)
    assert [p.name for p in tmp_path.iterdir() if "trip" in p.name] == []
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()
    server.close()
