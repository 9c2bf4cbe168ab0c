"""Backups: a consistent copy that opens as a database; failures leave no file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from desktop_app.bootstrap import App, open_app
from desktop_app.domain.errors import UserError
from desktop_app.services import stats
from desktop_app.services.backups import back_up, backup_database
from tests.pg_server import PgServer


def _restored(app: App, backup: Path, request: pytest.FixtureRequest) -> App:
    """The backup opened as a database: a SQLite copy as is, a dump restored on the server."""
    if app.path is not None:
        return open_app(str(backup))
    server: PgServer = request.getfixturevalue("pg_server")
    name = server.empty_database()
    request.addfinalizer(lambda: server.drop_database(name))
    subprocess.run(
        [str(server.bindir / "pg_restore"), "--no-owner", "-d", _libpq(server.url(name)), backup],
        check=True,
        capture_output=True,
    )
    return open_app(server.url(name))


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_backup_opens_with_the_same_data(
    demo_app: App, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    target = tmp_path / ("copy.sqlite" if demo_app.path else "copy.dump")
    target.write_text("an older backup")
    back_up(demo_app.url, target)
    if demo_app.path is None:
        assert target.read_bytes().startswith(b"PGDMP")  # pg_dump's custom format
    copy = _restored(demo_app, target, request)
    assert stats.stats(copy.uow()) == stats.stats(demo_app.uow())
    copy.close()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_failures_are_plain_and_leave_nothing(demo_app: App, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        back_up(demo_app.url, tmp_path / "missing" / "copy.sqlite")
    if demo_app.path is not None:
        with pytest.raises(UserError, match="open database itself"):
            backup_database(demo_app.path, demo_app.path)
    with pytest.raises(UserError, match="database server"):
        backup_database(None, tmp_path / "x.sqlite")
    leftovers = [
        p.name
        for p in tmp_path.rglob("*")
        if "copy" in p.name or p.name.endswith(".part") or p.name == "x.sqlite"
    ]
    assert leftovers == []


def test_a_server_backup_without_pg_dump_is_refused_plainly(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools-here"))
    target = tmp_path / "server.dump"
    with pytest.raises(UserError, match="needs PostgreSQL's pg_dump") as refused:
        back_up(pg_url, target)
    assert "\n" not in str(refused.value)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_server_backup_leaves_no_file(pg_url: str, tmp_path: Path) -> None:
    gone = pg_url.replace("/test_", "/no_such_database_", 1)
    target = tmp_path / "server.dump"
    with pytest.raises(UserError, match="no_such_database") as refused:
        back_up(gone, target)
    assert "\n" not in str(refused.value) and "Traceback" not in str(refused.value)
    assert list(tmp_path.iterdir()) == []
