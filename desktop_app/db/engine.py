"""Engine set-up: database URL resolution, SQLite pragmas and migrations on open."""

from __future__ import annotations

import contextlib
import os
import re
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
BUSY_TIMEOUT_MS = 5000  # how long a write waits for another writer to finish
# "nonsense:/x" or "postgres:x": a URL scheme without "//" (one letter is a Windows drive).
_SCHEME_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


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
            make_url(raw).get_dialect()
        except (ArgumentError, NoSuchModuleError):
            raise UserError(
                f"'{server_url.mask(raw)}' is not a database URL or file path; give a file "
                "path or a URL such as sqlite:///path/to/file.sqlite"
            ) from None
        return raw
    if _SCHEME_LIKE.match(raw):
        raise UserError(
            f"'{raw}' is not a database file path or URL (a URL needs '://', e.g. "
            "sqlite:///path/to/file.sqlite)"
        )
    return "sqlite:///" + str(Path(raw).expanduser().resolve())


def is_default_location(db: str | None) -> bool:
    """True when neither --db nor the environment names the database (its folder may be
    created; a folder the user named must already exist)."""
    return not db and not os.environ.get(DB_ENV)


def describe(url: str) -> str:
    """The database as named in messages: its file, or the server's database (never a
    password)."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    if server_url.is_server(url):
        return server_url.describe_server(url)
    return make_url(url).render_as_string(hide_password=True)


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


def _sqlite_pragmas(read_only: bool, dbapi_connection: Any, _record: Any) -> None:
    """Turn on what SQLite leaves off by default, on every new connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    # Waits this long for another writer before "database is locked".
    cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
    if read_only:
        # SQLite itself refuses writes, whatever a service tries.
        cursor.execute("PRAGMA query_only = ON")
    else:
        # WAL lets the window read while an import writes; it is a no-op for :memory:.
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def make_engine(url: str, read_only: bool = False) -> Engine:
    """An engine for url; SQLite gets its file kept private and its pragmas set (and
    query_only when read_only). Its folder exists: check_location() made sure of that."""
    path = sqlite_path(url)
    if path is not None and path.parent.is_dir():
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
            f"cannot use the database URL {describe(url)} ({type(error).__name__}); give a "
            "file path or a URL such as sqlite:///path/to/file.sqlite"
        ) from None
    if engine.dialect.name == "sqlite":

        def on_connect(dbapi_connection: Any, record: Any) -> None:
            _sqlite_pragmas(read_only, dbapi_connection, record)

        event.listen(engine, "connect", on_connect)
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
