"""Sessions: the meeting or webinar ID and passcode as the invitation gives them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this migration."""
    for name in ("meeting_id", "passcode"):
        op.add_column(
            "sessions",
            sa.Column(name, sa.String(length=50), nullable=False, server_default=""),
        )


def downgrade() -> None:
    """Revert this migration."""
    for name in ("meeting_id", "passcode"):
        op.drop_column("sessions", name)
