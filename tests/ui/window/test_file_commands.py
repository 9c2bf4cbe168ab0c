"""File commands on the window: back up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop_app.bootstrap import App
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def test_back_up_writes_a_copy(demo_app: App, make_window: Build, tmp_path: Path) -> None:
    window = make_window(demo_app)
    target = tmp_path / ("backup.sqlite" if demo_app.path else "backup.dump")
    window.files.back_up_to(target)
    assert target.stat().st_size > 0
    assert "Backed up to" in window.statusBar().currentMessage()
    window.files.back_up_to(tmp_path / "no-such-folder" / "b.sqlite")
    assert window.files.error_box is not None
    assert "does not exist" in window.files.error_box.text()
