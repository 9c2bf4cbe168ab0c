"""Automatic backups: daily and weekly on open, before imports and upgrades; restore."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.bootstrap import App, open_app
from desktop_app.db import migrate
from desktop_app.db.sqlite_file import check_file
from desktop_app.domain.errors import NotFound, UserError
from desktop_app.services import backup_set, demo, health, imports, sessions, stats
from tests.integration.test_cli import run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def kinds(db: Path) -> list[str]:
    return sorted(b.kind for b in backup_set.list_backups(db))


def test_a_new_database_has_nothing_to_back_up_then_one_a_day(file_app: App) -> None:
    db = file_app.path
    assert db is not None
    assert backup_set.list_backups(db) == []  # created in this open: nothing to protect
    demo.load_demo(file_app.uow())
    file_app.close()
    open_app(str(db)).close()
    open_app(str(db)).close()  # the same day: no second one
    assert kinds(db) == ["daily", "weekly"]
    newest = backup_set.list_backups(db)[0]
    assert newest.readable and newest.sessions == 4 and newest.registrants > 200
    assert (newest.series, newest.registrations) == (1, stats.stats(file_app.uow()).registrations)


def test_the_rolling_set_keeps_seven_days_and_four_weeks(file_app: App) -> None:
    db = file_app.path
    assert db is not None
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    for day in range(40):
        backup_set.daily_backup(db, start + timedelta(days=day))
    found = backup_set.list_backups(db)
    daily = [b.taken_at.date().isoformat() for b in found if b.kind == "daily"]
    weekly = [b.taken_at.date().isoformat() for b in found if b.kind == "weekly"]
    assert daily == [(start + timedelta(days=d)).date().isoformat() for d in range(39, 32, -1)]
    assert weekly == ["2026-02-05", "2026-01-29", "2026-01-22", "2026-01-15"]
    assert not list(backup_set.folder_of(db).glob(".*.part"))


def test_every_import_and_its_undo_is_backed_up_first(demo_file_app: App, tmp_path: Path) -> None:
    db = demo_file_app.path
    assert db is not None
    people = tmp_path / "people.csv"
    session_id = sessions.list_sessions(demo_file_app.uow())[0].id
    for n in range(7):
        people.write_text(f"Email\nperson{n}@example.org\n")
        report = imports.import_file(demo_file_app.uow(), people, session_id)
    assert kinds(db).count("before-import") == backup_set.KEEP["before-import"]
    newest = backup_set.list_backups(db)[0]
    assert newest.kind == "before-import"
    assert newest.registrants == stats.stats(demo_file_app.uow()).registrants - 1  # as it was
    assert report.batch_id is not None
    imports.undo_import(demo_file_app.uow(), report.batch_id)
    assert backup_set.list_backups(db)[0].kind == "before-undo"
    imports.import_file(demo_file_app.uow(), people, session_id, dry_run=True)
    assert backup_set.list_backups(db)[0].kind == "before-undo"  # a dry run changes nothing


def test_imports_at_once_each_back_up_first_without_breaking_each_other(
    demo_file_app: App, tmp_path: Path
) -> None:
    """Imports on worker threads each take their backup; one's clearing of half-written
    leftovers once deleted the copy another was writing ("disk I/O error")."""
    db = demo_file_app.path
    assert db is not None
    session_id = sessions.list_sessions(demo_file_app.uow())[0].id
    before = stats.stats(demo_file_app.uow()).registrants
    failures: list[BaseException] = []

    def import_some(n: int) -> None:
        people = tmp_path / f"people{n}.csv"
        people.write_text("Email\n" + "".join(f"p{n}.{i}@example.org\n" for i in range(5)))
        try:
            for _ in range(3):
                backup_set.take_backup(db, "before-undo")  # more backups racing the imports
            imports.import_file(demo_file_app.uow(), people, session_id)
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=import_some, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert stats.stats(demo_file_app.uow()).registrants == before + 30
    found = backup_set.list_backups(db)
    assert kinds(db).count("before-import") == backup_set.KEEP["before-import"]
    assert kinds(db).count("before-undo") == backup_set.KEEP["before-undo"]
    assert all(b.readable and not check_file(b.path) for b in found)
    assert not list(backup_set.folder_of(db).glob(".*"))  # no half-written copy is left


def test_an_upgrade_is_backed_up_first(tmp_path: Path) -> None:
    old = next(FIXTURES.glob("*.sqlite"))
    copy = tmp_path / old.name
    shutil.copy(old, copy)
    open_app(str(copy)).close()
    upgrade = [b for b in backup_set.list_backups(copy) if b.kind == "before-upgrade"]
    assert len(upgrade) == 1 and upgrade[0].sessions == 4
    with sqlite3.connect(upgrade[0].path) as connection:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    connection.close()
    assert revision != migrate.head_revision()


def test_restore_puts_a_backup_back_and_keeps_the_current_file(
    demo_file_app: App, tmp_path: Path
) -> None:
    db = demo_file_app.path
    assert db is not None
    people = tmp_path / "people.csv"
    people.write_text("Email\nlate.comer@example.org\n")
    imports.import_file(demo_file_app.uow(), people, 1)
    before_import = backup_set.list_backups(db)[0]
    with pytest.raises(NotFound, match="no backup named"):
        health.restore_backup(demo_file_app.engine, db, "nope.sqlite", True)
    with pytest.raises(UserError, match="close it before restoring"):
        health.restore_backup(demo_file_app.engine, db, before_import.name, False)
    restored, kept = health.restore_backup(demo_file_app.engine, db, before_import.name, True)
    assert restored == before_import and kept.kind == "before-restore"
    assert stats.stats(demo_file_app.uow()).registrants == before_import.registrants
    assert kept.registrants == before_import.registrants + 1  # the replaced state is kept
    assert health.check_database(demo_file_app.engine, str(db)).sound


def test_a_damaged_backup_is_not_restored(demo_file_app: App, tmp_path: Path) -> None:
    db = demo_file_app.path
    assert db is not None
    people = tmp_path / "people.csv"
    people.write_text("Email\nlate.comer@example.org\n")
    imports.import_file(demo_file_app.uow(), people, 1)
    backup = backup_set.list_backups(db)[0]
    backup.path.write_bytes(backup.path.read_bytes()[:8192] + b"\x00" * 40000)
    before = stats.stats(demo_file_app.uow())
    with pytest.raises(UserError, match="is damaged"):
        health.restore_backup(demo_file_app.engine, db, backup.name, True)
    assert stats.stats(demo_file_app.uow()) == before


def test_the_backups_and_restore_commands(demo_file_app: App, tmp_path: Path) -> None:
    db = demo_file_app.path
    assert db is not None
    demo_file_app.close()
    shutil.rmtree(backup_set.folder_of(db), ignore_errors=True)
    listed = json.loads(run("backups", "--json", db=db).stdout)  # opening took today's
    assert sorted(b["kind"] for b in listed) == ["daily", "weekly"]
    assert all(b["registrants"] > 200 and b["sessions"] == 4 for b in listed)
    text = run("backups", db=db).stdout
    assert listed[0]["name"] in text and "registrants" in text
    result = run("restore", listed[0]["name"], "--json", db=db)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["kept"].endswith(".before-restore.sqlite")
    assert run("check", "--quick", db=db).returncode == 0
    assert sorted(kinds(db)) == ["before-restore", "daily", "weekly"]
    missing = run("restore", "nothing.sqlite", db=db)
    assert missing.returncode == 1 and "no backup named nothing.sqlite" in missing.stderr


def test_on_a_server_backups_are_pg_dumps_not_automatic_copies(
    pg_demo_url: str, tmp_path: Path
) -> None:
    server = open_app(pg_demo_url)
    people = tmp_path / "people.csv"
    people.write_text("Email\nlate.comer@example.org\n")
    report = imports.import_file(server.uow(), people, 1)
    assert report.batch_id is not None
    imports.undo_import(server.uow(), report.batch_id)
    assert not server.read_only and server.path is None
    server.close()
    # Nothing was copied into the data folder (there is no file to copy) …
    assert not any(server.data_dir.rglob("*.sqlite")) if server.data_dir.exists() else True
    # … and the commands for files say what to do for a server instead.
    for args in (("backups",), ("restore", "any.sqlite")):
        refused = run(*args, db=pg_demo_url)
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert "webinar-desk backup OUT.dump" in refused.stderr and "pg_restore" in refused.stderr
    check = run("check", "--json", db=pg_demo_url)
    assert check.returncode == 0, check.stderr
    assert json.loads(check.stdout)["check"] == "server checksums"
