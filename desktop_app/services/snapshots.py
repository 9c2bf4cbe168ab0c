"""Deletions that can be undone: capture a record with everything that depends on it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, insert, select, update

from desktop_app.db.models import Base, Registrant, Registration, Series, Session, Speaker
from desktop_app.domain.errors import NotFound, StaleRecord
from desktop_app.services.uow import UnitOfWork

Rows = tuple[tuple[str, tuple[dict[str, Any], ...]], ...]


@dataclass(frozen=True)
class Snapshot:
    """Rows of every table touched by deleting some records, as they were before."""

    rows: Rows
    # (table, column, id of the row, value, row's updated_at) for references that
    # ON DELETE SET NULL cleared; updated_at is kept so the repair leaves no trace.
    nulled: tuple[tuple[str, str, int, int, Any], ...]
    what: str
    # Records an edit changed in place (a merge): restore deletes them, with what depends
    # on them, before putting back the rows above, which hold their earlier state.
    replaces: tuple[tuple[str, tuple[int, ...]], ...] = ()

    def count(self, table: str) -> int:
        """How many rows of a table the snapshot holds."""
        return sum(len(rows) for name, rows in self.rows if name == table)

    def versions(self) -> dict[int, int]:
        """The deleted records' versions (id -> version), as they are again once restored."""
        return {
            row["id"]: row["version"]
            for name, rows in self.rows
            if name == self.what
            for row in rows
            if "version" in row
        }


_SINGULAR = {
    "series": "series",
    "sessions": "session",
    "speakers": "speaker",
    "registrants": "registrant",
    "registrations": "registration",
}
_ROOTS: dict[str, type[Base]] = {
    "series": Series,
    "sessions": Session,
    "speakers": Speaker,
    "registrants": Registrant,
    "registrations": Registration,
}


def capture(uow: UnitOfWork, table_name: str, ids: list[int]) -> Snapshot:
    """Everything that deleting these records would remove or change, without deleting."""
    with uow:
        return _capture(uow, table_name, ids)


def delete_with_snapshot(
    uow: UnitOfWork, table_name: str, ids: list[int], versions: Mapping[int, int] | None = None
) -> Snapshot:
    """Delete records (and their dependants) and return what is needed to put them back.

    With versions (id -> version the caller saw), refused if any record moved on since.
    """
    uow.check_writable()
    with uow:
        snapshot = delete_in(uow, table_name, ids, versions)
        uow.commit()
        return snapshot


def delete_in(
    uow: UnitOfWork, table_name: str, ids: list[int], versions: Mapping[int, int] | None = None
) -> Snapshot:
    """Inside an open unit of work: delete records with their dependants, return the snapshot.

    With versions (id -> version the caller saw), refused if any record moved on since.
    """
    snapshot = _capture(uow, table_name, ids)
    if versions is not None:
        now = snapshot.versions()
        if any(now.get(i) != v for i, v in versions.items()):
            what = table_name if len(ids) > 1 else _SINGULAR[table_name]
            raise StaleRecord(
                f"{'some of ' if len(ids) > 1 else ''}the {what} changed elsewhere since "
                "you saw it — reload to see the change (nothing was deleted)"
            )
    table = _ROOTS[table_name].__table__
    assert isinstance(table, Table)
    uow.session.execute(delete(table).where(table.c.id.in_(ids)))
    return snapshot


def combine(what: str, *parts: Snapshot) -> Snapshot:
    """One snapshot holding several, restored together (tables in dependency order)."""
    return Snapshot(
        rows=tuple(item for part in parts for item in part.rows),
        nulled=tuple(item for part in parts for item in part.nulled),
        what=what,
        replaces=tuple(item for part in parts for item in part.replaces),
    )


def restore(uow: UnitOfWork, snapshot: Snapshot) -> None:
    """Put deleted records back with their original ids, dependants and references."""
    tables = {t.name: t for t in Base.metadata.sorted_tables}
    order = [t.name for t in Base.metadata.sorted_tables]
    with uow:
        for name, ids in snapshot.replaces:
            table = tables[name]
            uow.session.execute(delete(table).where(table.c.id.in_(ids)))
        for name, rows in sorted(snapshot.rows, key=lambda item: order.index(item[0])):
            if rows:
                uow.session.execute(insert(tables[name]), [dict(r) for r in rows])
        for name, column, row_id, value, updated_at in snapshot.nulled:
            table = tables[name]
            values = {column: value}
            if "updated_at" in table.c:
                values["updated_at"] = updated_at
            uow.session.execute(update(table).where(table.c.id == row_id).values(values))
        uow.flush()
        uow.commit()


def capture_in(uow: UnitOfWork, table_name: str, ids: list[int]) -> Snapshot:
    """Inside an open unit of work: what deleting these records would remove or change."""
    return _capture(uow, table_name, ids)


def _capture(uow: UnitOfWork, table_name: str, ids: list[int]) -> Snapshot:
    """Walk foreign keys from the root rows: CASCADE rows are captured, SET NULL noted."""
    tables = {t.name: t for t in Base.metadata.sorted_tables}
    captured: dict[str, dict[int, dict[str, Any]]] = {}
    nulled: list[tuple[str, str, int, int, Any]] = []
    pending = [(table_name, list(ids))]
    root = tables[table_name]
    found = uow.session.execute(select(root.c.id).where(root.c.id.in_(ids))).scalars().all()
    if len(set(found)) != len(set(ids)):
        raise NotFound(f"some of the {table_name} to delete no longer exist")
    while pending:
        name, keys = pending.pop()
        table = tables[name]
        found_rows = uow.session.execute(select(table).where(table.c.id.in_(keys))).mappings()
        fresh = [dict(r) for r in found_rows if r["id"] not in captured.setdefault(name, {})]
        for row in fresh:
            captured[name][row["id"]] = row
        fresh_ids = [row["id"] for row in fresh]
        if not fresh_ids:
            continue
        for child in tables.values():
            for key in child.foreign_keys:
                if key.column.table is not table:
                    continue
                column = key.parent
                stamp = child.c.updated_at if "updated_at" in child.c else column
                children = uow.session.execute(
                    select(child.c.id, column, stamp).where(column.in_(fresh_ids))
                ).all()
                if key.ondelete == "CASCADE":
                    pending.append((child.name, [c[0] for c in children]))
                elif key.ondelete == "SET NULL":
                    nulled.extend((child.name, column.name, c[0], c[1], c[2]) for c in children)
    # A row that is itself deleted needs no SET NULL repair.
    nulled = [n for n in nulled if n[2] not in captured.get(n[0], {})]
    return Snapshot(
        rows=tuple((name, tuple(by_id.values())) for name, by_id in captured.items()),
        nulled=tuple(nulled),
        what=table_name,
    )
