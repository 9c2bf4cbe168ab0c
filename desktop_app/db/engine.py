"""Engine set-up: database URL resolution, SQLite pragmas and migrations on open."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from desktop_app.db import server_url
from desktop_app.domain.errors import UserError

DB_ENV = "WEBINAR_DESK_DB"
DB_FILE_NAME = "webinar-desk.sqlite"


def default_data_dir() -> Path:
    """The per-user folder where the database and headshots live."""
    from platformdirs import user_data_path

    return user_data_path("WebinarDesk", appauthor=False)


def resolve_url(db: str | None) -> str:
    """A SQLAlchemy URL from --db (a path or URL), else $WEBINAR_DESK_DB, else the default."""
    raw = db or os.environ.get(DB_ENV) or str(default_data_dir() / DB_FILE_NAME)
    if "://" in raw:
        raw = server_url.normalise(raw)
        try:
            make_url(raw)
        except ArgumentError:
            raise UserError(
                f"'{server_url.mask(raw)}' is not a database URL or file path"
            ) from None
        return raw
    return "sqlite:///" + str(Path(raw).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def keep_private(path: Path) -> None:
    """Let only the owner open the database: the file and its -wal and -shm 0600, the app's
    own data folder 0700. A new file is created 0600 before SQLite opens it, because SQLite
    gives the journal files it creates later the database file's permissions."""
    if os.name != "posix":
        return  # Windows keeps a user's profile folder private by its ACLs
    with contextlib.suppress(OSError):
        if path.parent == default_data_dir():  # ours; a folder the user chose stays theirs
            os.chmod(path.parent, 0o700)
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}-journal"):
        with contextlib.suppress(OSError):
            info = (path.parent / name).lstat()
            if stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid():
                os.chmod(path.parent / name, 0o600)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Turn on what SQLite leaves off by default, on every new connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    # WAL lets the window read while an import writes; it is a no-op for :memory:.
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for url; SQLite gets its folder created and its pragmas set."""
    path = sqlite_path(url)
    if path is not None:
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as error:
            raise UserError(
                f"cannot create the folder for the database {path}: {error.strerror}"
            ) from None
        keep_private(path)
    server = path is None and server_url.is_server(url)
    try:
        # A server's pooled connections are checked before use: one dropped by the network
        # while the app sat idle is replaced instead of failing the next save.
        engine = (
            create_engine(url, connect_args=server_url.connect_args(url), pool_pre_ping=True)
            if server
            else create_engine(url)
        )
    except (ArgumentError, NoSuchModuleError, ImportError) as error:
        raise UserError(
            f"cannot use the database URL {server_url.mask(url)}: {error}; give a file path or a "
            "URL such as sqlite:///path/to/file.sqlite"
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


_BACKENDS = {"postgresql": "PostgreSQL", "mysql": "MySQL", "mariadb": "MariaDB", "oracle": "Oracle"}


def describe_url(url: str) -> str:
    """Where a database is, in words for the About box: no driver names, no passwords."""
    path = sqlite_path(url)
    if path is not None:
        home = Path.home()
        folder = path.parent
        shown = f"~/{folder.relative_to(home)}" if folder.is_relative_to(home) else str(folder)
        return f"{path.name} in {shown}"
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return "a temporary database in memory (nothing is kept after closing)"
    name = _BACKENDS.get(backend, backend)
    where = f" on {parsed.host}" if parsed.host else ""
    return f"the {name} database '{parsed.database or ''}'{where}"
