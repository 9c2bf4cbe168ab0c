"""Commands for a team's server: copy a database up to it (or down from it), back it up."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.commands.output import Output, add_command
from desktop_app.domain.errors import UserError

if TYPE_CHECKING:
    from desktop_app.bootstrap import App


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add copy-db and backup."""
    copy = add_command(
        commands,
        "copy-db",
        "copy the whole database into an empty one (this laptop's to the team's server "
        "with --to, or the server's into a new file with --from)",
        _copy_db,
    )
    direction = copy.add_mutually_exclusive_group(required=True)
    direction.add_argument(
        "--to", metavar="URL_OR_PATH", help="copy --db into this empty database (e.g. a server)"
    )
    direction.add_argument(
        "--from",
        dest="source",
        metavar="URL_OR_PATH",
        help="copy this database (e.g. the server) into --db, which must be new or empty",
    )
    backup = add_command(
        commands,
        "backup",
        "write a backup: a SQLite copy of a file, a pg_dump of a server",
        _backup,
    )
    backup.add_argument("out", type=Path, metavar="OUT.sqlite|OUT.dump")


def where(app: App) -> str:
    """The database as messages name it (a server URL never with its password)."""
    return str(app.path) if app.path is not None else app.name


def _progress(table: str, done: int, total: int) -> None:
    """Progress on stderr: rewritten in place on a terminal, a line per table otherwise."""
    if sys.stderr.isatty():
        end = "\n" if done >= total else ""
        print(f"\rcopy-db: {table:<22} {done:>10,} / {total:,}", end=end, file=sys.stderr)
    elif done >= total:
        print(f"copy-db: {table:<22} {total:>10,} rows", file=sys.stderr)


def _copy_db(app: App, args: argparse.Namespace) -> Output:
    from desktop_app.bootstrap import open_app
    from desktop_app.services.copy_db import copy_database

    other = open_app(args.to or args.source)
    try:
        source, target = (app, other) if args.to else (other, app)
        if source.url == target.url:
            raise UserError("the source and the target are the same database")
        report = copy_database(
            source.engine, target.engine, where(source), where(target), _progress
        )
    finally:
        other.close()
    data = {
        "from": source.location,
        "to": target.location,
        "revision": report.revision,
        "tables": report.tables,
        "rows": report.rows,
        "seconds": round(report.seconds, 2),
    }
    text = (
        f"Copied {report.rows:,} rows in {len(report.tables)} tables from {where(source)} "
        f"to {where(target)} in {report.seconds:.1f} s; the counts match on both sides."
    )
    return Output(data, text)


def _backup(app: App, args: argparse.Namespace) -> Output:
    from desktop_app.services.backups import back_up

    written = back_up(app.url, args.out)
    data = {"path": str(written.resolve()), "bytes": written.stat().st_size}
    return Output(data, f"Backed up {where(app)} to {written}.")
