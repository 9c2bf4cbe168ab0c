"""Database faults end in one plain line without personal data, and lose nothing."""

from __future__ import annotations

import json
import logging
import os
import random
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.orm import sessionmaker

from desktop_app.bootstrap import App, open_app
from desktop_app.db import engine as engine_module
from desktop_app.db.engine import make_engine
from desktop_app.domain.errors import ReadOnlyDatabase, UserError
from desktop_app.domain.records import SpeakerData
from desktop_app.services import import_writer, imports, sessions, speakers, stats
from desktop_app.services.stale_plan import plan_again_if_stale
from desktop_app.services.uow import UnitOfWork
from tests.integration.test_cli import SCRIPT, run

EMAILS = [f"person.{n}@private.example" for n in range(600)]


def people_file(folder: Path, name: str, organisation: str, emails: list[str] = EMAILS) -> Path:
    path = folder / name
    rows = "".join(f"{e},First{n},Last{n},{organisation}\n" for n, e in enumerate(emails))
    path.write_text("Email,First name,Last name,Organisation\n" + rows)
    return path


def dump(app: App) -> list[Any]:
    with app.engine.connect() as connection:
        return [
            connection.execute(text(f"SELECT * FROM {t} ORDER BY id")).all()
            for t in ("registrants", "registrations", "import_batches")
        ]


def assert_plain(message: str) -> None:
    assert "\n" not in message and "@" not in message and "SELECT" not in message
    assert "INSERT" not in message and "[parameters" not in message


