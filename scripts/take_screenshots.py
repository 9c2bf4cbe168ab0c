"""Saves a PNG of each tab of the main window on the demo series (run under Xvfb).

take_screenshots.py [--dark] [--scale 2] [--out FOLDER]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.bootstrap import open_app
from desktop_app.services import demo
from ui.app import make_qt_app
from ui.window.main_window import MainWindow

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
TABS = ["sessions", "speakers", "attendees"]


def dark_palette() -> QPalette:
    """A dark palette like the ones desktops use in dark mode."""
    palette = QPalette()
    role, colour = QPalette.ColorRole, QColor
    for name, value in (
        (role.Window, "#2d2d30"),
        (role.WindowText, "#e8e8e8"),
        (role.Base, "#1e1e1e"),
        (role.AlternateBase, "#262629"),
        (role.Text, "#e8e8e8"),
        (role.Button, "#3a3a3d"),
        (role.ButtonText, "#e8e8e8"),
        (role.Highlight, "#2f6fb0"),
        (role.HighlightedText, "#ffffff"),
        (role.PlaceholderText, "#8a8a8a"),
        (role.ToolTipBase, "#3a3a3d"),
        (role.ToolTipText, "#e8e8e8"),
        (role.Mid, "#555555"),
        (role.Light, "#505053"),
        (role.Dark, "#1a1a1a"),
    ):
        palette.setColor(name, colour(value))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#7a7a7a"))
    return palette


def main() -> int:
    """Open the demo in a fresh database and grab every tab."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--dark", action="store_true", help="use the dark colour scheme")
    parser.add_argument("--scale", default="1", help="device pixel ratio, e.g. 2 for 200%%")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    os.environ["QT_SCALE_FACTOR"] = args.scale
    if args.dark:
        QApplication.setStyle("Fusion")  # the Fusion style follows the colour scheme
    qt_app = make_qt_app()
    if args.dark:
        # Xvfb has no platform theme to follow, so stand in for a desktop's dark palette.
        qt_app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        qt_app.setPalette(dark_palette())
    with tempfile.TemporaryDirectory() as folder:
        app = open_app(str(Path(folder) / "demo.sqlite"))
        demo.load_demo(app.uow())
        window = MainWindow(app)
        window.resize(1200, 700)
        window.show()

        def grab(index: int = 0) -> None:
            window.tabs.setCurrentIndex(index)
            QTimer.singleShot(200, lambda: save(index))

        def save(index: int) -> None:
            window.grab().save(str(out / f"{TABS[index]}.png"))
            if index + 1 < len(TABS):
                grab(index + 1)
            else:
                window.close()

        QTimer.singleShot(300, grab)
        status = qt_app.exec()
        app.close()
    print(f"saved {', '.join(TABS)} in {out}")
    return status


if __name__ == "__main__":
    sys.exit(main())
