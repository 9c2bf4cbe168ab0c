"""The schema comes from the migrations, matches the models, and old databases still open."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from desktop_app.bootstrap import open_app
from desktop_app.db import migrate
from desktop_app.db.engine import make_engine
from desktop_app.db.models import Base
from desktop_app.domain.errors import UserError
from desktop_app.services import stats

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'm.sqlite'}")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        differences = compare_metadata(
            MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata
        )
    assert differences == []
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_the_comparison_notices_a_missing_table(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'm.sqlite'}")
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE export_profiles"))
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert any(d[0] == "add_table" and d[1].name == "export_profiles" for d in differences)
    engine.dispose()


def test_downgrade_to_nothing_and_back(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'm.sqlite'}")
    migrate.upgrade(engine)
    from alembic import command

    command.downgrade(migrate.alembic_config(engine), "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    migrate.upgrade(engine)
    assert "registrants" in inspect(engine).get_table_names()
    engine.dispose()


def test_opening_twice_is_harmless_and_sets_pragmas(db_path: Path) -> None:
    open_app(str(db_path)).close()
    app = open_app(str(db_path))
    with app.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    app.close()


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("*.sqlite")))
def test_databases_written_by_earlier_versions_open(fixture: str, tmp_path: Path) -> None:
    copy = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, copy)
    app = open_app(str(copy))
    counts = stats.stats(app.uow())
    assert counts.series == 1 and counts.sessions == 4 and counts.registrants > 0
    assert migrate.current_revision(app.engine) == migrate.head_revision()
    app.close()


def test_there_is_at_least_one_old_database_fixture() -> None:
    assert list(FIXTURES.glob("*.sqlite")), "keep a database from each release in tests/fixtures"


def test_a_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    open_app(str(db_path)).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(UserError, match="newer version of Webinar Desk"):
        open_app(str(db_path))


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("shopping list\n" * 100)
    with pytest.raises(UserError, match=r"notes\.sqlite"):
        open_app(str(bogus))
    assert bogus.read_text().startswith("shopping list")


def test_env_variable_and_urls_choose_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "from-env.sqlite"
    monkeypatch.setenv("WEBINAR_DESK_DB", str(target))
    open_app().close()
    assert target.exists()
    url_target = tmp_path / "from-url.sqlite"
    open_app(f"sqlite:///{url_target}").close()
    assert url_target.exists()
    with pytest.raises(UserError, match="nonsense"):
        open_app("nonsense://")


def test_the_quick_revision_reader_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.known_revisions() == {r.revision for r in script.walk_revisions()}
    assert migrate.head_revision() == script.get_current_head()
