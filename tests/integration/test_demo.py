"""The demo series: exact facts from the announcement, and idempotent loading."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.bootstrap import App
from desktop_app.domain.errors import UserError
from desktop_app.services import demo, sessions, speakers, stats


def test_demo_counts_and_second_load_changes_nothing(app: App) -> None:
    first = demo.load_demo(app.uow())
    counts = stats.stats(app.uow())
    assert (counts.series, counts.sessions, counts.speakers) == (1, 4, 13)
    assert counts.registrants == demo.DEMO_PEOPLE == first.registrants_created
    assert counts.registrations > counts.registrants  # some register for several sessions
    assert 0 < counts.attended < counts.registrations
    again = demo.load_demo(app.uow())
    assert again.series_id == first.series_id
    assert (
        again.sessions_created,
        again.speakers_created,
        again.registrants_created,
        again.registrations_created,
    ) == (0, 0, 0, 0)
    assert stats.stats(app.uow()) == counts


def test_sessions_are_wednesdays_at_ten_pacific(demo_app: App) -> None:
    rows = sessions.list_sessions(demo_app.uow())
    assert [r.starts_at for r in rows] == [
        datetime(2021, 8, 4, 17, tzinfo=UTC),
        datetime(2021, 8, 18, 17, tzinfo=UTC),
        datetime(2021, 9, 1, 17, tzinfo=UTC),
        datetime(2021, 9, 15, 17, tzinfo=UTC),
    ]
    assert rows[1].start_label == "Wed 18 Aug 2021 · 10:00 PT / 13:00 ET"
    assert all(r.duration_minutes == 60 for r in rows)
    assert [r.kind for r in rows] == ["kickoff", "deep_dive", "deep_dive", "deep_dive"]
    assert [r.after_hours_host_name for r in rows] == [""] + ["Sascha Haselmayer"] * 3


def test_speakers_keep_their_exact_titles_and_organisations(demo_app: App) -> None:
    by_name = {s.name: s for s in speakers.list_speakers(demo_app.uow())}
    assert by_name["Denisa Livingston"].organisation == "Diné Community Advocacy Alliance"
    assert by_name["Mandu Sen"].organisation == "Mayor’s Office of Food Policy, City of New York"
    assert by_name["Aimee Olivas"].title == "Socioeconomic Compliance Officer"
    assert by_name["Sascha Haselmayer"].session_count == 3
    roster = speakers.list_appearances(
        demo_app.uow(), session_id=sessions.list_sessions(demo_app.uow())[3].id
    )
    assert [p.speaker_name for p in roster] == [
        "Mandu Sen",
        "Bruce D. Collins",
        "Aimee Olivas",
        "Beth Blauer",
        "Sascha Haselmayer",
    ]
    assert roster[-1].role == "after_hours_host"


def test_an_unreadable_seed_is_a_plain_error(app: App, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="cannot read the demo announcement"):
        demo.load_demo(app.uow(), tmp_path / "missing.txt")
    bad = tmp_path / "bad.txt"
    bad.write_text("nothing here")
    with pytest.raises(UserError, match="cannot be read as a series"):
        demo.load_demo(app.uow(), bad)
    assert stats.stats(app.uow()).series == 0
