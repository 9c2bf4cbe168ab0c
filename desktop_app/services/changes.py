"""What colleagues changed since a window last looked, so it can refresh what it shows.

A window keeps the counter it has seen, asks latest() every few seconds (one tiny query)
and, when it moved, changes_since() for the tables and records to reload. Changes made by
this copy of the app itself are left out: the window that made them already shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from desktop_app.db.change_feed import ORIGIN
from desktop_app.db.models import ChangeCounter, ChangeLog
from desktop_app.services.uow import UnitOfWork

# What else to reload when a table changes: deleting a session or a registrant removes
# their registrations and speaker parts in the database itself, without a log line each.
IMPLIES = {
    "series": ("sessions",),
    "sessions": ("registrations", "session_speakers", "run_of_show_segments"),
    "speakers": ("session_speakers", "sessions"),
    "registrants": ("registrations",),
}


@dataclass(frozen=True)
class ChangeSet:
    """Changes after one counter value up to another, by other copies of the app."""

    counter: int  # the value the caller has now seen
    tables: dict[str, frozenset[int] | None] = field(default_factory=dict)  # None: many
    by: tuple[str, ...] = ()  # who made them, in order
    reshaped: frozenset[str] = frozenset()  # tables whose rows came or went (not only edits)
    everything: bool = False  # too far behind (or history forgotten): reload it all

    def __bool__(self) -> bool:
        return self.everything or bool(self.tables)

    def touches(self, table: str) -> bool:
        """True when rows of table (or of a table whose deletions reach it) changed."""
        if self.everything or table in self.tables:
            return True
        return any(table in IMPLIES.get(other, ()) for other in self.tables)

    def record_changed(self, table: str, record_id: int) -> bool:
        """True when this record may have changed (it, or many rows of its table, did)."""
        if self.everything:
            return True
        if table not in self.tables:
            return self.touches(table)
        ids = self.tables[table]
        return ids is None or record_id in ids


@dataclass(frozen=True)
class LastChange:
    """Who last changed a record, and when (for 'changed by … at …' messages)."""

    changed_by: str
    changed_at: datetime


def latest(uow: UnitOfWork) -> int:
    """The counter now: every save anywhere moves it on by one."""
    with uow:
        return uow.session.scalar(select(ChangeCounter.value).where(ChangeCounter.id == 1)) or 0


def changes_since(uow: UnitOfWork, seen: int) -> ChangeSet:
    """What other copies of the app changed after counter value `seen`."""
    with uow:
        now = uow.session.scalar(select(ChangeCounter.value).where(ChangeCounter.id == 1)) or 0
        if now <= seen:
            return ChangeSet(now)
        oldest = uow.session.scalar(select(func.min(ChangeLog.counter))) or 0
        if oldest > seen + 1:
            return ChangeSet(now, everything=True)
        own = uow.session.info.get(ORIGIN, "")
        rows = uow.session.execute(
            select(
                ChangeLog.table_name, ChangeLog.record_id, ChangeLog.changed_by, ChangeLog.action
            )
            .where(ChangeLog.counter > seen, ChangeLog.counter <= now, ChangeLog.origin != own)
            .order_by(ChangeLog.counter)
        ).all()
    tables: dict[str, set[int] | None] = {}
    by: dict[str, None] = {}
    reshaped: set[str] = set()
    for table, record_id, who, action in rows:
        by[who] = None
        if action != "update":
            reshaped.add(table)
        ids = tables.setdefault(table, set())
        if record_id is None:
            tables[table] = None
        elif ids is not None:
            ids.add(record_id)
    frozen = {t: (None if ids is None else frozenset(ids)) for t, ids in tables.items()}
    return ChangeSet(now, frozen, tuple(by), frozenset(reshaped))


def last_change(uow: UnitOfWork, table: str, record_id: int) -> LastChange | None:
    """Who changed this record last, and when; None when the log no longer says."""
    with uow:
        return _last_change_in(uow, table, record_id)


def _last_change_in(uow: UnitOfWork, table: str, record_id: int) -> LastChange | None:
    row = uow.session.execute(
        select(ChangeLog.changed_by, ChangeLog.changed_at)
        .where(ChangeLog.table_name == table, ChangeLog.record_id == record_id)
        .order_by(ChangeLog.counter.desc())
        .limit(1)
    ).first()
    return LastChange(row[0], row[1]) if row else None
