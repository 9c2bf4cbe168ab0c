"""Demo markers: series, speakers and registrants the demo loader brought.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 14:00:00

Existing databases are backfilled by what the demo loader creates: the series titled as
the demo's announcement (or holding its registrations, whose source is "demo"), the
speakers created with that series and appearing in it, and the registrants at `.example`
addresses that came with the demo's registration form or registrations.
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = ("series", "speakers", "registrants")
DEMO_TITLE = "Procurement with a Purpose"
DEMO_SOURCE = "demo"
DEMO_CONSENT_SOURCE = "demo registration form"
# The loader creates the series and then its speakers in one transaction.
LOAD_WINDOW = timedelta(minutes=10)


def upgrade() -> None:
    """Apply this migration."""
    for table in TABLES:
        # Plain ADD COLUMN: batch mode would copy and drop the table, and dropping
        # registrants with foreign keys on would cascade away their registrations.
        op.add_column(
            table,
            sa.Column("created_by_demo", sa.Boolean(), nullable=False, server_default=sa.false()),
        )
    _backfill(op.get_bind())


def _backfill(bind: sa.Connection) -> None:
    """Mark the demo's rows in a database that loaded the demo before the markers existed."""
    series = sa.table(
        "series",
        sa.column("id", sa.Integer()),
        sa.column("title", sa.String()),
        sa.column("created_at", sa.DateTime()),
        sa.column("created_by_demo", sa.Boolean()),
    )
    sessions = sa.table(
        "sessions",
        sa.column("id", sa.Integer()),
        sa.column("series_id", sa.Integer()),
        sa.column("after_hours_host_id", sa.Integer()),
    )
    registrations = sa.table(
        "registrations",
        sa.column("registrant_id", sa.Integer()),
        sa.column("session_id", sa.Integer()),
        sa.column("source", sa.String()),
    )
    parts = sa.table(
        "session_speakers", sa.column("speaker_id", sa.Integer()), sa.column("session_id")
    )
    speakers = sa.table(
        "speakers",
        sa.column("id", sa.Integer()),
        sa.column("created_at", sa.DateTime()),
        sa.column("created_by_demo", sa.Boolean()),
    )
    registrants = sa.table(
        "registrants",
        sa.column("id", sa.Integer()),
        sa.column("email", sa.String()),
        sa.column("consent_source", sa.String()),
        sa.column("created_by_demo", sa.Boolean()),
    )
    demo_registered = (
        sa.select(sessions.c.series_id)
        .join(registrations, registrations.c.session_id == sessions.c.id)
        .where(registrations.c.source == DEMO_SOURCE)
    )
    found = bind.execute(
        sa.select(series.c.id, series.c.created_at).where(
            (series.c.title == DEMO_TITLE) | series.c.id.in_(demo_registered)
        )
    ).all()
    for series_id, created_at in found:
        bind.execute(series.update().where(series.c.id == series_id).values(created_by_demo=True))
        in_series = sa.select(sessions.c.id).where(sessions.c.series_id == series_id)
        appearing = sa.union(
            sa.select(parts.c.speaker_id).where(parts.c.session_id.in_(in_series)),
            sa.select(sessions.c.after_hours_host_id).where(sessions.c.series_id == series_id),
        )
        window = speakers.c.created_at.between(
            created_at - timedelta(minutes=1), created_at + LOAD_WINDOW
        )
        bind.execute(
            speakers.update()
            .where(speakers.c.id.in_(appearing), window)
            .values(created_by_demo=True)
        )
    with_demo_registration = sa.select(registrations.c.registrant_id).where(
        registrations.c.source == DEMO_SOURCE
    )
    bind.execute(
        registrants.update()
        .where(
            registrants.c.email.like("%.example"),
            (registrants.c.consent_source == DEMO_CONSENT_SOURCE)
            | registrants.c.id.in_(with_demo_registration),
        )
        .values(created_by_demo=True)
    )


def downgrade() -> None:
    """Revert this migration."""
    for table in TABLES:
        op.drop_column(table, "created_by_demo")
