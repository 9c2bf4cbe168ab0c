"""Time zone conversion and labels, including daylight-saving days."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import timezones


def test_pacific_morning_is_eastern_afternoon() -> None:
    start = timezones.local_to_utc(datetime(2021, 8, 18, 10, 0), "America/Los_Angeles")
    assert start == datetime(2021, 8, 18, 17, 0, tzinfo=UTC)
    label = timezones.format_start(start, "America/Los_Angeles", ["America/New_York"])
    assert label == "Wed 18 Aug 2021 · 10:00 PT / 13:00 ET"


def test_winter_offset_differs_from_summer() -> None:
    winter = timezones.local_to_utc(datetime(2021, 12, 1, 10, 0), "America/Los_Angeles")
    assert winter.hour == 18  # PST is UTC-8, PDT UTC-7


def test_a_span_across_the_spring_change_keeps_its_real_length() -> None:
    # 14 March 2021: clocks in Los Angeles jump from 02:00 to 03:00.
    start = timezones.local_to_utc(datetime(2021, 3, 14, 1, 30), "America/Los_Angeles")
    end = timezones.end_of(start, 60)
    assert timezones.utc_to_local(end, "America/Los_Angeles").hour == 3
    assert timezones.clock(end, "America/Los_Angeles") == "03:30 PT"


def test_zones_east_of_utc_and_abbreviation_fallback() -> None:
    moment = datetime(2021, 8, 18, 17, 0, tzinfo=UTC)
    assert timezones.clock(moment, "Europe/Berlin") == "19:00 CEST"
    assert timezones.clock(moment, "Asia/Kolkata") == "22:30 IST"
    label = timezones.format_start(moment, "Europe/Berlin", ["America/New_York", "Europe/Berlin"])
    assert label == "Wed 18 Aug 2021 · 19:00 CEST / 13:00 ET"


def test_the_date_is_the_home_zones_date() -> None:
    moment = datetime(2021, 8, 19, 2, 0, tzinfo=UTC)  # still the 18th in Los Angeles
    assert timezones.format_start(moment, "America/Los_Angeles", []).startswith("Wed 18 Aug")


@pytest.mark.parametrize("name", ["Mars/Olympus", "", "  ", "../etc/passwd", "PST8PDT/x"])
def test_unknown_zones_are_refused_plainly(name: str) -> None:
    with pytest.raises(timezones.UnknownTimeZone, match="IANA name"):
        timezones.zone(name)
    assert not timezones.is_zone(name)


@given(
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2060, 1, 1)),
    st.sampled_from(
        [
            "America/Los_Angeles",
            "America/New_York",
            "Europe/London",
            "Australia/Sydney",
            "Asia/Kathmandu",
        ]
    ),
)
def test_round_trip_through_utc_keeps_wall_time(local: datetime, zone_name: str) -> None:
    utc = timezones.local_to_utc(local, zone_name)
    back = timezones.utc_to_local(utc, zone_name).replace(tzinfo=None)
    # Only wall times skipped by a spring change may move (by the size of the jump).
    assert back == local or abs((back - local).total_seconds()) <= 3600
