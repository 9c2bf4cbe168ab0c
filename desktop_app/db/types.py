"""Column types that behave the same on SQLite and server databases."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import DateTime, Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stores an aware datetime as naive UTC and returns it aware again.

    SQLite has no time zone type, so every instant is normalised to UTC before it is
    written; values read back always carry tzinfo=UTC.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Aware -> naive UTC; naive values are refused because their zone is unknown."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; attach a time zone first")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Naive UTC from the database -> aware UTC."""
        if value is None:
            return None
        moment: datetime = value
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def utc_binder(dialect: Dialect) -> Callable[[datetime | None], Any]:
    """A fast stand-in for UTCDateTime's binding, for bulk writes of plain tuples.

    It gives the driver exactly what UTCDateTime and the dialect's DateTime would (a test
    compares them): on SQLite the same text ('2021-03-15 12:05:57.105542'), elsewhere
    the naive UTC datetime. Aware values already in UTC skip the conversion.
    """
    as_text = dialect.name == "sqlite"

    def bind(value: datetime | None) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; attach a time zone first")
        if value.tzinfo is not UTC:
            value = value.astimezone(UTC)
        naive = value.replace(tzinfo=None)
        return naive.isoformat(" ", "microseconds") if as_text else naive

    return bind


def local_time_from_stored(zone: tzinfo) -> Callable[[str | datetime], datetime]:
    """Stored UTC text ('2021-07-19 11:30:00.000000') -> naive wall time in zone.

    A server database hands back naive UTC datetimes instead of text; they are converted
    one by one (no engine but SQLite stores the text this shortcut is for).

    The zone's offset is looked up once per UTC hour (an hour whose two ends have the
    same offset has it throughout; an hour with a clock change is converted value by
    value), so a million dates cost a million additions, not a million zone look-ups.
    """
    fromisoformat = datetime.fromisoformat
    offsets: dict[str, timedelta | None] = {}
    server_offsets: dict[tuple[int, int, int, int], timedelta | None] = {}

    def hour_offset(start: datetime) -> timedelta | None:
        first = start.astimezone(zone).utcoffset()
        last = (start + timedelta(seconds=3599)).astimezone(zone).utcoffset()
        return first if first == last else None

    def local(text: str | datetime) -> datetime:
        if isinstance(text, datetime):
            if text.tzinfo is not None:
                return text.astimezone(zone).replace(tzinfo=None)
            key = (text.year, text.month, text.day, text.hour)
            if key in server_offsets:
                offset = server_offsets[key]
            else:
                offset = server_offsets[key] = hour_offset(datetime(*key, tzinfo=UTC))
            if offset is None:
                return text.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)
            return text + offset
        hour = text[:13]
        if hour in offsets:
            offset = offsets[hour]
        else:
            offset = offsets[hour] = hour_offset(fromisoformat(hour + ":00:00+00:00"))
        moment = fromisoformat(text)
        if offset is None:
            return moment.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)
        return moment + offset

    return local
