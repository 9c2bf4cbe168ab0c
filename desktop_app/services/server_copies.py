"""The window's copies between a laptop and a team's server: this database up into an empty
server database, and a server database down into a new file (written whole or not at all)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError

from desktop_app.db import server_errors, server_url
from desktop_app.db.engine import make_engine, resolve_url
from desktop_app.domain.errors import UserError
from desktop_app.services.copy_db import CopyReport, KeepGoing, copy_database

PARTIAL = ".partial"  # a snapshot being written, renamed to its name once complete


def server_name(url: str) -> str:
    """A server database as messages name it: never with its password."""
    return server_url.describe_server(resolve_url(url))


def copy_to_server(
    source: Engine, source_name: str, url: str, keep_going: KeepGoing | None = None
) -> CopyReport:
    """Copy the database behind source into the empty server database at url."""
    target_url = resolve_url(url)
    if not server_url.is_server(target_url):
        raise UserError("a server URL starts with postgresql://")
    if make_url(target_url).set(password=None) == source.url.set(password=None):
        raise UserError("this database is already that server database; choose another one")
    target_name = server_url.describe_server(target_url)
    target = make_engine(target_url)
    try:
        return _plainly(
            lambda: copy_database(source, target, source_name, target_name, None, keep_going),
            target_name,
        )
    finally:
        target.dispose()


def save_as_file(
    source: Engine, source_name: str, path: Path, keep_going: KeepGoing | None = None
) -> CopyReport:
    """Copy the database behind source into a new SQLite file at path, which must not exist.

    The copy is written beside it under a temporary name and renamed only once complete and
    checked, so a cancelled or failed copy leaves no file behind.
    """
    if path.exists():
        raise UserError(f"{path} already exists; choose a new name (a copy never replaces a file)")
    if not path.parent.is_dir():
        raise UserError(f"the folder {path.parent} does not exist; choose another place")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PARTIAL, dir=path.parent)
    except OSError as error:
        raise UserError(f"cannot write in {path.parent}: {error.strerror}") from None
    os.close(handle)
    partial = Path(name)
    target = make_engine(resolve_url(str(partial)))
    try:
        report = _plainly(
            lambda: copy_database(source, target, source_name, str(path), None, keep_going),
            source_name,
        )
        target.dispose()  # the last connection folds the write-ahead log into the file
        if path.exists():  # made meanwhile, by someone else: theirs stays
            raise UserError(f"{path} appeared while copying; choose a new name")
        os.replace(partial, path)
        return report
    finally:
        target.dispose()
        for leftover in (
            partial,
            *(partial.with_name(partial.name + s) for s in ("-wal", "-shm", "-journal")),
        ):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _plainly(copy: Callable[[], CopyReport], where: str) -> CopyReport:
    """Run a copy; a server's failure (network, password, rights) becomes one plain line."""
    try:
        return copy()
    except DatabaseError as error:
        plain = server_errors.explain(error, where)
        if plain is None:
            raise
        raise UserError(plain) from None
