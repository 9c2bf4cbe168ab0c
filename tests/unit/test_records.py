"""Validation rules and their messages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

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
            "  ", datetime(2021, 8, 4, 10), join_url="zoom.us/j/1", registration_url="ftp://x"
        ),
    )
    assert set(found) == {"title", "start", "join_url", "registration_url"}


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
