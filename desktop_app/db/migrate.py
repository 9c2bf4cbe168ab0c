"""Runs the Alembic migrations that ship inside the package.

Alembic itself is imported only when a migration must run: importing it costs ~0.3 s,
which would double the app's start-up on every launch of an up-to-date database.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_REVISION = re.compile(r'^revision\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)
_DOWN = re.compile(r'^down_revision\s*=\s*(?:["\']([^"\']+)["\']|None)', re.MULTILINE)


def alembic_config(engine: Engine | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        config.set_main_option(
            "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
        )
        config.attributes["engine"] = engine
    return config


@cache
def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration files as text (no Alembic)."""
    graph: dict[str, str | None] = {}
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision and down:
            graph[revision.group(1)] = down.group(1)
    return graph


def known_revisions() -> set[str]:
    """Every migration revision this version ships."""
    return set(_revision_graph())


def head_revision() -> str:
    """The newest migration this version of the app knows (the one nothing revises)."""
    graph = _revision_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    assert len(heads) == 1, f"the migrations must form one line, found heads {heads}"
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    """The migration the database is at, or None for an empty database."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


class MigrationError(Exception):
    """Alembic could not bring the schema to the wanted revision."""


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database schema up to revision (the newest by default)."""
    from alembic import command
    from alembic.util.exc import CommandError

    try:
        command.upgrade(alembic_config(engine), revision)
    except CommandError as error:
        raise MigrationError(str(error)) from error
