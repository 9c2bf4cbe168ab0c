"""Fixtures shared by every test: a real database on each engine, fresh for each test.

Every test that asks for `db_url`, `app` or `demo_app` runs twice: on a SQLite file in a
temporary folder and on a PostgreSQL database copied from a migrated template on a
throw-away server (tests/pg_server.py) started once per run. `db_path` is always a SQLite
file, for the tests that are about files.

WEBINAR_DESK_TEST_PG=0 leaves the server out for a quick SQLite-only run; under CI
(CI=true) both engines always run and a server that cannot start fails the run.
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

# Tests never need a screen; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop_app.bootstrap import App, open_app
from desktop_app.services import demo
from tests.pg_server import TEMPLATE, PgServer

# Tests never write into the repository: Hypothesis keeps no example database and caches
# what it learns from the source in the temporary folder, not in ./.hypothesis.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "webinar-desk-hypothesis")
settings.register_profile("webinar-desk", database=None)
settings.load_profile("webinar-desk")

PG_SWITCH = "WEBINAR_DESK_TEST_PG"


def postgres_wanted() -> bool:
    """True unless this is a quick local run that asked to leave PostgreSQL out."""
    if os.environ.get("CI", "").lower() in ("true", "1"):
        return True
    return os.environ.get(PG_SWITCH, "1") != "0"


ENGINES = ["sqlite", "postgresql"] if postgres_wanted() else ["sqlite"]


def pytest_report_header() -> str:
    """Say on which engines this run tests the database."""
    if postgres_wanted():
        return "database engines: sqlite, postgresql (throw-away server)"
    return f"database engines: sqlite only ({PG_SWITCH}=0)"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One PostgreSQL server for the whole run, with a template database at the newest
    schema; started on first use, stopped and deleted at the end."""
    if not postgres_wanted():
        pytest.skip(f"PostgreSQL left out of this run ({PG_SWITCH}=0)")
    server = PgServer()
    try:
        server.start()
        open_app(server.url(TEMPLATE)).close()
        yield server
    finally:
        server.stop()


def _let_workers_finish() -> None:
    """Wait for Qt's background work (in UI tests): a worker still reading holds a
    connection that closing the App cannot close."""
    qt_core = sys.modules.get("PySide6.QtCore")
    if qt_core is not None:
        qt_core.QThreadPool.globalInstance().waitForDone(20_000)


def _close(opened: App) -> None:
    """Close a test's App once no worker is using it."""
    _let_workers_finish()
    opened.close()


def _collect_left_connections() -> None:
    """Before a test's server database is dropped, collect garbage: a connection the test
    left open then warns in that test, not at random in a later one."""
    _let_workers_finish()
    gc.collect()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database (dropped after the test)."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    _collect_left_connections()
    pg_server.drop_database(name)


@pytest.fixture
def empty_pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh PostgreSQL database with no tables (dropped after the test)."""
    name = pg_server.empty_database()
    yield pg_server.url(name)
    _collect_left_connections()
    pg_server.drop_database(name)


@pytest.fixture(params=ENGINES)
def engine_name(request: pytest.FixtureRequest) -> str:
    """The engine under test: 'sqlite' or 'postgresql'."""
    return str(request.param)


@pytest.fixture
def db_url(engine_name: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the test's database lives, as --db takes it: a file path or a server URL."""
    if engine_name == "sqlite":
        return str(tmp_path / "test.sqlite")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's SQLite database file lives (not created yet)."""
    return tmp_path / "test.sqlite"


@pytest.fixture
def app(db_url: str) -> Iterator[App]:
    """An empty, migrated database on the engine under test."""
    opened = open_app(db_url)
    yield opened
    _close(opened)


@pytest.fixture(scope="session")
def demo_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the demo series, loaded once per run and copied per test."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    loaded = open_app(str(path))
    demo.load_demo(loaded.uow())
    loaded.close()  # the last connection checkpoints the WAL into the file
    return path


@pytest.fixture(scope="session")
def demo_pg_template(pg_server: PgServer) -> str:
    """A server database holding the demo series, loaded once per run, copied per test."""
    name = pg_server.create_database()
    loaded = open_app(pg_server.url(name))
    demo.load_demo(loaded.uow())
    loaded.close()
    return name


@pytest.fixture
def pg_demo_url(pg_server: PgServer, demo_pg_template: str) -> Iterator[str]:
    """A fresh PostgreSQL database holding the demo series (for server-only behaviour)."""
    name = pg_server.create_database(demo_pg_template)
    yield pg_server.url(name)
    _collect_left_connections()
    pg_server.drop_database(name)


@pytest.fixture
def demo_app(engine_name: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[App]:
    """A database holding the demo series (as demo.load_demo leaves it), on the engine under
    test; a copy of one loaded per run, which is much faster than loading it per test."""
    if engine_name == "sqlite":
        url = str(tmp_path / "test.sqlite")
        shutil.copyfile(request.getfixturevalue("demo_sqlite"), url)
    else:
        server: PgServer = request.getfixturevalue("pg_server")
        name = server.create_database(request.getfixturevalue("demo_pg_template"))

        def drop() -> None:
            _collect_left_connections()
            server.drop_database(name)

        request.addfinalizer(drop)
        url = server.url(name)
    opened = open_app(url)
    yield opened
    _close(opened)


@pytest.fixture
def file_app(db_path: Path) -> Iterator[App]:
    """An empty, migrated SQLite file, for the tests that are about files (lock file,
    automatic backups, damage, restore)."""
    opened = open_app(str(db_path))
    yield opened
    opened.close()


@pytest.fixture
def demo_file_app(db_path: Path, demo_sqlite: Path) -> Iterator[App]:
    """A SQLite file holding the demo series, for the tests that are about files."""
    shutil.copyfile(demo_sqlite, db_path)
    opened = open_app(str(db_path))
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep QSettings, platformdirs and $WEBINAR_DESK_DB away from the user's real files."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("WEBINAR_DESK_DB", raising=False)
