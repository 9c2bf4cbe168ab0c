"""Initial schema: series, sessions, speakers, registrants, imports, run of show, exports.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25 20:25:10.570195
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this migration."""
    op.create_table(
        "export_profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("columns", sa.JSON(), nullable=False),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("name <> ''", name=op.f("ck_export_profiles_name_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_profiles")),
        sa.UniqueConstraint("name", name=op.f("uq_export_profiles_name")),
    )
    op.create_table(
        "registrants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("first_name", sa.String(length=200), nullable=False),
        sa.Column("last_name", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=300), nullable=False),
        sa.Column("job_title", sa.String(length=300), nullable=False),
        sa.Column("city", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=200), nullable=False),
        sa.Column("sector", sa.String(length=200), nullable=False),
        sa.Column("consent", sa.String(length=10), nullable=False),
        sa.Column("consent_at", sa.DateTime(), nullable=True),
        sa.Column("consent_source", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "consent IN ('yes', 'no', 'unknown')", name=op.f("ck_registrants_consent_known")
        ),
        sa.CheckConstraint("email <> ''", name=op.f("ck_registrants_email_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registrants")),
        sa.UniqueConstraint("email", name=op.f("uq_registrants_email")),
    )
    with op.batch_alter_table("registrants", schema=None) as batch_op:
        batch_op.create_index("ix_registrants_name", ["last_name", "first_name"], unique=False)

    op.create_table(
        "series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("organiser", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("home_zone", sa.String(length=64), nullable=False),
        sa.Column("display_zones", sa.JSON(), nullable=False),
        sa.Column("default_platform", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("title <> ''", name=op.f("ck_series_title_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series")),
    )
    op.create_table(
        "speakers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("organisation", sa.String(length=300), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("pronouns", sa.String(length=50), nullable=False),
        sa.Column("bio", sa.Text(), nullable=False),
        sa.Column("headshot_path", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("name <> ''", name=op.f("ck_speakers_name_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speakers")),
        sa.UniqueConstraint("email", name=op.f("uq_speakers_email")),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("subtitle", sa.String(length=500), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=100), nullable=False),
        sa.Column("join_url", sa.String(length=1000), nullable=False),
        sa.Column("registration_url", sa.String(length=1000), nullable=False),
        sa.Column("recording_url", sa.String(length=1000), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("after_hours_minutes", sa.Integer(), nullable=True),
        sa.Column("after_hours_host_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('kickoff', 'deep_dive', 'other')", name=op.f("ck_sessions_kind_known")
        ),
        sa.CheckConstraint(
            "status IN ('draft', 'scheduled', 'done', 'cancelled')",
            name=op.f("ck_sessions_status_known"),
        ),
        sa.CheckConstraint("title <> ''", name=op.f("ck_sessions_title_not_empty")),
        sa.CheckConstraint(
            "after_hours_minutes IS NULL OR after_hours_minutes >= 0",
            name=op.f("ck_sessions_after_hours_not_negative"),
        ),
        sa.CheckConstraint("duration_minutes > 0", name=op.f("ck_sessions_duration_positive")),
        sa.ForeignKeyConstraint(
            ["after_hours_host_id"],
            ["speakers.id"],
            name=op.f("fk_sessions_after_hours_host_id_speakers"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["series.id"],
            name=op.f("fk_sessions_series_id_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
    )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sessions_series_id"), ["series_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sessions_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("detected_format", sa.String(length=50), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("rows_total", sa.Integer(), nullable=False),
        sa.Column("registrants_created", sa.Integer(), nullable=False),
        sa.Column("registrants_updated", sa.Integer(), nullable=False),
        sa.Column("registrations_created", sa.Integer(), nullable=False),
        sa.Column("rows_skipped", sa.Integer(), nullable=False),
        sa.Column("undo_log", sa.JSON(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_import_batches_session_id_sessions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
    )
    with op.batch_alter_table("import_batches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_batches_sha256"), ["sha256"], unique=False)

    op.create_table(
        "run_of_show_segments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("cue", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "duration_minutes >= 0", name=op.f("ck_run_of_show_segments_duration_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_run_of_show_segments_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run_of_show_segments")),
    )
    with op.batch_alter_table("run_of_show_segments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_run_of_show_segments_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "session_speakers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("bio_received", sa.Boolean(), nullable=False),
        sa.Column("headshot_received", sa.Boolean(), nullable=False),
        sa.Column("tech_check_done", sa.Boolean(), nullable=False),
        sa.Column("consents_to_recording", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "role IN ('host', 'moderator', 'panelist', 'keynote', 'after_hours_host')",
            name=op.f("ck_session_speakers_role_known"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_session_speakers_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name=op.f("fk_session_speakers_speaker_id_speakers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_speakers")),
        sa.UniqueConstraint(
            "session_id",
            "speaker_id",
            "role",
            name=op.f("uq_session_speakers_session_id_speaker_id_role"),
        ),
    )
    with op.batch_alter_table("session_speakers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_session_speakers_speaker_id"), ["speaker_id"], unique=False
        )

    op.create_table(
        "registrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("registrant_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=True),
        sa.Column("approval_status", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=False),
        sa.Column("first_join", sa.DateTime(), nullable=True),
        sa.Column("last_leave", sa.DateTime(), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "approval_status IN ('approved', 'pending', 'denied', 'cancelled')",
            name=op.f("ck_registrations_approval_known"),
        ),
        sa.CheckConstraint("minutes >= 0", name=op.f("ck_registrations_minutes_not_negative")),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batches.id"],
            name=op.f("fk_registrations_import_batch_id_import_batches"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["registrant_id"],
            ["registrants.id"],
            name=op.f("fk_registrations_registrant_id_registrants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_registrations_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registrations")),
        sa.UniqueConstraint(
            "registrant_id", "session_id", name=op.f("uq_registrations_registrant_id_session_id")
        ),
    )
    with op.batch_alter_table("registrations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_registrations_import_batch_id"), ["import_batch_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_registrations_session_id"), ["session_id"], unique=False
        )


def downgrade() -> None:
    """Revert this migration."""
    with op.batch_alter_table("registrations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registrations_session_id"))
        batch_op.drop_index(batch_op.f("ix_registrations_import_batch_id"))

    op.drop_table("registrations")
    with op.batch_alter_table("session_speakers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_speakers_speaker_id"))

    op.drop_table("session_speakers")
    with op.batch_alter_table("run_of_show_segments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_run_of_show_segments_session_id"))

    op.drop_table("run_of_show_segments")
    with op.batch_alter_table("import_batches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_batches_sha256"))

    op.drop_table("import_batches")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sessions_starts_at"))
        batch_op.drop_index(batch_op.f("ix_sessions_series_id"))

    op.drop_table("sessions")
    op.drop_table("speakers")
    op.drop_table("series")
    with op.batch_alter_table("registrants", schema=None) as batch_op:
        batch_op.drop_index("ix_registrants_name")

    op.drop_table("registrants")
    op.drop_table("export_profiles")
