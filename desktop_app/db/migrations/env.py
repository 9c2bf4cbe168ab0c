"""Alembic environment: runs migrations on the engine handed over by migrate.py."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine, create_engine, text

from desktop_app.db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Run migrations on a live connection (batch mode so SQLite can alter tables)."""
    engine = config.attributes.get("engine")
    if not isinstance(engine, Engine):
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Two laptops opening a new server database at once: the second waits here,
            # then finds the schema up to date (the lock ends with the transaction).
            connection.execute(
                text("SELECT pg_advisory_xact_lock(hashtext('webinar-desk-migrate'))")
            )
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
