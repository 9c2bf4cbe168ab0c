"""Date styles from Zoom, Eventbrite, Google Forms and spreadsheets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.dates import parse_datetime


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mar 28, 2020 09:07:11", datetime(2020, 3, 28, 9, 7, 11)),
        ("Mar 28, 2020 8:07 AM", datetime(2020, 3, 28, 8, 7)),
        ("Mar 28, 2020 2:20 PM", datetime(2020, 3, 28, 14, 20)),
        ("10/07/2026 01:00:31 PM", datetime(2026, 10, 7, 13, 0, 31)),
        ("10/7/2026 13:00:31", datetime(2026, 10, 7, 13, 0, 31)),
        ("2026-10-07 13:00:31", datetime(2026, 10, 7, 13, 0, 31)),
        ("2026-10-07T13:00:31Z", datetime(2026, 10, 7, 13, 0, 31, tzinfo=UTC)),
        (
            "2026-10-07 13:00:31-07:00",
            datetime(2026, 10, 7, 13, 0, 31, tzinfo=timezone(timedelta(hours=-7))),
        ),
        ("07.10.2026 13:00", datetime(2026, 10, 7, 13, 0)),
        ("25/10/2026", datetime(2026, 10, 25)),
    ],
)
def test_known_styles(text: str, expected: datetime) -> None:
    assert parse_datetime(text) == expected


@pytest.mark.parametrize("missing", ["", "--", "NA", " n/a ", "-"])
def test_missing_values_are_none(missing: str) -> None:
    assert parse_datetime(missing) is None


def test_nonsense_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="'yesterday' is not a date"):
        parse_datetime("yesterday")


@given(st.text(max_size=40))
def test_any_text_gives_a_date_none_or_value_error(text: str) -> None:
    try:
        result = parse_datetime(text)
    except ValueError:
        return
    assert result is None or isinstance(result, datetime)
