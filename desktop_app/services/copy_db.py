"""Copies a whole Webinar Desk database into an empty one: laptop to server and back.

Rows go table by table in the order the foreign keys need, in one transaction on the
target, read from one consistent snapshot of the source; ids are kept, a server's id
sequences are moved past them, and the counts are compared on both sides before the copy
is committed. Either everything arrives or the target stays empty.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, MetaData, Table, func, insert, inspect, select, text

from desktop_app.db import migrate
from desktop_app.domain.errors import UserError

CHUNK = 5000
VERSION_TABLE = "alembic_version"
# Bookkeeping a new database starts with (the change counter's one row): replaced by the
# source's, and no reason to call a target "not empty".
BOOKKEEPING = ("change_counter", "change_log")
Progress = Callable[[str, int, int], None]  # (table, rows copied, rows in the table)
# (rows copied so far, rows in all tables) -> go on? False stops the copy, nothing copied.
KeepGoing = Callable[[int, int], bool]


class CopyCancelled(UserError):
    """Cancel was pressed during a copy: the target was left as it was."""


@dataclass(frozen=True)
class CopyReport:
    """What was copied: rows per table (the same on both sides), revision and duration."""

    tables: dict[str, int]
    revision: str
    seconds: float

    @property
    def rows(self) -> int:
        """Rows copied in all."""
        return sum(self.tables.values())


def copy_database(
    source: Engine,
    target: Engine,
    source_name: str,
    target_name: str,
    progress: Progress | None = None,
    keep_going: KeepGoing | None = None,
) -> CopyReport:
    """Copy every table of source into target, which must be empty; see the module text.

    keep_going hears of the rows copied in all after each chunk; when it answers False the
    copy stops with CopyCancelled and the target's transaction is rolled back.
    """
    started = time.perf_counter()
    revision = migrate.current_revision(source)
    if revision is None:
        raise UserError(f"{source_name} holds no Webinar Desk database; nothing to copy")
    _prepare_target(target, target_name, revision)
    with source.connect() as reading, target.connect() as writing:
        if reading.dialect.name == "postgresql":
            # One snapshot for every table, however much colleagues change meanwhile.
            reading.execution_options(isolation_level="REPEATABLE READ")
        with reading.begin(), writing.begin():
            tables = _tables(writing)
            source_tables = {t.name: t for t in _tables(reading)}
            missing = [t.name for t in tables if t.name not in source_tables]
            if missing:
                raise UserError(
                    f"{source_name} lacks the tables {', '.join(missing)}; it is not a "
                    "complete Webinar Desk database"
                )
            totals = {t.name: _count(reading, source_tables[t.name]) for t in tables}
            moved = _tracker(sum(totals.values()), keep_going, target_name)
            moved(0)
            counts: dict[str, int] = {}
            for table in tables:
                if table.name in BOOKKEEPING:
                    writing.execute(table.delete())
                counts[table.name] = _copy_table(
                    reading,
                    writing,
                    source_tables[table.name],
                    table,
                    totals[table.name],
                    progress,
                    moved,
                )
            _move_sequences(writing, tables)
            copied = {t.name: _count(writing, t) for t in tables}
            if copied != counts:
                wrong = [name for name in counts if copied.get(name) != counts[name]]
                raise UserError(
                    f"the copy into {target_name} did not match {source_name} in "
                    f"{', '.join(wrong)}; nothing was copied"
                )
    return CopyReport(counts, revision, time.perf_counter() - started)


def _tracker(total: int, keep_going: KeepGoing | None, target_name: str) -> Callable[[int], None]:
    """A function told of each chunk copied; it raises CopyCancelled when asked to stop."""
    copied = 0

    def moved(rows: int) -> None:
        nonlocal copied
        copied += rows
        if keep_going is not None and not keep_going(copied, max(total, copied)):
            raise CopyCancelled(f"the copy was cancelled; nothing was copied into {target_name}")

    return moved


def _tables(connection: Connection) -> list[Table]:
    """The database's tables (the migrations' bookkeeping apart), parents before children."""
    metadata = MetaData()
    metadata.reflect(bind=connection)
    return [t for t in metadata.sorted_tables if t.name != VERSION_TABLE]


def _prepare_target(target: Engine, target_name: str, revision: str) -> None:
    """Give an empty target the source's schema; refuse one that holds anything."""
    with target.connect() as connection:
        names = set(inspect(connection).get_table_names())
    if not names:
        try:
            migrate.upgrade(target, revision)
        except migrate.MigrationError as error:
            raise UserError(f"cannot create the tables in {target_name}: {error}") from None
        return
    current = migrate.current_revision(target)
    if current is None:
        raise UserError(
            f"{target_name} already holds other tables ({', '.join(sorted(names)[:3])}…); "
            "copy into a new, empty database"
        )
    with target.connect() as connection:
        filled = {
            t.name: n
            for t in _tables(connection)
            if t.name not in BOOKKEEPING and (n := _count(connection, t))
        }
    if filled:
        held = ", ".join(f"{n:,} {name}" for name, n in sorted(filled.items())[:4])
        raise UserError(
            f"{target_name} is not empty (it holds {held}); copy into a new, empty "
            "database, or remove that one first"
        )
    if current != revision:
        raise UserError(
            f"{target_name} was set up by another version of Webinar Desk; copy into a "
            "new, empty database"
        )


