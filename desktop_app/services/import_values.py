"""Values between an import and the database: bulk updates, comparisons, the undo log."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table

from desktop_app.db.bulk import update_many
from desktop_app.db.types import UTCDateTime


class _Bound(dict[datetime | None, Any]):
    """Instants and their values for the database, each bound once (a hit costs one dict
    lookup and no Python call; None is there from the start)."""

    def __init__(self, bind: Callable[[datetime | None], Any]) -> None:
        """Remember bind."""
        super().__init__({None: None})
        self.bind = bind

    def __missing__(self, moment: datetime | None) -> Any:
        """Bind an instant met for the first time, and keep its value."""
        found = self[moment] = self.bind(moment)
        return found


def text_cache(bind: Callable[[datetime | None], Any]) -> Callable[[datetime | None], Any]:
    """bind, remembering each instant's value (a file repeats the same few times)."""
    return _Bound(bind).__getitem__


def update_by_columns(
    connection: Connection,
    table: Table,
    changes: Iterator[dict[str, Any]],
    ids: list[int],
    to_db: Callable[[datetime | None], Any],
) -> None:
    """UPDATE many rows by id, one executemany per set of changed columns."""
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for row_id, values in zip(ids, changes, strict=True):
        columns = tuple(values)
        groups.setdefault(columns, []).append(
            (
                *(to_db(v) if isinstance(v, datetime) else v for v in values.values()),
                row_id,
            )
        )
    for columns, rows in groups.items():
        update_many(connection, table, columns, rows)


def table_of(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def differs(old: Any, new: Any) -> bool:
    """Compare database and file values (SQLite hands datetimes back without a zone)."""
    if isinstance(old, datetime) and isinstance(new, datetime):
        stored: datetime = old if old.tzinfo else old.replace(tzinfo=UTC)
        return stored != new
    return bool(old != new)


def jsonable(values: dict[str, Any]) -> dict[str, Any]:
    """Datetimes as ISO text so the undo log fits a JSON column."""
    return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in values.items()}


def from_json(values: dict[str, Any], table: Table) -> dict[str, Any]:
    """Undo-log values back to column values."""
    result: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, str) and isinstance(table.c[name].type, UTCDateTime):
            moment = datetime.fromisoformat(value)
            result[name] = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        else:
            result[name] = value
    return result
