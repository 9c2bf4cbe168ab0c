"""The SQL that reads a series' attendee index: one row per registrant, sorted by name,
with its shown fields, search text and one attendance code per session."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    Select,
    case,
    cast,
    collate,
    exists,
    func,
    literal_column,
    select,
)
from sqlalchemy.orm import QueryableAttribute

from desktop_app.db.models import Registrant, Registration

# The registrant's fields the index holds, in the order the query reads them after the id.
TEXT_COLUMNS = (
    "last_name",
    "first_name",
    "email",
    "organisation",
    "country",
    "job_title",
    "consent",
)


def most_registrations(connection: Connection, session_ids: list[int]) -> bool:
    """True on SQLite when these sessions hold at least a third of all registrations.

    Then walking every registration in registrant order beats gathering the sessions' own
    and sorting them in a temporary B-tree for the GROUP BY (250 ms against 380 ms for the
    216,000 registrations of 100,000 people; even at a quarter of the file both cost the
    same). For a small series in a big file the walk would read far more than it needs.
    """
    if connection.dialect.name != "sqlite" or not session_ids:
        return False
    highest = connection.scalar(select(func.max(Registration.id))) or 0  # at once, by rowid
    mine = connection.scalar(select(func.count()).where(Registration.session_id.in_(session_ids)))
    return (mine or 0) * 3 >= highest


def index_query(
    series_id: int | None,
    session_ids: list[int],
    by_registrant: bool = False,
    engine: str = "sqlite",
) -> Select[Any]:
    """The registrants of a series with one attendance code per session (decoded by
    attendee_index._fill).

    Registrations are folded per registrant by GROUP BY in SQL rather than read one by
    one; registrants in no series (series_id None) come with no codes. by_registrant
    keeps SQLite off the session_id index (`+ 0`), so it groups along the (registrant,
    session) index instead.

    The rows come sorted by name as the engine (its dialect name) compares them case-blind,
    nearly always the index's own order, which the load then only checks. Sorting there
    costs SQLite ~0.2 s at 100,000 people and spares Python gathering every column into
    name order (~0.4 s); the texts then also lie in memory in name order, which made a
    filter keystroke about twice as fast.
    """
    columns = [Registrant.id, *(getattr(Registrant, n) for n in TEXT_COLUMNS)]
    columns.append(Registrant.search_text)
    if series_id is None:
        lonely = ~exists().where(Registration.registrant_id == Registrant.id)
        return select(*columns).where(lonely).order_by(*by_name(engine))
    # minutes * 4 + (1 registered, 2 attended); 0 when not registered (minutes >= 0).
    state = case((Registration.attended, 2), else_=1)
    code = cast(Registration.minutes, BigInteger) * 4 + state
    session = (
        Registration.session_id + literal_column("0") if by_registrant else Registration.session_id
    )
    codes = (
        select(
            Registration.registrant_id,
            *(
                func.max(case((Registration.session_id == session_id, code), else_=0))
                for session_id in session_ids
            ),
        )
        .where(session.in_(session_ids))
        .group_by(Registration.registrant_id)
        .subquery()
    )
    return (
        select(*columns, *list(codes.c)[1:])
        .join(codes, codes.c.registrant_id == Registrant.id)
        .order_by(*by_name(engine))
    )


def by_name(engine: str) -> list[ColumnElement[Any] | QueryableAttribute[Any]]:
    """ORDER BY terms close to case-folded name order, ties by id: SQLite's NOCASE folds
    ASCII letters; on PostgreSQL lower() in code point order ("C")."""
    names = (Registrant.last_name, Registrant.first_name)
    if engine == "sqlite":
        return [*(collate(n, "NOCASE") for n in names), Registrant.id]
    return [*(collate(func.lower(n), "C") for n in names), Registrant.id]
