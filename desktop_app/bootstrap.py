"""The one place that turns a database location into ready-to-use services."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db import change_feed, migrate, server_url, writer_lock
from desktop_app.db.engine import (
    default_data_dir,
    describe,
    describe_url,
    is_default_location,
    make_engine,
    resolve_url,
    sqlite_path,
)
from desktop_app.db.sqlite_file import check_location, quick_check
from desktop_app.domain.errors import UserError
from desktop_app.services import backup_set, health
from desktop_app.services.failures import plain_errors
from desktop_app.services.uow import UnitOfWork

log = logging.getLogger(__name__)


@dataclass
class App:
    """An open database: its URL, engine and a factory of units of work.

    read_only_reason says why this copy may not write (another copy holds the database,
    or it is damaged); services refuse changes with it, and the window shows `notice`.
    """

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    data_dir: Path
    path: Path | None  # the SQLite file, when the database is one
    read_only_reason: str | None = None
    notice: str = ""  # one line for the window's banner; "" when all is well
    damaged: bool = False  # quick_check found damage on open (read-only; offer a backup)
    lock: writer_lock.WriterLock | None = field(default=None, repr=False)

    @property
    def read_only(self) -> bool:
        """True when this copy may read the database but not change it."""
        return self.read_only_reason is not None

    @property
    def where(self) -> str:
        """The database as messages name it."""
        return describe(self.url)

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
        return UnitOfWork(
            self.session_factory, self.where, self.read_only_reason, self._backup_hook()
        )

    def _backup_hook(self) -> backup_set.BackupHook | None:
        """Takes a backup of the file before a big change (SQLite files we may write only)."""
        path = self.path
        if path is None or self.read_only:
            return None
        return lambda kind: backup_set.take_backup(path, kind)

    def close(self) -> None:
        """Release every connection and the writer lock (so another copy may write)."""
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release(sound=not self.damaged)


def open_app(db: str | None = None) -> App:
    """Open (creating and migrating as needed) the database named by db, env or default.

    A SQLite file is checked before it is opened (its folder exists, it is a database),
    locked for this copy (a second copy gets it read-only), checked for damage (opened
    read-only when damaged), and backed up once a day and before an upgrade.
    """
    url = resolve_url(db)
    path = sqlite_path(url)
    lock: writer_lock.WriterLock | None = None
    reason: str | None = None
    existed = False
    if path is not None:
        # A file that is not SQLite at all is refused, unless it has backups: then it is
        # this database, damaged, and opens read-only so a backup can be restored.
        check_location(
            path,
            create_folder=is_default_location(db),
            foreign_refused=not backup_set.has_backups(path),
        )
        existed = path.is_file() and path.stat().st_size > 0
        taken = writer_lock.take(path)
        if isinstance(taken, writer_lock.Holder):
            reason = (
                f"another copy of Webinar Desk ({taken.describe()}) has {path.name} open, so "
                "this one may only read it; close the other copy to make changes"
            ).replace(" ()", "")
        else:
            lock = taken
    try:
        app = _open(url, path, existed, reason, lock is None or lock.needs_check)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    app.lock = lock
    return app


def _open(url: str, path: Path | None, existed: bool, reason: str | None, suspect: bool) -> App:
    """The engine, the damage check with the daily backup, then migrations."""
    where = describe(url)
    engine = make_engine(url, read_only=reason is not None)
    notice = f"Opened read-only: {reason}" if reason else ""
    problems: list[str] = []
    try:
        if path is not None and existed and reason is None:  # the writer checks
            problems, notice = _check_and_back_up(engine, path, suspect)
        if problems:
            assert path is not None
            reason = notice = health.damage_notice(path, problems)
            log.warning("quick_check of %s found: %s", path, problems[:20])
            engine.dispose()
            engine = make_engine(url, read_only=True)
        else:
            _migrate(engine, where, path if existed and reason is None else None, reason)
    except BaseException:
        engine.dispose()
        raise
    data_dir = path.parent if path is not None else default_data_dir()
    factory = sessionmaker(engine, expire_on_commit=False)
    change_feed.install(factory)  # every save moves the change counter windows poll
    return App(url, engine, factory, data_dir, path, reason, notice, damaged=bool(problems))


def _migrate(engine: Engine, where: str, backup_first: Path | None, reason: str | None) -> None:
    """Refuse a newer schema; bring an older one up to date (backed up first)."""
    with plain_errors(where):
        current = migrate.current_revision(engine)
        if current is not None and current not in migrate.known_revisions():
            raise UserError(
                f"the database {where} was written by a newer version of Webinar "
                "Desk; update the app to open it"
            )
        if current == migrate.head_revision():  # Alembic's no-op upgrade costs ~10 ms
            return
        if reason is not None:
            raise UserError(
                f"the database {where} must be upgraded for this version of Webinar Desk, "
                f"but it is open read-only ({reason}); close the other copy and try again"
            )
        if backup_first is not None and current is not None:
            backup_set.take_backup(backup_first, "before-upgrade")
        try:
            migrate.upgrade(engine)
        except migrate.MigrationError as error:
            raise UserError(f"cannot upgrade the database {where}: {error}") from None


def _check_and_back_up(engine: Engine, path: Path, suspect: bool) -> tuple[list[str], str]:
    """Damage found on open, and a notice for the window.

    quick_check reads every page (about 1 s at 100,000 registrants on a busy machine), so
    it runs when the file is suspect: the last copy did not close cleanly, or the file
    changed since it did (or there is no lock file to tell). The day's first open takes
    the daily backup, whose verification reads every page the same way. A backup that
    cannot be written is a notice, and the file is then checked directly.
    """
    if suspect:
        problems = quick_check(engine)
        if problems:
            return problems, ""
    if not backup_set.daily_due(path):
        return [], ""
    try:
        backup_set.daily_backup(path)
    except UserError as error:
        log.warning("daily backup failed: %s", error)
        return quick_check(engine), f"The daily backup could not be written: {error}"
    return [], ""


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
