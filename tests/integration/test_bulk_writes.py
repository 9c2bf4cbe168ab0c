"""Bulk writes hand the driver what SQLAlchemy's own binding would, and stay all-or-nothing."""

from __future__ import annotations

import csv
import gc
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine, text
from sqlalchemy.dialects import postgresql, sqlite

from desktop_app.bootstrap import App
from desktop_app.db.types import UTCDateTime, utc_binder
from desktop_app.services import imports, sessions, stats

moments = st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
) | st.datetimes(
    min_value=datetime(1900, 1, 2),
    max_value=datetime(2200, 1, 1),
    timezones=st.builds(
        timezone, st.integers(-14 * 60, 14 * 60).map(lambda m: timedelta(minutes=m))
    ),
)


@given(moments)
def test_utc_binder_gives_what_the_column_type_gives(moment: datetime) -> None:
    for dialect in (sqlite.dialect(), postgresql.dialect()):
        # What SQLAlchemy itself binds for the column on that dialect.
        slow = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)
        assert slow is not None
        assert utc_binder(dialect)(moment) == slow(moment)


def test_utc_binder_refuses_naive_values() -> None:
    import pytest

    with pytest.raises(ValueError, match="naive"):
        utc_binder(create_engine("sqlite://").dialect)(datetime(2021, 1, 1))


def test_a_cancel_in_a_later_chunk_leaves_nothing(demo_app: App, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Email", "First Name", "Registration Time"])
        for n in range(12_000):
            writer.writerow([f"p{n}@bulk.example", f"P{n}", "2021-07-01 10:00"])
    before = stats.stats(demo_app.uow())
    calls: list[tuple[int, int]] = []

    def keep_going(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 10_000

    session = sessions.list_sessions(demo_app.uow())[1].id
    try:
        imports.import_file(demo_app.uow(), path, session, keep_going=keep_going)
    except imports.ImportCancelled:
        pass
    else:
        raise AssertionError("the import was not cancelled")
    assert calls[-1] == (10_000, 12_000)
    assert gc.isenabled()  # paused for the import only, a cancelled one included
    dones = [done for done, _ in calls]
    assert dones == sorted(dones)  # progress never runs backwards
    assert stats.stats(demo_app.uow()) == before
    report = imports.import_file(demo_app.uow(), path, session)
    assert report.registrants_created == 12_000
    with demo_app.engine.connect() as connection:
        stored = connection.execute(
            text("SELECT registered_at FROM registrations ORDER BY id DESC LIMIT 1")
        ).scalar()
    # 10:00 PDT, as SQLAlchemy writes it: text on SQLite, a naive UTC timestamp elsewhere.
    if demo_app.engine.dialect.name == "sqlite":
        assert stored == "2021-07-01 17:00:00.000000"
    else:
        assert stored == datetime(2021, 7, 1, 17, 0)


def test_in_list_finds_exactly_the_listed_values(demo_app: App) -> None:
    """One parameter for the whole list (a JSON text on SQLite, an array on PostgreSQL):
    quotes, accents, percent signs and a list of one or of none are taken literally."""
    from sqlalchemy import select

    from desktop_app.db.bulk import in_list
    from desktop_app.db.models import Registrant

    with demo_app.engine.connect() as connection:
        emails = list(connection.scalars(select(Registrant.email).limit(5)))
        assert len(emails) == 5
        wanted = [*emails[:3], "o'brien\"@example.org", "zoë%@example.org", "nobody@example.org"]
        column = Registrant.__table__.c.email
        query = select(column).where(in_list(connection, column, "emails", column.type))
        found = set(connection.scalars(query, {"emails": wanted}))
        assert found == set(emails[:3])
        assert set(connection.scalars(query, {"emails": [emails[4]]})) == {emails[4]}
        assert set(connection.scalars(query, {"emails": []})) == set()
