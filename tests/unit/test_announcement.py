"""Reading the published announcement of the demo series."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from desktop_app.domain.announcement import (
    AnnouncementError,
    parse_announcement,
    parse_speaker,
)
from desktop_app.domain.enums import SessionKind
from desktop_app.services.demo import default_seed

SHARED_SEED = (
    Path(__file__).resolve().parents[3] / "shared" / "seed" / "procurement-with-a-purpose.txt"
)


@pytest.fixture(scope="module")
def text() -> str:
    return default_seed().read_text(encoding="utf-8")


def test_the_bundled_seed_is_the_published_one(text: str) -> None:
    if SHARED_SEED.exists():  # beside a checkout of the project; absent in a frozen build
        assert SHARED_SEED.read_text(encoding="utf-8") == text
    assert "Procurement with a Purpose" in text


def test_series_facts(text: str) -> None:
    series = parse_announcement(text, 2021)
    assert series.title == "Procurement with a Purpose"
    assert series.local_start == time(10, 0)
    assert series.home_zone == "America/Los_Angeles"
    assert series.display_zones == ("America/New_York",)
    assert series.after_hours_host == "Sascha Haselmayer"
    assert series.platform == "Zoom"


def test_four_wednesday_sessions(text: str) -> None:
    sessions = parse_announcement(text, 2021).sessions
    assert [s.day for s in sessions] == [
        date(2021, 8, 4),
        date(2021, 8, 18),
        date(2021, 9, 1),
        date(2021, 9, 15),
    ]
    assert all(s.day.weekday() == 2 for s in sessions)
    assert [s.kind for s in sessions] == [SessionKind.KICKOFF] + [SessionKind.DEEP_DIVE] * 3
    assert sessions[2].title == "The Supplier’s City"
    assert sessions[2].subtitle.startswith("Improving data access")
    assert [len(s.speakers) for s in sessions] == [3, 2, 3, 4]


def test_every_speaker_line_round_trips(text: str) -> None:
    bullets = [line.split("• ", 1)[1] for line in text.splitlines() if "• " in line]
    speakers = [p for s in parse_announcement(text, 2021).sessions for p in s.speakers]
    assert len(bullets) == len(speakers) == 12
    assert [f"{p.name}, {p.title}, {p.organisation}" for p in speakers] == bullets


def test_title_then_organisation_with_commas() -> None:
    speaker = parse_speaker(
        "Nia Richardson, Assistant to the Director for Small Business and "
        "Entrepreneurship, City of Kansas City, MO"
    )
    assert speaker.title.endswith("Entrepreneurship")
    assert speaker.organisation == "City of Kansas City, MO"


def test_text_without_a_series_is_refused() -> None:
    with pytest.raises(AnnouncementError):
        parse_announcement("Hello world", 2021)
