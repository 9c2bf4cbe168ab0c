"""Search text: registrants' and speakers' searchable fields folded into one stored column.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 12:00:00
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import sqlalchemy as sa
from alembic import op

from desktop_app.domain.search import (
    REGISTRANT_SEARCHED,
    SPEAKER_SEARCHED,
    registrant_search_text,
    speaker_search_text,
)

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 2000


def _backfill(
    table: str, fields: tuple[str, ...], fold: Callable[[Mapping[str, object]], str]
) -> None:
    """Fill search_text for every existing row, a batch at a time."""
    rows = sa.table(table, sa.column("id"), sa.column("search_text"), *map(sa.column, fields))
    connection = op.get_bind()
    found = connection.execute(sa.select(rows.c.id, *(rows.c[f] for f in fields))).all()
    change = (
        sa.update(rows)
        .where(rows.c.id == sa.bindparam("row_id"))
        .values(search_text=sa.bindparam("folded"))
    )
    for start in range(0, len(found), BATCH):
        connection.execute(
            change,
            [
                {"row_id": row[0], "folded": fold(dict(zip(fields, row[1:], strict=True)))}
                for row in found[start : start + BATCH]
            ],
        )


def upgrade() -> None:
    """Apply this migration (plain ADD COLUMN: no table is rebuilt)."""
    for table in ("registrants", "speakers"):
        op.add_column(table, sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    _backfill("registrants", REGISTRANT_SEARCHED, registrant_search_text)
    _backfill("speakers", SPEAKER_SEARCHED, speaker_search_text)


def downgrade() -> None:
    """Revert this migration."""
    for table in ("speakers", "registrants"):
        op.drop_column(table, "search_text")
