"""Refreshes the stored search text of registrants changed by bulk (Core) statements."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from desktop_app.db.models import Registrant
from desktop_app.domain.search import REGISTRANT_SEARCHED, registrant_search_text

CHUNK = 500


def refresh_registrants(session: Session, registrant_ids: Iterable[int]) -> int:
    """Recompute search_text of these registrants where it changed; returns how many did."""
    ids = list(registrant_ids)
    table = Registrant.__table__
    assert isinstance(table, Table)
    fields = [table.c[name] for name in REGISTRANT_SEARCHED]
    change = (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values(search_text=bindparam("folded"))
    )
    changed = 0
    for start in range(0, len(ids), CHUNK):
        rows = session.execute(
            select(table.c.id, table.c.search_text, *fields).where(
                table.c.id.in_(ids[start : start + CHUNK])
            )
        ).all()
        stale = []
        for row in rows:
            folded = registrant_search_text(dict(zip(REGISTRANT_SEARCHED, row[2:], strict=True)))
            if folded != row[1]:
                stale.append({"row_id": row[0], "folded": folded})
        if stale:
            session.execute(change, stale)
            changed += len(stale)
    return changed
