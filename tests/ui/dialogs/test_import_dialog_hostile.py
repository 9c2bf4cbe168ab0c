"""The window survives hostile files (tests/hostile has the rest): the preview explains
the refusal in one line."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.services import stats
from tests.hostile import files
from ui.window.main_window import MainWindow


@pytest.mark.parametrize("kind", ["sparse workbook", "FIFO", "folder"])
def test_the_preview_refuses_and_the_window_stays(
    demo_app: App,
    make_window: Callable[[App], MainWindow],
    qtbot: QtBot,
    tmp_path: Path,
    kind: str,
) -> None:
    window = make_window(demo_app)
    if kind == "sparse workbook":  # once a 512 GB allocation that took the window down
        path = files.sparse_xlsx(tmp_path / "sparse.xlsx")
        expected = "XFD1048576"
    elif kind == "FIFO":  # once a preview that never came back
        path = tmp_path / "pipe.csv"
        os.mkfifo(path)
        expected = "is a pipe"
    else:
        path = tmp_path / "exports.xlsx"
        path.mkdir()
        expected = "is a folder"
    before = stats.stats(demo_app.uow())
    window.files.import_file(path, 1)
    dialog = window.files.import_dialog
    assert dialog is not None
    with qtbot.waitSignal(dialog.preview_ready, timeout=60_000):
        pass
    assert "cannot be imported" in dialog.summary.text()
    assert expected in dialog.summary.text()
    assert not dialog.import_button.isEnabled() and window.isVisible()
    assert stats.stats(demo_app.uow()) == before
