"""Finding damage (quick and full checks) and putting a backup back in place of the database."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

from sqlalchemy import Engine, text

from desktop_app.db import migrate
from desktop_app.db.sqlite_file import check_file, integrity_check, quick_check
from desktop_app.domain.errors import ReadOnlyDatabase, UserError
from desktop_app.domain.rows import BackupRow, CheckReport
from desktop_app.io.private_files import make_private, private_folder
from desktop_app.services import backup_set
from desktop_app.services.failures import plain_errors


def check_database(engine: Engine, where: str, full: bool = True) -> CheckReport:
    """SQLite's full integrity_check (or the quicker quick_check) of the open database; on
    a server, the damage it found itself (its data checksums; the pages are its own)."""
    started = time.perf_counter()
    if engine.dialect.name == "sqlite":
        problems = integrity_check(engine) if full else quick_check(engine)
    else:
        problems = _server_problems(engine, where)
    return CheckReport(where, full, tuple(problems), time.perf_counter() - started)


def _server_problems(engine: Engine, where: str) -> list[str]:
    """Damage a PostgreSQL server has counted in this database's pages (checksum failures;
    NULL when the server keeps no checksums), and a schema this app does not know."""
    with plain_errors(where), engine.connect() as connection:
        failures = connection.execute(
            text(
                "SELECT checksum_failures FROM pg_stat_database WHERE datname = current_database()"
            )
        ).scalar()
    problems = []
    if failures:
        problems.append(
            f"the server found {failures:,} damaged pages (checksum failures); tell its "
            "administrator, who restores a backup with pg_restore (see docs/team-server.md)"
        )
    revision = migrate.current_revision(engine)
    if revision != migrate.head_revision():
        problems.append(f"its schema is at revision {revision}, not {migrate.head_revision()}")
    return problems


def damage_notice(database: Path, problems: list[str]) -> str:
    """What to tell the user about a damaged file, offering the latest good backup."""
    good = backup_set.latest_good(database)
    offer = (
        f"restore the latest good backup, {good.name} "
        f"({good.taken_at.astimezone():%Y-%m-%d %H:%M}, {good.registrants:,} registrants), "
        "with File › Restore… or "
        f"'webinar-desk restore {good.name}'"
        if good
        else "there is no backup of it to restore; copy the file somewhere safe and ask for help"
    )
    more = " and more" if len(problems) > 1 else ""
    return (
        f"{database} is damaged ({problems[0]}{more}), so it was opened read-only and "
        f"nothing will be written into it; {offer}"
    )


def restore_backup(
    engine: Engine, database: Path, name: str, lock_held: bool
) -> tuple[BackupRow, BackupRow]:
    """Put a backup in place of the database, keeping the current file as a backup first.

    Returns (the backup restored, the copy of the file it replaced). The caller must not
    use sessions opened before the restore.
    """
    if not lock_held:
        raise ReadOnlyDatabase(
            f"another copy of Webinar Desk has {database.name} open; close it before restoring"
        )
    chosen = backup_set.find_backup(database, name)
    problems = check_file(chosen.path)
    if problems:
        raise UserError(f"the backup {chosen.name} is damaged ({problems[0]}); choose another")
    revision = _revision(chosen.path)
    if revision is not None and revision not in migrate.known_revisions():
        raise UserError(
            f"the backup {chosen.name} was written by a newer version of Webinar Desk; "
            "update the app to restore it"
        )
    engine.dispose()  # no pooled connection may keep reading the old pages
    kept = _keep_current(database)
    with plain_errors(str(database)):
        try:
            _copy_into(chosen.path, database)
        except sqlite3.Error:  # the current file is too damaged to write through SQLite
            _replace_file(chosen.path, database)
        if migrate.current_revision(engine) != migrate.head_revision():
            migrate.upgrade(engine)
    after = quick_check(engine)
    if after:
        raise UserError(
            f"{database} did not read back after the restore ({after[0]}); the file it "
            f"replaced is kept as {kept.name}"
        )
    return chosen, kept


def _keep_current(database: Path) -> BackupRow:
    """A backup of the file about to be replaced; a raw copy when SQLite cannot read it."""
    try:
        return backup_set.take_backup(database, "before-restore")
    except UserError:
        pass
    folder = backup_set.folder_of(database)
    row_name = backup_set.backup_name(database, "before-restore")
    target = folder / row_name
    try:
        private_folder(folder)
        shutil.copyfile(database, target)
        make_private(target)  # copyfile gives the umask's mode: the copy holds personal data
        wal = database.with_name(database.name + "-wal")
        if wal.exists():  # SQLite reads NAME-wal with NAME, so the copy keeps it
            shutil.copyfile(wal, target.with_name(target.name + "-wal"))
            make_private(target.with_name(target.name + "-wal"))
    except OSError as error:
        raise UserError(
            f"cannot keep a copy of {database.name} before restoring ({error.strerror}); "
            "nothing was changed"
        ) from None
    return backup_set.read_backup(target)


def _copy_into(backup: Path, database: Path) -> None:
    """Overwrite the database's pages with the backup's, through SQLite (WAL-safe)."""
    with sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True) as source:
        with sqlite3.connect(database, timeout=5) as target:
            source.backup(target)
        target.close()
    source.close()


def _replace_file(backup: Path, database: Path) -> None:
    """Swap the file itself in (the old one's WAL and index go, or SQLite would replay them)."""
    temporary = database.with_name(f".{database.name}.restore.part")
    try:
        shutil.copyfile(backup, temporary)
        make_private(temporary)  # it becomes the database: owner only, as the app creates it
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        for suffix in ("-wal", "-shm"):
            database.with_name(database.name + suffix).unlink(missing_ok=True)
        os.replace(temporary, database)
    finally:
        temporary.unlink(missing_ok=True)


def _revision(path: Path) -> str | None:
    """The schema revision a database file is at (None when it has none)."""
    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        connection.close()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None