def test_a_full_disk_is_one_plain_line_and_changes_nothing(
    demo_file_app: App, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with demo_file_app.engine.connect() as connection:
        pages = connection.execute(text("PRAGMA page_count")).scalar()

    # SQLite's own "database or disk is full", by capping the file at its current size.
    @event.listens_for(demo_file_app.engine, "connect")
    def cap(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    demo_file_app.engine.dispose()
    before = dump(demo_file_app)
    big = people_file(tmp_path, "big.csv", "Org " + "x" * 200)
    with caplog.at_level(logging.WARNING), pytest.raises(UserError) as refused:
        imports.import_file(
            demo_file_app.uow(), big, sessions.list_sessions(demo_file_app.uow())[0].id
        )
    assert "disk is full" in str(refused.value) and "nothing was changed" in str(refused.value)
    assert str(demo_file_app.path) in str(refused.value)
    assert_plain(str(refused.value))
    assert dump(demo_file_app) == before
    # The details (with the SQL) are in the log, not in the message.
    assert any("disk is full" in r.getMessage() for r in caplog.records)


def test_a_read_only_file_is_named_plainly(demo_file_app: App) -> None:
    assert demo_file_app.path is not None
    # A file the system will not let SQLite write (as with chmod -w; the tests run as root).
    engine = make_engine(f"sqlite:///file:{demo_file_app.path}?mode=ro&uri=true", read_only=False)
    uow = UnitOfWork(sessionmaker(engine), str(demo_file_app.path))
    with pytest.raises(UserError, match="read-only") as refused:
        speakers.create_speaker(uow, SpeakerData("Ann Example", email="ann@private.example"))
    assert_plain(str(refused.value))
    assert str(demo_file_app.path) in str(refused.value)
    engine.dispose()


def test_a_busy_database_waits_then_says_another_import_is_running(
    demo_file_app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    demo_file_app.engine.dispose()  # new connections take the shorter wait
    assert demo_file_app.path is not None
    holder = sqlite3.connect(demo_file_app.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer that does not let go
    try:
        small = people_file(tmp_path, "small.csv", "Org", EMAILS[:3])
        with pytest.raises(UserError, match="another import is running") as refused:
            imports.import_file(demo_file_app.uow(), small, 1)
        assert_plain(str(refused.value))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert imports.import_file(demo_file_app.uow(), small, 1).registrants_created == 3


def test_two_imports_of_the_same_people_at_once_replan(
    demo_file_app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Planned 500 people at a time, the 600 take two lookups: Cancel is asked between them.
    monkeypatch.setattr(import_writer, "PLAN_CHUNK", 500)
    session_id = sessions.list_sessions(demo_file_app.uow())[0].id
    first = people_file(tmp_path, "first.csv", "First org")
    second = people_file(tmp_path, "second.csv", "Second org")
    checks = {"n": 0}

    def keep_going(done: int, total: int) -> bool:
        checks["n"] += 1
        if checks["n"] == 2:  # the first import has planned 500 people as new: now
            imports.import_file(demo_file_app.uow(), second, session_id)  # they arrive
        return True

    report = imports.import_file(demo_file_app.uow(), first, session_id, keep_going=keep_going)
    assert report.registrants_created == 0 and report.registrants_updated == len(EMAILS)
    with demo_file_app.engine.connect() as connection:
        counts = connection.execute(
            text(
                "SELECT count(*), count(DISTINCT email), min(organisation), max(organisation) "
                "FROM registrants WHERE email LIKE '%@private.example'"
            )
        ).one()
    assert tuple(counts) == (600, 600, "First org", "First org")
    assert [b.file_name for b in imports.list_batches(demo_file_app.uow())] == [
        "first.csv",
        "second.csv",
    ]


def test_a_plan_that_goes_stale_twice_is_refused_plainly() -> None:
    from desktop_app.domain.errors import Conflict

    calls: list[int] = []

    def attempt() -> int:
        calls.append(1)
        raise Conflict("duplicate")

    with pytest.raises(UserError, match="another import was bringing in the same people"):
        plan_again_if_stale(attempt)
    assert len(calls) == 2


def test_an_id_beyond_what_a_database_holds(demo_app: App) -> None:
    with pytest.raises(UserError, match="no session with id"):
        sessions.get_session(demo_app.uow(), 99999999999999999999)
    with pytest.raises(UserError, match="no session with id"):
        imports.import_parsed(demo_app.uow(), None, "", 2**64)  # type: ignore[arg-type]
    demo_app.close()
    for args in (
        ("import", "x.csv", "--session", "99999999999999999999"),
        ("undo-import", "99999999999999999999"),
        ("sessions", "--series", "-1"),
    ):
        result = run(*args, db=demo_app.url)
        assert result.returncode == 2 and "is not an id" in result.stderr
        assert "Traceback" not in result.stderr


def corrupt(path: Path) -> None:
    """Scribble over a few pages in the middle of the file, as a failing disk would."""
    data = bytearray(path.read_bytes())
    noise = random.Random(7)
    for page in range(30, min(70, len(data) // 4096 - 1), 3):
        start = page * 4096 + 8
        data[start : start + 200] = bytes(noise.randrange(256) for _ in range(200))
    path.write_bytes(bytes(data))


def test_a_damaged_file_opens_read_only_offering_the_latest_good_backup(demo_file_app: App) -> None:
    assert demo_file_app.path is not None
    db = demo_file_app.path
    demo_file_app.close()
    open_app(str(db)).close()  # the day's backup
    corrupt(db)
    damaged = open_app(str(db))
    try:
        assert damaged.damaged and damaged.read_only
        assert "is damaged" in damaged.notice and "latest good backup" in damaged.notice
        assert "webinar-desk restore test." in damaged.notice
        with pytest.raises(ReadOnlyDatabase):  # nothing is written into a damaged file
            speakers.create_speaker(damaged.uow(), SpeakerData("Never saved"))
    finally:
        damaged.close()
    before = db.read_bytes()
    result = run("demo", db=db)
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "damaged" in result.stderr and "Traceback" not in result.stderr
    assert db.read_bytes() == before
    check = run("check", db=db)
    assert check.returncode == 1 and "webinar-desk restore" in check.stderr
    name = run("backups", "--json", db=db)
    assert name.returncode == 0, name.stderr
    restored = run("restore", json.loads(name.stdout)[0]["name"], db=db)
    assert restored.returncode == 0, restored.stderr
    assert run("check", db=db).returncode == 0
    healthy = open_app(str(db))
    assert not healthy.read_only and stats.stats(healthy.uow()).sessions == 4
    healthy.close()
    if os.name == "posix":  # the database and the kept damaged copy stay the owner's alone
        kept = [p for p in (db.parent / "backups").iterdir() if "before-restore" in p.name]
        assert kept and db.stat().st_mode & 0o777 == 0o600
        assert {p.stat().st_mode & 0o777 for p in kept} == {0o600}


def test_a_broken_pipe_ends_quietly(demo_app: App) -> None:
    demo_app.close()
    result = subprocess.run(
        f"'{SCRIPT}' --db '{demo_app.url}' sessions --json | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.stdout == "[\n" and result.stderr == ""


@pytest.mark.parametrize("db", ["nonsense:/x", "nonsense://x", "missing/dir/x.sqlite"])
def test_a_bad_db_value_creates_nothing(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    result = subprocess.run(
        [SCRIPT or "webinar-desk", "--db", db, "stats"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("webinar-desk: error:")
    assert db in lines[0] or str(work / "missing" / "dir") in lines[0]
    assert list(work.iterdir()) == []


def test_only_the_default_data_folder_is_created_on_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = open_app()  # XDG_DATA_HOME points into tmp_path (conftest)
    assert opened.path is not None and opened.path.parent.is_dir()
    opened.close()
    with pytest.raises(UserError, match="does not exist"):
        open_app(str(tmp_path / "typo" / "x.sqlite"))
    assert not (tmp_path / "typo").exists()
    shutil.rmtree(opened.path.parent)


def test_a_file_whose_header_is_gone_is_damaged_not_foreign_when_it_has_backups(
    demo_file_app: App,
) -> None:
    assert demo_file_app.path is not None
    db = demo_file_app.path
    demo_file_app.close()
    open_app(str(db)).close()  # the day's backup
    data = bytearray(db.read_bytes())
    data[:100] = b"\x00" * 100  # the header, as a disk failure might leave it
    db.write_bytes(bytes(data))
    damaged = open_app(str(db))
    assert damaged.damaged and "latest good backup" in damaged.notice
    damaged.close()
    listed = run("backups", "--json", db=db)
    name = json.loads(listed.stdout)[0]["name"]
    restored = run("restore", name, db=db)
    assert restored.returncode == 0, restored.stderr
    assert "kept as" in restored.stdout
    again = open_app(str(db))
    assert not again.read_only and stats.stats(again.uow()).sessions == 4
    again.close()