def _count(connection: Connection, table: Table) -> int:
    return int(connection.scalar(select(func.count()).select_from(table)) or 0)


def _copy_table(
    reading: Connection,
    writing: Connection,
    source: Table,
    target: Table,
    total: int,
    progress: Progress | None,
    moved: Callable[[int], None],
) -> int:
    """Stream one table's rows across in chunks; returns how many were copied."""
    names = [c.name for c in target.columns if c.name in source.c]
    query = select(*(source.c[n] for n in names))
    if "id" in source.c:
        query = query.order_by(source.c.id)
    done = 0
    if progress is not None:
        progress(target.name, 0, total)
    write = _copy_writer(writing, target, names)
    with reading.execution_options(yield_per=CHUNK).execute(query) as result:
        for chunk in result.partitions():
            write(chunk)
            done += len(chunk)
            moved(len(chunk))
            if progress is not None:
                progress(target.name, done, total)
    return done


def _copy_writer(
    writing: Connection, target: Table, names: list[str]
) -> Callable[[Sequence[Any]], None]:
    """A function writing a chunk of rows: PostgreSQL's COPY, else one executemany."""
    if writing.dialect.name == "postgresql":
        json_columns = {i for i, n in enumerate(names) if _is_json(target.c[n])}
        raw = writing.connection.driver_connection
        assert raw is not None
        columns = ", ".join(_quoted(writing, n) for n in names)
        statement = f"COPY {_quoted(writing, target.name)} ({columns}) FROM STDIN"

        def copy_rows(rows: Sequence[Any]) -> None:
            cursor = raw.cursor()
            with cursor, cursor.copy(statement) as copy:
                for row in _as_json(rows, json_columns):
                    copy.write_row(row)

        return copy_rows
    adding = insert(target)

    def insert_rows(rows: Sequence[Any]) -> None:
        writing.execute(adding, [dict(zip(names, row, strict=True)) for row in rows])

    return insert_rows


def _is_json(column: Any) -> bool:
    return type(column.type).__name__.upper() in ("JSON", "JSONB")


def _as_json(rows: Sequence[Any], columns: set[int]) -> Iterator[tuple[Any, ...]]:
    """Rows with their JSON values as JSON text (COPY takes text for json columns)."""
    for row in rows:
        if not columns:
            yield tuple(row)
        else:
            yield tuple(
                json.dumps(v) if i in columns and v is not None else v for i, v in enumerate(row)
            )


def _quoted(connection: Connection, name: str) -> str:
    return str(connection.dialect.identifier_preparer.quote(name))


def _move_sequences(writing: Connection, tables: list[Table]) -> None:
    """On a server, make each table's next new id follow the copied ones, and gather the
    statistics its planner needs (a freshly loaded table looks empty to it until then)."""
    if writing.dialect.name != "postgresql":
        return  # SQLite picks max(id) + 1 by itself
    for table in tables:
        writing.execute(text(f"ANALYZE {_quoted(writing, table.name)}"))
        if "id" not in table.c:
            continue
        writing.execute(
            text(
                "SELECT setval(pg_get_serial_sequence(:name, 'id'), "
                f"coalesce(max(id), 1), max(id) IS NOT NULL) FROM {_quoted(writing, table.name)}"
            ),
            {"name": table.name},
        )
