"""Database and file-system failures turned into one plain line; the details go to the log.

The text of a SQLAlchemy error holds the SQL and its parameters (names, emails), so it is
never put into a message: only the kind of failure is, and the log gets the rest.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm.exc import StaleDataError

from desktop_app.db import server_errors
from desktop_app.domain.errors import Conflict, ReadOnlyDatabase, StaleRecord, UserError

log = logging.getLogger(__name__)

NOTHING_SAVED = "nothing was changed"
RESTORE_HINT = (
    "restore a backup (File › Restore…, or 'webinar-desk backups' and 'webinar-desk restore')"
)


def _sqlite_kind(error: BaseException | None) -> str:
    """SQLite's error name (SQLITE_FULL …), from the code where Python gives it."""
    name = getattr(error, "sqlite_errorname", None)
    if isinstance(name, str):
        return name
    text = str(error).lower()
    for needle, kind in (
        ("disk is full", "SQLITE_FULL"),
        ("readonly database", "SQLITE_READONLY"),
        ("read-only", "SQLITE_READONLY"),
        ("database is locked", "SQLITE_BUSY"),
        ("database table is locked", "SQLITE_LOCKED"),
        ("malformed", "SQLITE_CORRUPT"),
        ("not a database", "SQLITE_NOTADB"),
        ("unable to open", "SQLITE_CANTOPEN"),
        ("disk i/o error", "SQLITE_IOERR"),
    ):
        if needle in text:
            return kind
    return "SQLITE_ERROR"


def _database_message(kind: str, where: str, read_only_reason: str | None) -> str:
    """The plain line for one kind of SQLite failure."""
    if kind.startswith("SQLITE_FULL"):
        return (
            f"cannot save to {where}: the disk is full; free some space and try again "
            f"({NOTHING_SAVED})"
        )
    if kind.startswith("SQLITE_READONLY"):
        if read_only_reason:
            return f"{read_only_reason} ({NOTHING_SAVED})"
        return (
            f"cannot save to {where}: the file or its folder is read-only; check its "
            f"permissions, or copy it somewhere you may write ({NOTHING_SAVED})"
        )
    if kind.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return (
            f"{where} is busy: another import is running; try again when it has "
            f"finished ({NOTHING_SAVED})"
        )
    if kind.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return f"{where} is damaged; {RESTORE_HINT}"
    if kind.startswith("SQLITE_CANTOPEN"):
        return f"cannot open {where}: check that its folder exists and that you may write to it"
    if kind.startswith("SQLITE_IOERR"):
        return (
            f"cannot read or write {where}: the disk reported an error; check the disk "
            f"and try again ({NOTHING_SAVED})"
        )
    return f"the database {where} refused the operation ({NOTHING_SAVED}); details are in the log"


def _database_error(kind: str, where: str, read_only_reason: str | None) -> UserError:
    """The UserError (ReadOnlyDatabase for a write refused by a read-only open) for a kind."""
    message = _database_message(kind, where, read_only_reason)
    if read_only_reason and kind.startswith("SQLITE_READONLY"):
        return ReadOnlyDatabase(message)
    return UserError(message)


def explain_integrity(error: IntegrityError) -> str:
    """Plain words for a constraint the database refused, without the values involved."""
    text = str(error.orig).splitlines()[0]  # a server adds the values on a DETAIL line
    if "UNIQUE" in text or "unique" in text or "duplicate" in text:
        # SQLite names only the columns ("UNIQUE constraint failed: registrants.email").
        columns = text.split(":", 1)[-1].strip() if text.startswith("UNIQUE") else "a value"
        return f"this would create a duplicate ({columns}); change it or edit the existing record"
    if "FOREIGN KEY" in text or "foreign key" in text:
        return "this refers to a record that does not exist (it may have been deleted)"
    if text.startswith("CHECK constraint failed"):
        return f"the database refused the change ({text})"
    return "the database refused the change; details are in the log"


def _file_message(error: OSError, where: str) -> str:
    """The plain line for a file-system failure."""
    name = error.filename or where
    if error.errno == errno.ENOSPC:
        return f"cannot write {name}: the disk is full; free some space and try again"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write {name}: you may not write there (read-only file or folder)"
    if error.errno == errno.ENOENT:
        return f"{name} does not exist; check the name and its folder"
    if error.errno == errno.EISDIR:
        return f"{name} is a folder; give a file name"
    return f"cannot read or write {name}: {error.strerror or type(error).__name__}"


def user_error(
    error: BaseException, where: str = "the database", read_only_reason: str | None = None
) -> UserError | None:
    """The plain UserError for a database or file failure (logged), or None for a bug."""
    if isinstance(error, UserError):
        return error
    if isinstance(error, StaleDataError):
        found: UserError = StaleRecord(
            "this record was changed or deleted elsewhere — reload to see the change"
        )
    elif isinstance(error, IntegrityError):
        found = Conflict(explain_integrity(error))
    elif isinstance(error, DBAPIError) and (server := server_errors.explain(error, where)):
        found = UserError(server)  # a database server's failure: network, password, locks
    elif isinstance(error, DBAPIError):
        found = _database_error(_sqlite_kind(error.orig), where, read_only_reason)
    elif isinstance(error, sqlite3.Error):
        found = _database_error(_sqlite_kind(error), where, read_only_reason)
    elif isinstance(error, SQLAlchemyError):
        found = UserError(
            f"the database {where} could not do this ({type(error).__name__}); "
            "details are in the log"
        )
    elif isinstance(error, OSError):
        found = UserError(_file_message(error, where))
    else:
        return None
    # exc_info keeps the SQL and parameters out of the message but in the log.
    log.warning("%s: %s", type(error).__name__, found, exc_info=error)
    return found


@contextmanager
def plain_errors(
    where: str = "the database", read_only_reason: str | None = None
) -> Iterator[None]:
    """Turn database and file-system failures inside the block into one plain UserError."""
    try:
        yield
    except Exception as error:
        found = user_error(error, where, read_only_reason)
        if found is None or found is error:
            raise
        raise found from None
