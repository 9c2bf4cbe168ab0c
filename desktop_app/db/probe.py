"""Looks at a file before it is opened as a database, so that opening never changes a file
that is not one (SQLite would happily turn any empty or foreign file into a database)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.domain.errors import UserError

SQLITE_HEADER = b"SQLite format 3\x00"


def check_existing_database(path: Path) -> None:
    """Raise UserError unless path is a Webinar Desk database (or an SQLite file with no
    tables yet, which opening makes one)."""
    if not path.exists():
        raise UserError(f"{path} does not exist; choose an existing database")
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a Webinar Desk database")
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise UserError(f"cannot read {path}: {error.strerror or error}") from None
    if not header:
        raise UserError(f"{path} is an empty file, not a Webinar Desk database")
    if header != SQLITE_HEADER:
        raise UserError(f"{path} is not a Webinar Desk database (it is not an SQLite file)")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise UserError(f"{path} cannot be read as a database: {error}") from None
    if tables and "alembic_version" not in tables:
        raise UserError(
            f"{path} is another program's database, not Webinar Desk's; it was left unchanged"
        )
