"""The `webinar-desk` script: headless commands from the core, the window from here."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app import app_log, cli


def _open_window(db: str | None) -> int:
    """Import Qt only now, so headless commands start fast and need no display."""
    from ui.app import run_app

    return run_app(db)


def _render_pdf(html: str, target: Path, page: str, landscape: bool) -> None:
    """Qt's text engine lays the report out on pages (imported only when asked for)."""
    from ui.printing import html_to_pdf

    html_to_pdf(html, target, page, landscape)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script: the log first, then the command or the window."""
    app_log.configure()
    app_log.install_excepthook()
    return cli.main(argv, open_window=_open_window, pdf_renderer=_render_pdf)


if __name__ == "__main__":
    sys.exit(main())
