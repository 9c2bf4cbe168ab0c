"""Validation rules and their messages."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from desktop_app.domain import timezones
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.records import (
    RegistrantData,
    RegistrationData,
    SeriesData,
    SessionData,
    SpeakerData,
    validate_registrant,
    validate_registration,
    validate_series,
    validate_session,
    validate_speaker,
)

START = datetime(2021, 8, 4, 17, tzinfo=UTC)


def problems(call: object, data: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        call(data)  # type: ignore[operator]
    return caught.value.problems


def test_an_unknown_time_zone_is_named() -> None:
    found = problems(validate_series, SeriesData("S", home_zone="Pacific Time"))
    assert "'Pacific Time' is not a time zone" in found["home_zone"]


def test_display_zones_are_checked_and_deduplicated() -> None:
    assert "display_zones" in problems(
        validate_series, SeriesData("S", display_zones=("Nowhere/City",))
    )
    ok = validate_series(SeriesData(" S ", display_zones=("America/New_York", " America/New_York")))
    assert ok.title == "S" and ok.display_zones == ("America/New_York",)


def test_a_session_that_ends_before_it_starts_is_refused() -> None:
    found = problems(validate_session, SessionData("Kickoff", START, duration_minutes=-30))
    assert "ends before it starts" in found["duration_minutes"]
    assert "duration_minutes" in problems(validate_session, SessionData("K", START, 0))


def test_session_needs_title_aware_start_and_web_links() -> None:
    found = problems(
        validate_session,
        SessionData(
            "  ", datetime(2021, 8, 4, 10), join_url="mailto:a@b.org", registration_url="ftp://x"
        ),
    )
    assert set(found) == {"title", "start", "join_url", "registration_url"}


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("zoom.us/j/85012345678", "https://zoom.us/j/85012345678"),
        (" us02web.zoom.us/j/850?pwd=Ab1 ", "https://us02web.zoom.us/j/850?pwd=Ab1"),
        (
            "teams.microsoft.com/l/meetup-join/19%3a",
            "https://teams.microsoft.com/l/meetup-join/19%3a",
        ),
        ("//zoom.us/w/1", "https://zoom.us/w/1"),
        ("http://example.org/x", "http://example.org/x"),
        ("https://zoom.us/j/1", "https://zoom.us/j/1"),
    ],
)
def test_a_link_without_https_is_given_it(typed: str, saved: str) -> None:
    data = validate_session(SessionData("K", START, join_url=typed, recording_url=typed))
    assert data.join_url == saved and data.recording_url == saved


@pytest.mark.parametrize("typed", ["zoom dot us", "mailto:ana@example.org", "localhost/j/1"])
def test_what_is_not_a_link_is_still_refused(typed: str) -> None:
    assert "join_url" in problems(validate_session, SessionData("K", START, join_url=typed))


def test_a_wall_time_is_read_in_the_home_zone() -> None:
    data = validate_session(SessionData("K", datetime(2021, 8, 4, 10)), "America/Los_Angeles")
    assert data.start == START


def test_a_start_the_clocks_skip_is_a_problem_of_the_start_field() -> None:
    typed = SessionData("K", datetime(2026, 3, 8, 2, 30))
    with pytest.raises(ValidationError) as caught:
        validate_session(typed, "America/New_York")
    assert caught.value.problems == {
        "start": "02:30 on Sun 8 Mar 2026 does not exist in America/New_York: the clocks go "
        "forward from 02:00 to 03:00 that night; choose a time before 02:00 or from 03:00"
    }
    skipped = datetime(2026, 3, 8, 2, 30, tzinfo=ZoneInfo("America/New_York"))
    assert "start" in problems(validate_session, SessionData("K", skipped))


def test_a_start_that_happens_twice_asks_which() -> None:
    typed = SessionData("K", datetime(2026, 11, 1, 1, 30))
    with pytest.raises(timezones.AmbiguousLocalTime) as caught:
        validate_session(typed, "America/New_York")
    first, second = caught.value.readings
    assert (second - first).total_seconds() == 3600
    chosen = validate_session(replace(typed, start_fold=1), "America/New_York")
    assert chosen.start == second
    # With other problems as well, every field is listed at once.
    with pytest.raises(ValidationError) as listed:
        validate_session(replace(typed, title=""), "America/New_York")
    assert set(listed.value.problems) == {"title", "start"}


def test_an_email_that_is_not_an_email_is_refused() -> None:
    found = problems(validate_registrant, RegistrantData("ana at example.org"))
    assert found["email"] == "'ana at example.org' is not an email address"
    assert "email" in problems(validate_speaker, SpeakerData("Ana", email="nope"))


def test_registrant_email_is_normalised() -> None:
    assert validate_registrant(RegistrantData(" Ana@Example.ORG ")).email == "ana@example.org"


def test_speaker_needs_a_name_and_an_image_headshot() -> None:
    found = problems(validate_speaker, SpeakerData(" ", headshot_path="cv.pdf"))
    assert set(found) == {"name", "headshot_path"}


def test_attendance_cannot_end_before_it_begins() -> None:
    found = problems(
        validate_registration,
        RegistrationData(
            first_join=START, last_leave=datetime(2021, 8, 4, 16, tzinfo=UTC), minutes=-1
        ),
    )
    assert set(found) == {"minutes", "last_leave"}


def test_validation_error_message_lists_every_field() -> None:
    error = ValidationError({"title": "needed", "start": "wrong"})
    assert str(error) == "title: needed; start: wrong"
