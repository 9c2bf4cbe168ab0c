"""Calendar and mail: a stable UID and a SEQUENCE per session, mail templates, draft batches.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 14:00:00
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_KINDS = (
    "kind IN ('invitation', 'confirmation', 'reminder', 'change', 'thanks', 'missed', "
    "'speaker-briefing')"
)


def upgrade() -> None:
    """Apply this migration."""
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("uid", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("sequence", sa.Integer(), nullable=False, server_default="0"))
    # Each existing session gets its own random UID, as new ones do.
    connection = op.get_bind()
    ids = connection.execute(sa.text("SELECT id FROM sessions")).scalars().all()
    if ids:
        connection.execute(
            sa.text("UPDATE sessions SET uid = :uid WHERE id = :id"),
            [{"uid": str(uuid.uuid4()), "id": session_id} for session_id in ids],
        )
    with op.batch_alter_table("sessions") as batch:
        batch.alter_column("uid", existing_type=sa.String(length=36), nullable=False)
        batch.create_unique_constraint(op.f("uq_sessions_uid"), ["uid"])
        batch.create_check_constraint(op.f("ck_sessions_sequence_not_negative"), "sequence >= 0")
    op.create_table(
        "mail_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(_KINDS, name=op.f("ck_mail_templates_kind_known")),
        sa.CheckConstraint("name <> ''", name=op.f("ck_mail_templates_name_not_empty")),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["series.id"],
            name=op.f("fk_mail_templates_series_id_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_templates")),
        sa.UniqueConstraint("series_id", "name", name=op.f("uq_mail_templates_series_id_name")),
    )
    op.create_table(
        "draft_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("variant", sa.String(length=20), nullable=False),
        sa.Column("template_name", sa.String(length=200), nullable=False),
        sa.Column("recipient_count", sa.Integer(), nullable=False),
        sa.Column("recipients", sa.JSON(), nullable=False),
        sa.Column("folder", sa.String(length=1000), nullable=False),
        sa.Column("sender", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(_KINDS, name=op.f("ck_draft_batches_kind_known")),
        sa.CheckConstraint(
            "recipient_count >= 0", name=op.f("ck_draft_batches_recipient_count_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_draft_batches_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draft_batches")),
    )
    with op.batch_alter_table("draft_batches") as batch:
        batch.create_index(op.f("ix_draft_batches_session_id"), ["session_id"], unique=False)


def downgrade() -> None:
    """Revert this migration."""
    with op.batch_alter_table("draft_batches") as batch:
        batch.drop_index(op.f("ix_draft_batches_session_id"))
    op.drop_table("draft_batches")
    op.drop_table("mail_templates")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_constraint(op.f("ck_sessions_sequence_not_negative"), type_="check")
        batch.drop_constraint(op.f("uq_sessions_uid"), type_="unique")
        batch.drop_column("sequence")
        batch.drop_column("uid")
