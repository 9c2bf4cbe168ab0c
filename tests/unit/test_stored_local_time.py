"""Stored UTC text (or a server's UTC datetime) becomes the wall time in every zone, clock
changes included."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop_app.db.types import local_time_from_stored as _local_time


@pytest.mark.parametrize(
    ("zone", "around"),
    [
        ("America/Los_Angeles", datetime(2021, 3, 14, 10, 0)),  # spring forward, 10:00 UTC
        ("America/Los_Angeles", datetime(2021, 11, 7, 9, 0)),  # fall back, 09:00 UTC
        ("America/St_Johns", datetime(2021, 3, 14, 5, 30)),  # -03:30, changes at :30 UTC
        ("Pacific/Chatham", datetime(2021, 4, 3, 14, 0)),  # +12:45 / +13:45
        ("Australia/Lord_Howe", datetime(2021, 4, 3, 15, 0)),  # a half-hour change
        ("Europe/London", datetime(2021, 3, 28, 1, 0)),
        ("Asia/Kathmandu", datetime(2021, 6, 1, 0, 0)),  # +05:45, no changes
    ],
)
def test_every_minute_around_a_clock_change(zone: str, around: datetime) -> None:
    to_local = _local_time(ZoneInfo(zone))
    for minute in range(-180, 181, 1):
        moment = around + timedelta(minutes=minute, seconds=17, microseconds=5)
        stored = moment.isoformat(" ", "microseconds")
        exact = moment.replace(tzinfo=UTC).astimezone(ZoneInfo(zone)).replace(tzinfo=None)
        assert to_local(stored) == exact, stored
        # A server hands back naive UTC datetimes (and, from a timestamptz, aware ones).
        assert to_local(moment) == exact, moment
        assert to_local(moment.replace(tzinfo=UTC)) == exact, moment
