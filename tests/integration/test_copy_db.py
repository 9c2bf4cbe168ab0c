"""Moving up and back: a laptop's database copied to a server, and a server's to a file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, select
from sqlalchemy.engine import make_url

from desktop_app.bootstrap import App, open_app
from desktop_app.db import migrate
from desktop_app.db.engine import make_engine
from desktop_app.domain.errors import UserError
from desktop_app.domain.records import RegistrantData
from desktop_app.services import registrants, stats
from desktop_app.services.copy_db import copy_database
from tests.integration.test_cli import run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def everything(app: App) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, ordered, with times made comparable across engines."""
    metadata = MetaData()
    with app.engine.connect() as connection:
        metadata.reflect(bind=connection)
        tables = {}
        for table in metadata.sorted_tables:
            order = [table.c.id] if "id" in table.c else list(table.c)
            rows = connection.execute(select(table).order_by(*order)).all()
            tables[table.name] = [tuple(row) for row in rows]
        return tables


@pytest.fixture
def laptop(demo_sqlite: Path, tmp_path: Path) -> Path:
    """A laptop's database file holding the demo series."""
    path = tmp_path / "laptop.sqlite"
    shutil.copyfile(demo_sqlite, path)
    return path


def test_laptop_to_server_and_back_keeps_every_row_and_id(
    laptop: Path, empty_pg_url: str, tmp_path: Path
) -> None:
    up = run("copy-db", "--to", empty_pg_url, "--json", db=laptop)
    assert up.returncode == 0, up.stderr
    report = json.loads(up.stdout)
    assert report["rows"] > 1000 and report["tables"]["registrants"] == 320
    assert "registrants" in up.stderr  # progress, table by table
    original, server = open_app(str(laptop)), open_app(empty_pg_url)
    assert everything(server) == everything(original)
    # New records on the server follow the copied ids.
    new_id = registrants.create_registrant(server.uow(), RegistrantData(email="new@example.org"))
    assert new_id == max(r[0] for r in everything(original)["registrants"]) + 1
    server.close()

    snapshot = tmp_path / "trip.sqlite"
    down = run("copy-db", "--from", empty_pg_url, "--json", db=snapshot)
    assert down.returncode == 0, down.stderr
    assert json.loads(down.stdout)["tables"]["registrants"] == 321
    trip = open_app(str(snapshot))
    copied, before = everything(trip), everything(original)
    assert copied["registrations"] == before["registrations"]
    assert copied["registrants"][:-1] == before["registrants"]
    assert stats.stats(trip.uow()).registrants == 321
    trip.close()
    original.close()


def test_a_target_that_holds_anything_is_refused_and_left_alone(
    laptop: Path, demo_app: App, tmp_path: Path
) -> None:
    before = everything(demo_app)
    result = run("copy-db", "--to", demo_app.url, db=laptop)
    assert result.returncode == 1
    assert "is not empty" in result.stderr and "320 registrants" in result.stderr
    assert "Traceback" not in result.stderr
    assert everything(demo_app) == before


def test_a_cancelled_copy_leaves_the_target_empty(laptop: Path, pg_url: str) -> None:
    source, target = open_app(str(laptop)), open_app(pg_url)
    seen: list[tuple[str, int, int]] = []

    def progress(table: str, done: int, total: int) -> None:
        seen.append((table, done, total))
        if table == "registrations" and done:
            raise UserError("copy cancelled")

    with pytest.raises(UserError, match="cancelled"):
        copy_database(source.engine, target.engine, "laptop", "server", progress)
    bookkeeping = {"alembic_version", "change_counter"}
    left = {name: rows for name, rows in everything(target).items() if name not in bookkeeping}
    assert left and not any(left.values())
    assert stats.stats(target.uow()).registrants == 0
    assert ("registrants", 320, 320) in seen
    # Nothing was left half-done: the same copy now goes through.
    report = copy_database(source.engine, target.engine, "laptop", "server")
    assert report.tables["registrants"] == 320
    source.close()
    target.close()


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("*.sqlite")))
def test_old_laptop_databases_move_to_a_server_and_upgrade_there(
    fixture: str, tmp_path: Path, empty_pg_url: str
) -> None:
    old = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, old)
    source, target = make_engine(f"sqlite:///{old}"), make_engine(empty_pg_url)
    revision = migrate.current_revision(source)
    assert revision != migrate.head_revision()  # the server is upgraded after the copy
    report = copy_database(source, target, fixture, "server")
    assert report.revision == revision and report.tables["registrants"] > 0
    source.dispose()
    target.dispose()
    server = open_app(empty_pg_url)
    assert migrate.current_revision(server.engine) == migrate.head_revision()
    counts = stats.stats(server.uow())
    assert counts.series == 1 and counts.sessions == 4
    assert counts.registrants == report.tables["registrants"]
    assert registrants.list_registrants(server.uow(), text="a")  # search text was filled
    server.close()


def test_the_password_is_never_printed(laptop: Path, empty_pg_url: str) -> None:
    # The test server trusts local connections, so any password is accepted and ignored.
    with_password = empty_pg_url.replace("postgres@", "postgres:Sw0rdfish-42@", 1)
    result = run("copy-db", "--to", with_password, "--json", db=laptop)
    assert result.returncode == 0, result.stderr
    assert "Sw0rdfish" not in result.stdout + result.stderr
    assert make_url(json.loads(result.stdout)["to"]) == make_url(empty_pg_url)
    again = run("copy-db", "--to", with_password, db=laptop)
    assert again.returncode == 1 and "Sw0rdfish" not in again.stdout + again.stderr
