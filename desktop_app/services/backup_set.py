"""The rolling set of automatic backups in a `backups/` folder beside the database.

Each copy is written with SQLite's backup API (consistent while the app writes), checked
with quick_check by opening it, and only then given its name; old ones are pruned by kind.
"""

from __future__ import annotations

import glob
import logging
import os
import re
import shutil
import sqlite3
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop_app.db.sqlite_file import check_file
from desktop_app.domain.errors import NotFound, UserError
from desktop_app.domain.rows import BackupRow

log = logging.getLogger(__name__)

BackupHook = Callable[[str], object]  # takes a backup of the given kind
FOLDER = "backups"
# How many of each kind are kept (the newest ones).
KEEP = {
    "daily": 7,
    "weekly": 4,
    "before-import": 5,
    "before-undo": 3,
    "before-upgrade": 3,
    "before-restore": 3,
}
KIND_LABELS = {
    "daily": "daily",
    "weekly": "weekly",
    "before-import": "before an import",
    "before-undo": "before undoing an import",
    "before-upgrade": "before an upgrade",
    "before-restore": "before a restore",
}
_ONE_AT_A_TIME = threading.Lock()
_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{8}-\d{6}-\d{6})\.(?P<kind>[a-z-]+)\.sqlite$")


def folder_of(database: Path) -> Path:
    """Where the backups of a database live."""
    return database.parent / FOLDER


def take_backup(database: Path, kind: str, now: datetime | None = None) -> BackupRow:
    """Write a verified copy of the database into the backup folder; prune that kind.

    One backup at a time in this process (only the copy holding the writer lock takes
    them): imports running at once on worker threads each back up first, and one's
    clearing of half-written leftovers must never delete the copy another is writing
    (SQLite then fails that copy with "disk I/O error").
    """
    if kind not in KEEP:
        raise ValueError(f"unknown backup kind {kind}")
    with _ONE_AT_A_TIME:
        return _take_backup(database, kind, now)


def _take_backup(database: Path, kind: str, now: datetime | None) -> BackupRow:
    """take_backup, under its lock."""
    folder = folder_of(database)
    target = folder / backup_name(database, kind, now)
    temporary = folder / f".{target.name}.part"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        _clear_leftovers(folder)
        _copy(database, temporary)
        os.chmod(temporary, 0o600)  # personal data: for this user only
        problems = check_file(temporary)
        if problems:
            raise UserError(
                f"the backup of {database.name} did not read back ({problems[0]}); the "
                "database may be damaged: run 'webinar-desk check'"
            )
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise UserError(
            f"cannot write a backup of {database.name} into {folder}: {reason}"
        ) from None
    finally:
        temporary.unlink(missing_ok=True)
    prune(database, kind)
    return read_backup(target)


def backup_name(database: Path, kind: str, now: datetime | None = None) -> str:
    """The file name of a backup of this kind taken now: STEM.STAMP.KIND.sqlite."""
    return f"{database.stem}.{(now or datetime.now(UTC)):{_STAMP}}.{kind}.sqlite"


def daily_due(database: Path, now: datetime | None = None) -> bool:
    """True when today's backup has not been taken yet (names only: cheap)."""
    today = (now or datetime.now(UTC)).astimezone().date()
    folder = folder_of(database)
    for path in folder.glob(f"{glob.escape(database.stem)}.*.daily.sqlite"):
        match = _NAME.match(path.name)
        if match and match["stem"] == database.stem:
            taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
            if taken.astimezone().date() == today:
                return False
    return True


def daily_backup(database: Path, now: datetime | None = None) -> BackupRow | None:
    """Today's backup (and this week's) unless it exists already; None when it does."""
    moment = now or datetime.now(UTC)
    if not daily_due(database, moment):
        return None
    existing = list_backups(database)
    row = take_backup(database, "daily", moment)
    if not any(b.kind == "weekly" and moment - b.taken_at < timedelta(days=7) for b in existing):
        weekly = row.path.with_name(row.path.name.replace(".daily.", ".weekly."))
        try:
            os.link(row.path, weekly)  # the same bytes under a second name costs nothing
        except OSError:
            shutil.copyfile(row.path, weekly)
        prune(database, "weekly")
    return row


def list_backups(database: Path) -> list[BackupRow]:
    """The backups of a database, newest first, with their counts."""
    folder = folder_of(database)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and match["stem"] == database.stem and match["kind"] in KEEP:
            try:
                found.append(read_backup(path))
            except FileNotFoundError:  # pruned while this list was made
                continue
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def has_backups(database: Path) -> bool:
    """True when the backup folder holds any backup of this database (names only: cheap)."""
    folder = folder_of(database)
    return folder.is_dir() and any(folder.glob(f"{glob.escape(database.stem)}.*.sqlite"))


def latest_good(database: Path) -> BackupRow | None:
    """The newest backup that opens."""
    return next((b for b in list_backups(database) if b.readable), None)


def find_backup(database: Path, name: str) -> BackupRow:
    """A backup of this database by file name (or path); NotFound lists where to look."""
    wanted = Path(name).name
    for row in list_backups(database):
        if row.name == wanted:
            return row
    raise NotFound(
        f"there is no backup named {wanted} in {folder_of(database)}; list them with "
        "'webinar-desk backups'"
    )


def read_backup(path: Path) -> BackupRow:
    """A backup file's row: its kind and time from the name, its counts from inside."""
    match = _NAME.match(path.name)
    if match is None:
        raise ValueError(f"{path.name} is not named as a backup")
    taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
    counts = _counts(path)
    return BackupRow(
        path=path,
        kind=match["kind"],
        taken_at=taken,
        size=path.stat().st_size,
        readable=counts is not None,
        series=counts[0] if counts else 0,
        sessions=counts[1] if counts else 0,
        registrants=counts[2] if counts else 0,
        registrations=counts[3] if counts else 0,
    )


def prune(database: Path, kind: str) -> None:
    """Delete the oldest backups of a kind beyond how many are kept."""
    of_kind = [b for b in list_backups(database) if b.kind == kind]
    for old in of_kind[KEEP[kind] :]:
        try:
            old.path.unlink()
            old.path.with_name(old.path.name + "-wal").unlink(missing_ok=True)
        except OSError as error:
            log.warning("cannot delete the old backup %s: %s", old.path, error.strerror)


def _copy(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API, flushed to disk."""
    # Not mode=ro: a read-only open of a WAL database fails when no other copy has it open.
    with sqlite3.connect(source) as original:
        with sqlite3.connect(target) as copy:
            original.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        copy.close()
    original.close()
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def _counts(path: Path) -> tuple[int, int, int, int] | None:
    """Series, sessions, registrants and registrations in a backup; None if unreadable."""
    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
            counts = tuple(
                int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in ("series", "sessions", "registrants", "registrations")
            )
        connection.close()
    except sqlite3.Error:
        return None
    return counts[0], counts[1], counts[2], counts[3]


def _clear_leftovers(folder: Path) -> None:
    """Remove half-written backups a killed copy left behind (only the writer gets here)."""
    for leftover in folder.glob(".*.sqlite.part"):
        leftover.unlink(missing_ok=True)
