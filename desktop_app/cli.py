"""The command line: `webinar-desk` opens the app; subcommands work headless."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from desktop_app import __version__
from desktop_app.commands import FAMILIES, database
from desktop_app.commands.guard import PROG, guarded
from desktop_app.commands.output import Handler, Output
from desktop_app.domain.safe_text import escape_for_json, safe_for_terminal

if TYPE_CHECKING:
    # Only the type: importing the service here would load SQLAlchemy before the window.
    from desktop_app.services.run_of_show_export import PdfRenderer


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand (each family registers its own)."""
    parser = argparse.ArgumentParser(
        prog=PROG, description="Plan webinar series offline. Without a command, opens the app."
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or SQLAlchemy URL (default: $WEBINAR_DESK_DB, "
        "else a file in your user data folder)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for family in FAMILIES:
        family.register(commands)
    return parser


def main(
    argv: Sequence[str] | None = None,
    open_window: Callable[[str | None], int] | None = None,
    pdf_renderer: PdfRenderer | None = None,
) -> int:
    """Run a headless command, or open_window(db) when none is given; returns exit status.

    The window and the PDF renderer (both Qt) are passed in by ui.launcher, so that this
    core never imports the Qt shell.
    """
    args = build_parser().parse_args(argv)
    args.pdf_renderer = pdf_renderer
    if args.command is None:
        if open_window is None:
            print(
                f"{PROG}: error: the desktop app is not available here; give a command "
                "(see --help)",
                file=sys.stderr,
            )
            return 2
        return open_window(args.db)
    handler: Handler = args.handler

    def run() -> int:
        from desktop_app.bootstrap import open_app

        app = open_app(args.db)
        try:
            result = handler(app, args)
        finally:
            app.close()
        _print(result, as_json=args.json)
        if app.damaged and handler.__module__ != database.__name__:
            print(f"{PROG}: warning: {app.notice}", file=sys.stderr)
        return 0

    # Failures become one plain line; a closed pipe (`| head`) ends quietly.
    return guarded(run)


def _print(result: Output, *, as_json: bool) -> None:
    """Print a handler's result as JSON or as the plain text it prepared."""
    if as_json:
        text = json.dumps(result.json, indent=2, ensure_ascii=False, default=str)
        print(escape_for_json(text))  # file text stays data, never a terminal command
    else:
        print(safe_for_terminal(result.text))


if __name__ == "__main__":
    sys.exit(main())  # headless only; `webinar-desk` (ui.launcher) adds the window
