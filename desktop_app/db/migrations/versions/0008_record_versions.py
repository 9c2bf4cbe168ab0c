"""Record versions: a save over a newer version of a record is refused, not overwritten.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

VERSIONED = (
    "series",
    "sessions",
    "speakers",
    "session_speakers",
    "registrants",
    "registrations",
    "export_profiles",
)


def _column(name: str) -> sa.Column[int]:
    """An integer version column; existing rows start at 1."""
    return sa.Column(name, sa.Integer(), nullable=False, server_default=sa.text("1"))


def upgrade() -> None:
    """Apply this migration.

    Plain ADD COLUMN, not batch mode: batch mode may rebuild a table, and dropping the old
    one with foreign keys on would cascade into every table that refers to it.
    """
    for table in VERSIONED:
        op.add_column(table, _column("version"))
    op.add_column("sessions", _column("run_of_show_version"))


def downgrade() -> None:
    """Revert this migration."""
    op.drop_column("sessions", "run_of_show_version")
    for table in VERSIONED:
        op.drop_column(table, "version")
