"""Run of show: segments before the start, and named templates.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 21:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this migration."""
    with op.batch_alter_table("run_of_show_segments") as batch:
        batch.add_column(
            sa.Column("before_start", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "run_of_show_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("segments", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("name <> ''", name=op.f("ck_run_of_show_templates_name_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run_of_show_templates")),
        sa.UniqueConstraint("name", name=op.f("uq_run_of_show_templates_name")),
    )


def downgrade() -> None:
    """Revert this migration."""
    op.drop_table("run_of_show_templates")
    with op.batch_alter_table("run_of_show_segments") as batch:
        batch.drop_column("before_start")
