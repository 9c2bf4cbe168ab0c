"""Time zone conversion and labels, including daylight-saving days."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import timezones
from desktop_app.domain.errors import UserError


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


def test_another_zone_on_another_day_shows_its_weekday() -> None:
    # 29 Mar 2026, 02:30 in London (BST from 01:00 that night) is Saturday evening in New York.
    start = timezones.wall_time_to_utc(datetime(2026, 3, 29, 2, 30), "Europe/London")
    label = timezones.format_start(start, "Europe/London", ["America/New_York"])
    assert label == "Sun 29 Mar 2026 · 02:30 BST / Sat 21:30 ET"
    west_first = timezones.format_start(start, "America/New_York", ["Asia/Tokyo"])
    assert west_first == "Sat 28 Mar 2026 · 21:30 ET / Sun 10:30 JST"


def test_same_day_in_every_zone_shows_no_weekday() -> None:
    start = datetime(2021, 8, 18, 17, 0, tzinfo=UTC)
    assert timezones.clocks(start, ["America/Los_Angeles", "America/New_York"]) == (
        "10:00 PT / 13:00 ET"
    )
    assert timezones.clock(start, "Asia/Tokyo") == "02:00 JST"  # no reference: no mark
    assert timezones.clock(start, "Asia/Tokyo", timezones.home_date(start, "UTC")) == (
        "Thu 02:00 JST"
    )


def test_spans_compare_with_the_sessions_date() -> None:
    start = datetime(2026, 3, 29, 3, 50, tzinfo=UTC)  # 23:50 Saturday in New York
    end = timezones.end_of(start, 25)
    day = timezones.home_date(start, "America/New_York")
    assert timezones.span(start, end, "America/New_York", day) == "23:50–Sun 00:15"
    assert timezones.span(start, end, "America/Los_Angeles", day) == "20:50–21:15"
    assert timezones.span(start, end, "Asia/Tokyo", day) == "Sun 12:50–13:15"


def test_a_time_the_clocks_skip_is_refused_plainly() -> None:
    with pytest.raises(timezones.NonexistentLocalTime) as caught:
        timezones.wall_time_to_utc(datetime(2026, 3, 8, 2, 30), "America/New_York")
    assert str(caught.value) == (
        "02:30 on Sun 8 Mar 2026 does not exist in America/New_York: the clocks go forward "
        "from 02:00 to 03:00 that night; choose a time before 02:00 or from 03:00"
    )
    assert isinstance(caught.value, UserError)
    with pytest.raises(timezones.NonexistentLocalTime, match="from 02:00 to 02:30"):
        timezones.wall_time_to_utc(datetime(2026, 10, 4, 2, 15), "Australia/Lord_Howe")
    # The lenient reading for recorded times still moves it on, as before.
    moved = timezones.local_to_utc(datetime(2026, 3, 8, 2, 30), "America/New_York")
    assert timezones.clock(moved, "America/New_York") == "03:30 ET"


def test_a_time_that_happens_twice_carries_both_readings() -> None:
    local = datetime(2026, 11, 1, 1, 30)
    with pytest.raises(timezones.AmbiguousLocalTime) as caught:
        timezones.wall_time_to_utc(local, "America/New_York")
    error = caught.value
    assert error.readings == (
        datetime(2026, 11, 1, 5, 30, tzinfo=UTC),
        datetime(2026, 11, 1, 6, 30, tzinfo=UTC),
    )
    assert "01:30 EDT (UTC−04:00)" in str(error) and "01:30 EST (UTC−05:00)" in str(error)
    assert not isinstance(error, timezones.NonexistentLocalTime)
    assert timezones.wall_time_to_utc(local, "America/New_York", fold=0) == error.earlier
    assert timezones.wall_time_to_utc(local, "America/New_York", fold=1) == error.later


def test_ordinary_wall_times_convert_without_asking() -> None:
    local = datetime(2026, 3, 8, 10, 0)
    assert timezones.wall_time_to_utc(local, "America/New_York") == datetime(
        2026, 3, 8, 14, 0, tzinfo=UTC
    )
    aware = datetime(2026, 3, 8, 10, 0, tzinfo=UTC)
    assert timezones.wall_time_to_utc(aware, "America/New_York") == aware


@given(
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2060, 1, 1)),
    st.sampled_from(["America/New_York", "Europe/London", "Australia/Lord_Howe"]),
)
def test_a_typed_time_is_refused_exactly_when_it_would_move(
    local: datetime, zone_name: str
) -> None:
    try:
        utc = timezones.wall_time_to_utc(local, zone_name, fold=0)
    except timezones.NonexistentLocalTime:
        moved = timezones.utc_to_local(timezones.local_to_utc(local, zone_name), zone_name)
        assert moved.replace(tzinfo=None) != local
    else:
        back = timezones.utc_to_local(utc, zone_name).replace(tzinfo=None)
        assert back == local
