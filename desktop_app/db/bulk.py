"""Bulk writes of plain tuples straight to the driver, for imports of a million rows.

SQLAlchemy's Core spends most of a bulk insert binding parameters one value at a time;
these helpers build the statement once and hand the driver ready values (datetimes
through types.utc_binder, which a test holds to the same result as the ORM's binding).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    ARRAY,
    JSON,
    Connection,
    Select,
    Table,
    any_,
    bindparam,
    func,
    literal_column,
    select,
)
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import TypeEngine

# How each DB-API paramstyle spells the n-th positional parameter ({n}).
_PLACEHOLDERS = {
    "qmark": "?",
    "format": "%s",
    "pyformat": "%s",
    "numeric": ":{n}",
    "numeric_dollar": "${n}",
}


def _marks(connection: Connection, count: int, start: int = 1) -> list[str]:
    style = connection.dialect.paramstyle
    if style not in _PLACEHOLDERS:
        raise NotImplementedError(f"bulk writes do not know the paramstyle {style}")
    return [_PLACEHOLDERS[style].format(n=n) for n in range(start, start + count)]


def _quote(connection: Connection, name: str) -> str:
    return str(connection.dialect.identifier_preparer.quote(name))


def insert_many(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """INSERT rows (tuples in the order of columns) with one executemany (on PostgreSQL,
    one COPY: psycopg's executemany sends each row as its own statement)."""
    if not rows:
        return
    kinds = [type(table.c[name].type).__name__.upper() for name in columns]
    names = ", ".join(_quote(connection, n) for n in columns)
    if connection.dialect.name == "postgresql" and not {"JSON", "JSONB"} & set(kinds):
        raw = connection.connection.driver_connection
        statement = f"COPY {_quote(connection, table.name)} ({names}) FROM STDIN"
        with raw.cursor() as cursor, cursor.copy(statement) as copy:  # type: ignore[union-attr]
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join(_marks(connection, len(columns)))
    sql = f"INSERT INTO {_quote(connection, table.name)} ({names}) VALUES ({marks})"
    connection.exec_driver_sql(sql, list(rows))


def update_many(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """UPDATE by id: each row is the new values (in the order of columns), then the id."""
    if not rows:
        return
    for name in columns:
        table.c[name]
    marks = _marks(connection, len(columns) + 1)
    sets = ", ".join(f"{_quote(connection, n)} = {m}" for n, m in zip(columns, marks, strict=False))
    if "version" in table.c and "version" not in columns:
        # A changed record's version moves on, so a form that read it before is refused.
        version = _quote(connection, "version")
        sets += f", {version} = {version} + 1"
    sql = f"UPDATE {_quote(connection, table.name)} SET {sets} WHERE id = {marks[-1]}"
    connection.exec_driver_sql(sql, list(rows))


def rows_after(
    connection: Connection, table: Table, column: str, last_id: int
) -> list[tuple[Any, int]]:
    """(column, id) of every row whose id is above last_id: the rows just inserted."""
    table.c[column]
    (mark,) = _marks(connection, 1)
    sql = (
        f"SELECT {_quote(connection, column)}, id FROM {_quote(connection, table.name)} "
        f"WHERE id > {mark}"
    )
    return [(value, row_id) for value, row_id in connection.exec_driver_sql(sql, (last_id,)).all()]


@contextmanager
def large_cache(connection: Connection, mib: int = 64) -> Iterator[None]:
    """SQLite's page cache raised for a bulk write (its default 2 MiB makes the email and
    name indexes of 100,000 new people spill), then set back."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = {-1024 * mib}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


def plain_rows(
    connection: Connection, statement: Select[Any], batch: int = 0
) -> Generator[Sequence[Any], None, None]:
    """A SELECT's rows as the driver's plain tuples, in batches (batch=0: all at once).

    For hot reads of columns that need no result processing (ids, numbers, text, and
    dates read as their stored text): SQLAlchemy builds a Row object per row, which for
    the 300,000 rows of a series' attendee index cost longer than SQLite's own work.
    """
    compiled = statement.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    if compiled.positiontup is not None:
        params: Any = tuple(compiled.params[name] for name in compiled.positiontup)
    else:
        params = compiled.params
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        if not batch:
            yield cursor.fetchall()
            return
        while rows := cursor.fetchmany(batch):
            yield rows
    finally:
        cursor.close()


def one_of(
    connection: Connection,
    column: ColumnElement[Any] | QueryableAttribute[Any],
    name: str,
    item: TypeEngine[Any],
) -> ColumnElement[bool]:
    """column is one of the list passed as parameter name, as each engine reads it fastest.

    PostgreSQL takes the list as one array (`= ANY(%s)`): the statement's text stays the
    same for any number of values, so the driver neither re-parses a query of thousands of
    placeholders per chunk nor keeps the server planning one. SQLite expands the list.
    """
    if connection.dialect.name == "postgresql":
        return column == any_(bindparam(name, type_=ARRAY(item)))
    return column.in_(bindparam(name, expanding=True))


@contextmanager
def chunk_reader(
    connection: Connection, statement: Select[Any], name: str, size: int
) -> Iterator[Callable[[Sequence[Any]], Sequence[Sequence[Any]]]]:
    """A function giving statement's rows (SQLite: plain tuples) for 1 to size values of the
    expanding parameter name (`column.in_(bindparam(name, expanding=True))` or one_of),
    for as long as the block runs.

    SQLite: the statement is rendered once for size values and run on the driver's own
    cursor, a shorter list padded with its last value (a repeat changes nothing in IN):
    SQLAlchemy rendering 2,000 placeholders afresh for every chunk and building a Row per
    row cost more than SQLite's reads. Other engines run it through SQLAlchemy as it is
    (one_of sends PostgreSQL the list as one array).
    """

    def checked(values: Sequence[Any]) -> None:
        if not 0 < len(values) <= size:
            raise ValueError(f"between 1 and {size} values, not {len(values)}")

    if connection.dialect.name != "sqlite":

        def execute(values: Sequence[Any]) -> Sequence[Sequence[Any]]:
            checked(values)
            return connection.execute(statement, {name: list(values)}).all()

        yield execute
        return
    compiled = statement.params({name: [0] * size}).compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    order = compiled.positiontup or []
    bound = compiled.params  # built afresh on every access
    params = [bound[key] for key in order]
    slots = [n for n, key in enumerate(order) if key.startswith(f"{name}_")]
    if len(slots) != size:
        raise ValueError(f"{name} is not an expanding parameter of the statement")
    sql = str(compiled)
    cursor = connection.connection.cursor()

    def read(values: Sequence[Any]) -> Sequence[Sequence[Any]]:
        checked(values)
        padded = list(values) + [values[-1]] * (size - len(values))
        for slot, value in zip(slots, padded, strict=True):
            params[slot] = value
        rows: Sequence[Sequence[Any]] = cursor.execute(sql, params).fetchall()
        return rows

    try:
        yield read
    finally:
        cursor.close()


def in_list(
    connection: Connection,
    column: ColumnElement[Any] | QueryableAttribute[Any],
    name: str,
    item: TypeEngine[Any],
) -> ColumnElement[bool]:
    """column is one of the list passed as parameter name, the statement's text the same
    for any number of values: PostgreSQL takes the list as one array, SQLite as one JSON
    text (json_each). SQLAlchemy then compiles it once, where one_of's expanding list on
    SQLite is rendered afresh, placeholder by placeholder, for every chunk."""
    if connection.dialect.name != "sqlite":
        return one_of(connection, column, name, item)
    values: Select[Any] = select(literal_column("value")).select_from(
        func.json_each(bindparam(name, type_=JSON()))
    )
    return column.in_(values.scalar_subquery())
