"""Copies of the database file, taken safely while the app is running."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.domain.errors import UserError
from desktop_app.io.atomic import atomic_path


def backup_database(source: Path | None, target: Path) -> Path:
    """Write a consistent copy of the SQLite database to target, atomically."""
    if source is None:
        raise UserError(
            "Back up copies SQLite database files; for a database server, use "
            "the server's own backup tools"
        )
    if target.resolve() == source.resolve():
        raise UserError(f"{target.name} is the open database itself; choose another file")
    folder = target.parent
    if not folder.is_dir():
        raise UserError(f"the folder {folder} does not exist; choose another place")
    try:
        with atomic_path(target, private=True) as temporary:
            # SQLite's backup API copies a consistent state even while the app writes (WAL).
            with sqlite3.connect(source) as original, sqlite3.connect(temporary) as copy:
                original.backup(copy)
            copy.close()
    except (OSError, sqlite3.Error) as error:
        raise UserError(f"cannot write the backup {target}: {error}") from None
    return target


def back_up(url: str, target: Path) -> Path:
    """Back up the database at url: a SQLite file is copied, a server is dumped (pg_dump)."""
    from desktop_app.db.engine import sqlite_path
    from desktop_app.db.server_url import is_server

    path = sqlite_path(url)
    if path is None and is_server(url):
        from desktop_app.services.server_backup import dump_server

        return dump_server(url, target)
    return backup_database(path, target)
