"""File commands on the window: back up, open another database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def test_back_up_writes_a_copy(demo_app: App, make_window: Build, tmp_path: Path) -> None:
    window = make_window(demo_app)
    target = tmp_path / "backup.sqlite"
    window.files.back_up_to(target)
    assert target.stat().st_size > 0
    assert "Backed up to" in window.statusBar().currentMessage()
    window.files.back_up_to(tmp_path / "no-such-folder" / "b.sqlite")
    assert window.files.error_box is not None
    assert "does not exist" in window.files.error_box.text()


def test_open_database_asks_the_app_to_reopen(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    window.files.choose_database()
    dialog = window.files.file_dialog
    assert dialog is not None and dialog.isVisible()
    other = tmp_path / "other.sqlite"
    dialog.selectFile(str(other))
    with qtbot.waitSignal(window.open_database_requested) as asked:
        dialog.accept()
    assert asked.args == [str(other)]
