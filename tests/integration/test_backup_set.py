"""Automatic backups: daily and weekly on open, before imports and upgrades; restore."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.bootstrap import App, open_app
from desktop_app.db import migrate
from desktop_app.domain.errors import NotFound, UserError
from desktop_app.services import backup_set, health, imports, sessions, stats
from tests.integration.test_cli import run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def kinds(db: Path) -> list[str]:
    return sorted(b.kind for b in backup_set.list_backups(db))


def test_a_new_database_has_nothing_to_back_up_then_one_a_day(demo_app: App) -> None:
    db = demo_app.path
    assert db is not None
    assert backup_set.list_backups(db) == []  # created in this open: nothing to protect
    demo_app.close()
    open_app(str(db)).close()
    open_app(str(db)).close()  # the same day: no second one
    assert kinds(db) == ["daily", "weekly"]
    newest = backup_set.list_backups(db)[0]
    assert newest.readable and newest.sessions == 4 and newest.registrants > 200
    assert (newest.series, newest.registrations) == (1, stats.stats(demo_app.uow()).registrations)


def test_the_rolling_set_keeps_seven_days_and_four_weeks(app: App) -> None:
    db = app.path
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


def test_every_import_and_its_undo_is_backed_up_first(demo_app: App, tmp_path: Path) -> None:
    db = demo_app.path
    assert db is not None
    people = tmp_path / "people.csv"
    session_id = sessions.list_sessions(demo_app.uow())[0].id
    for n in range(7):
        people.write_text(f"Email\nperson{n}@example.org\n")
        report = imports.import_file(demo_app.uow(), people, session_id)
    assert kinds(db).count("before-import") == backup_set.KEEP["before-import"]
    newest = backup_set.list_backups(db)[0]
    assert newest.kind == "before-import"
    assert newest.registrants == stats.stats(demo_app.uow()).registrants - 1  # as it was
    assert report.batch_id is not None
    imports.undo_import(demo_app.uow(), report.batch_id)
    assert backup_set.list_backups(db)[0].kind == "before-undo"
    imports.import_file(demo_app.uow(), people, session_id, dry_run=True)
    assert backup_set.list_backups(db)[0].kind == "before-undo"  # a dry run changes nothing


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
    demo_app: App, tmp_path: Path
) -> None:
    db = demo_app.path
    assert db is not None
    people = tmp_path / "people.csv"
    people.write_text("Email\nlate.comer@example.org\n")
    imports.import_file(demo_app.uow(), people, 1)
    before_import = backup_set.list_backups(db)[0]
    with pytest.raises(NotFound, match="no backup named"):
        health.restore_backup(demo_app.engine, db, "nope.sqlite", True)
    with pytest.raises(UserError, match="close it before restoring"):
        health.restore_backup(demo_app.engine, db, before_import.name, False)
    restored, kept = health.restore_backup(demo_app.engine, db, before_import.name, True)
    assert restored == before_import and kept.kind == "before-restore"
    assert stats.stats(demo_app.uow()).registrants == before_import.registrants
    assert kept.registrants == before_import.registrants + 1  # the replaced state is kept
    assert health.check_database(demo_app.engine, str(db)).sound


def test_a_damaged_backup_is_not_restored(demo_app: App, tmp_path: Path) -> None:
    db = demo_app.path
    assert db is not None
    people = tmp_path / "people.csv"
    people.write_text("Email\nlate.comer@example.org\n")
    imports.import_file(demo_app.uow(), people, 1)
    backup = backup_set.list_backups(db)[0]
    backup.path.write_bytes(backup.path.read_bytes()[:8192] + b"\x00" * 40000)
    before = stats.stats(demo_app.uow())
    with pytest.raises(UserError, match="is damaged"):
        health.restore_backup(demo_app.engine, db, backup.name, True)
    assert stats.stats(demo_app.uow()) == before


def test_the_backups_and_restore_commands(demo_app: App, tmp_path: Path) -> None:
    db = demo_app.path
    assert db is not None
    demo_app.close()
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
