"""Saves a PNG of each tab of the main window on the demo series (run under Xvfb)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from desktop_app.bootstrap import open_app
from desktop_app.services import demo
from ui.app import make_qt_app
from ui.main_window import MainWindow

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
TABS = ["sessions", "speakers", "attendees"]


def main() -> int:
    """Open the demo in a fresh database and grab every tab."""
    OUT.mkdir(parents=True, exist_ok=True)
    qt_app = make_qt_app()
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
            window.grab().save(str(OUT / f"{TABS[index]}.png"))
            if index + 1 < len(TABS):
                grab(index + 1)
            else:
                window.close()

        QTimer.singleShot(300, grab)
        status = qt_app.exec()
        app.close()
    print(f"saved {', '.join(TABS)} in {OUT}")
    return status


if __name__ == "__main__":
    sys.exit(main())
