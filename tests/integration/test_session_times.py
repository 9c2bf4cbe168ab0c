"""Sessions take wall times in their series' home zone; links and meeting details; About."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.bootstrap import App, describe_location, open_app
from desktop_app.db.engine import describe_url
from desktop_app.domain import timezones
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.records import SeriesData, SessionData
from desktop_app.services import series, sessions, speakers, stats


@pytest.fixture
def eastern(app: App) -> int:
    return series.create_series(
        app.uow(),
        SeriesData("S", home_zone="America/New_York", display_zones=("Europe/London",)),
    )


def test_a_wall_time_is_saved_in_the_home_zone(app: App, eastern: int) -> None:
    session_id = sessions.create_session(
        app.uow(), eastern, SessionData("Evening", datetime(2026, 3, 28, 21, 30))
    )
    row = sessions.get_session(app.uow(), session_id)
    assert row.starts_at == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert row.start_label == "Sat 28 Mar 2026 · 21:30 ET / Sun 02:30 BST"


def test_a_skipped_time_is_refused_and_nothing_changes(app: App, eastern: int) -> None:
    with pytest.raises(ValidationError) as caught:
        sessions.create_session(app.uow(), eastern, SessionData("X", datetime(2026, 3, 8, 2, 30)))
    assert "does not exist in America/New_York" in caught.value.problems["start"]
    assert stats.stats(app.uow()).sessions == 0


def test_a_repeated_time_asks_then_takes_the_chosen_reading(app: App, eastern: int) -> None:
    typed = SessionData("Late", datetime(2026, 11, 1, 1, 30))
    with pytest.raises(timezones.AmbiguousLocalTime) as caught:
        sessions.create_session(app.uow(), eastern, typed)
    assert stats.stats(app.uow()).sessions == 0
    session_id = sessions.create_session(
        app.uow(), eastern, SessionData("Late", typed.start, start_fold=1)
    )
    assert sessions.get_session(app.uow(), session_id).starts_at == caught.value.later
    # Editing keeps asking too.
    with pytest.raises(timezones.AmbiguousLocalTime):
        sessions.update_session(app.uow(), session_id, typed, 1)


def test_links_are_given_https_and_meeting_details_are_kept(app: App, eastern: int) -> None:
    session_id = sessions.create_session(
        app.uow(),
        eastern,
        SessionData(
            "Linked",
            datetime(2026, 5, 6, 10, 0),
            join_url="zoom.us/j/85012345678",
            meeting_id="850 1234 5678",
            passcode="314159",
        ),
    )
    row = sessions.get_session(app.uow(), session_id)
    assert row.join_url == "https://zoom.us/j/85012345678"
    assert (row.meeting_id, row.passcode) == ("850 1234 5678", "314159")
    # An edit that does not mention them (an older form) leaves them as they were.
    sessions.update_session(
        app.uow(), session_id, SessionData("Renamed", row.starts_at), row.version
    )
    row = sessions.get_session(app.uow(), session_id)
    assert (row.title, row.meeting_id, row.passcode) == ("Renamed", "850 1234 5678", "314159")


def test_demo_speakers_have_made_up_contacts_for_the_day(demo_app: App) -> None:
    people = speakers.list_speakers(demo_app.uow())
    assert all(p.email.endswith("@speakers.example") for p in people)
    assert all(p.phone.startswith("+1 555 01") for p in people)
    assert len({p.email for p in people}) == len(people)


def test_about_describes_the_database_without_its_url(db_path: Path) -> None:
    app = open_app(str(db_path))
    assert describe_location(app) == f"test.sqlite in {db_path.parent}"
    app.close()
    home = Path.home() / ".local" / "share" / "WebinarDesk" / "webinar-desk.sqlite"
    assert describe_url(f"sqlite:///{home}") == (
        "webinar-desk.sqlite in ~/.local/share/WebinarDesk"
    )
    assert describe_url("sqlite://").startswith("a temporary database in memory")
    assert describe_url("postgresql://ana:secret@db.ngo.org/desk") == (
        "the PostgreSQL database 'desk' on db.ngo.org"
    )
