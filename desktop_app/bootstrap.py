"""The one place that turns a database location into ready-to-use services."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db import change_feed, migrate, server_errors, server_url
from desktop_app.db.engine import (
    default_data_dir,
    describe_url,
    make_engine,
    resolve_url,
    sqlite_path,
)
from desktop_app.domain.errors import UserError
from desktop_app.services.uow import UnitOfWork


@dataclass
class App:
    """An open database: its URL, engine and a factory of units of work."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    data_dir: Path
    path: Path | None  # the SQLite file, when the database is one

    @property
    def name(self) -> str:
        """The database as a window title names it: the file, or the server's database."""
        return self.path.name if self.path is not None else server_url.describe_server(self.url)

    @property
    def on_server(self) -> bool:
        """True for a shared database server, False for a SQLite file."""
        return self.path is None and server_url.is_server(self.url)

    @property
    def location(self) -> str:
        """Where to open it again: the file, or the server's URL without a password."""
        return str(self.path) if self.path is not None else server_url.without_password(self.url)

    def uow(self) -> UnitOfWork:
        """A fresh unit of work on this database."""
        return UnitOfWork(self.session_factory)

    def close(self) -> None:
        """Release every connection (so the file can be moved or deleted)."""
        self.engine.dispose()


def open_app(db: str | None = None) -> App:
    """Open (creating and migrating as needed) the database named by db, env or default."""
    url = resolve_url(db)
    engine = make_engine(url)
    where = sqlite_path(url) or server_url.describe_server(url)
    try:
        current = migrate.current_revision(engine)
        if current is not None and current not in migrate.known_revisions():
            raise UserError(
                f"the database {where} was written by a newer version of Webinar "
                "Desk; update the app to open it"
            )
        if current != migrate.head_revision():  # Alembic's no-op upgrade costs ~10 ms
            migrate.upgrade(engine)
    except (DatabaseError, OperationalError) as error:
        engine.dispose()
        plain = server_errors.explain(error, str(where))
        if plain is not None:
            raise UserError(plain) from None
        raise UserError(
            f"cannot open the database {where}: {error.orig}; check that it is a "
            "Webinar Desk database and that you may write to it"
        ) from None
    except migrate.MigrationError as error:
        engine.dispose()
        raise UserError(f"cannot upgrade the database {where}: {error}") from None
    path = sqlite_path(url)
    data_dir = path.parent if path is not None else default_data_dir()
    factory = sessionmaker(engine, expire_on_commit=False)
    change_feed.install(factory)  # every save moves the change counter windows poll
    return App(url=url, engine=engine, session_factory=factory, data_dir=data_dir, path=path)


def open_existing(path: Path) -> App:
    """Open a database file that must already exist and be Webinar Desk's (File › Open):
    anything else is refused before it is touched."""
    from desktop_app.db.probe import check_existing_database

    check_existing_database(path)
    return open_app(str(path))


def create_database(path: Path) -> App:
    """Start a new, empty database at path (File › New database): never over a file."""
    if path.exists():
        raise UserError(
            f"{path} already exists; open it with Open database, or choose another name"
        )
    if not path.parent.is_dir():
        raise UserError(f"the folder {path.parent} does not exist; choose another place")
    return open_app(str(path))


def describe_location(app: App) -> str:
    """The open database in words ('webinar-desk.sqlite in ~/.local/share/WebinarDesk')."""
    return describe_url(app.url)
