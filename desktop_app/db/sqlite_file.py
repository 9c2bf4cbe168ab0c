"""Checks on a SQLite database file: before opening it, and for damage once it is open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from desktop_app.domain.errors import UserError

SQLITE_HEADER = b"SQLite format 3\x00"


def check_location(path: Path, create_folder: bool, foreign_refused: bool = True) -> None:
    """UserError unless path can be a database file: an existing folder, not a folder itself.

    Only the default data folder is created on its own; a mistyped folder given by the
    user is refused rather than silently created.
    """
    if path.is_dir():
        raise UserError(
            f"{path} is a folder; give a database file inside it, e.g. "
            f"{path / 'webinar-desk.sqlite'}"
        )
    folder = path.parent
    if create_folder:
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # personal data inside
        except OSError as error:
            raise UserError(
                f"cannot create the folder {folder} for the database: {error.strerror}"
            ) from None
    elif not folder.is_dir():
        raise UserError(
            f"the folder {folder} does not exist; create it first or give another "
            "database path (--db)"
        )
    if foreign_refused and path.is_file() and not is_sqlite_file(path):
        raise UserError(
            f"{path} is not a Webinar Desk database (it is not a SQLite file); give "
            "another file, or move this one away"
        )


def is_sqlite_file(path: Path) -> bool:
    """True for an empty file or one that starts with SQLite's header."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return True  # let SQLite report what is wrong with it
    return head in (b"", SQLITE_HEADER)


def quick_check(engine: Engine) -> list[str]:
    """Problems PRAGMA quick_check finds (empty when the file is sound).

    quick_check skips matching index entries to rows, so it is cheap enough for every
    open; integrity_check() does the full check.
    """
    return _check(engine, "quick_check")


def integrity_check(engine: Engine) -> list[str]:
    """Problems the full PRAGMA integrity_check finds (empty when the file is sound)."""
    return _check(engine, "integrity_check")


def _check(engine: Engine, pragma: str) -> list[str]:
    """Run one of SQLite's check pragmas; an unreadable file is one problem."""
    if engine.dialect.name != "sqlite":
        return []
    try:
        with engine.connect() as connection:
            rows = [str(r[0]) for r in connection.execute(text(f"PRAGMA {pragma}"))]
    except DBAPIError as error:
        return [f"SQLite cannot read it ({_short(error.orig)})"]
    return _problems(rows)


def _problems(rows: list[str]) -> list[str]:
    """SQLite's report as one problem a line (it may pack many into one row)."""
    if rows == ["ok"]:
        return []
    lines = [line.strip() for row in rows for line in row.splitlines()]
    return [line for line in lines if line and not line.startswith("*** in database")]


def check_file(path: Path, pragma: str = "quick_check") -> list[str]:
    """The same check on a file with no engine (backups); opened read-only."""
    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
            rows = [str(r[0]) for r in connection.execute(f"PRAGMA {pragma}")]
        connection.close()
    except sqlite3.Error as error:
        return [f"SQLite cannot read it ({_short(error)})"]
    return _problems(rows)


def _short(error: BaseException | None) -> str:
    """SQLite's own words for an error (they never hold row data)."""
    return str(error).splitlines()[0][:200]
