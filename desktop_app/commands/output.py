"""What a command hands back for printing, and the helpers that shape it."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.bootstrap import App


@dataclass(frozen=True)
class Output:
    """A command's result: the JSON for --json and the plain text otherwise."""

    json: Any
    text: str


Handler = Callable[["App", argparse.Namespace], Output]


def add_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    handler: Handler,
) -> argparse.ArgumentParser:
    """A subcommand that runs handler(app, args) and takes --json."""
    parser = commands.add_parser(name, help=help_text)
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(handler=handler)
    return parser


def table(rows: Sequence[Sequence[str]], widest: int = 48) -> str:
    """Rows as aligned columns, long cells shortened with an ellipsis."""
    cells = [[c if len(c) <= widest else c[: widest - 1] + "…" for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    )
