"""Removing the demo takes what the demo brought and nothing else; undo puts it back."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.bootstrap import App, open_app
from desktop_app.domain.records import (
    AppearanceData,
    RegistrantData,
    RegistrationData,
    SeriesData,
    SessionData,
    SpeakerData,
)
from desktop_app.services import (
    demo,
    orphans,
    registrants,
    series,
    sessions,
    snapshots,
    speakers,
    stats,
)
from desktop_app.services.attendee_index import load_attendee_index
from desktop_app.services.demo_removal import demo_present, remove_demo
from tests.integration.test_cli import run
from tests.integration.test_snapshots import table_dump

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
START = datetime(2026, 5, 6, 17, tzinfo=UTC)


def real_series(app: App) -> tuple[int, int]:
    """A series and session the user made; returns their ids."""
    series_id = series.create_series(app.uow(), SeriesData("Our own series"))
    return series_id, sessions.create_session(app.uow(), series_id, SessionData("Ours", START))


def test_removing_the_demo_from_a_database_with_nothing_else_empties_it(demo_app: App) -> None:
    assert demo_present(demo_app.uow())
    result = remove_demo(demo_app.uow())
    assert (result.series, result.sessions, result.speakers, result.registrants) == (
        1,
        4,
        13,
        demo.DEMO_PEOPLE,
    )
    assert result.registrations > result.registrants
    counts = stats.stats(demo_app.uow())
    assert (counts.series, counts.sessions, counts.speakers, counts.registrants) == (0, 0, 0, 0)
    assert not demo_present(demo_app.uow())
    assert not remove_demo(demo_app.uow()).removed_anything


def test_what_the_user_added_or_reused_stays(demo_app: App) -> None:
    series_id, ours = real_series(demo_app)
    demo_session = sessions.list_sessions(demo_app.uow())[0].id
    # A demo speaker booked for a real session, and a demo registrant registered for one.
    host = next(s for s in speakers.list_speakers(demo_app.uow()) if s.session_count == 3)
    speakers.add_to_session(demo_app.uow(), ours, host.id, AppearanceData())
    demo_person = registrants.list_registrants(demo_app.uow(), limit=1)[0]
    registrants.register(demo_app.uow(), demo_person.id, ours, RegistrationData())
    # Someone the user typed in, registered only for a demo session.
    typed = registrants.create_registrant(demo_app.uow(), RegistrantData("ana@ngo.org"))
    registrants.register(demo_app.uow(), typed, demo_session, RegistrationData())
    own_speaker = speakers.create_speaker(demo_app.uow(), SpeakerData("Our Moderator"))

    result = remove_demo(demo_app.uow())

    assert (result.kept_speakers, result.kept_registrants) == (1, 1)
    assert [s.title for s in series.list_series(demo_app.uow())] == ["Our own series"]
    left = {s.name for s in speakers.list_speakers(demo_app.uow())}
    assert left == {host.name, "Our Moderator"}
    emails = {r.email for r in registrants.list_registrants(demo_app.uow())}
    assert emails == {demo_person.email, "ana@ngo.org"}
    # The user's registrant lost the demo session and now belongs to no series: visible.
    alone = registrants.list_registrants(demo_app.uow(), in_no_series=True)
    assert [r.email for r in alone] == ["ana@ngo.org"]
    assert registrants.count_registrants(demo_app.uow(), in_no_series=True) == 1
    assert [s.id for s in speakers.list_speakers(demo_app.uow(), in_no_series=True)] == [
        own_speaker
    ]
    assert orphans.counts(demo_app.uow()) == (1, 1)
    index = load_attendee_index(demo_app.uow(), None)
    assert index is not None and [index.row(p).email for p in range(len(index))] == ["ana@ngo.org"]
    assert series_id in {s.id for s in series.list_series(demo_app.uow())}


def test_undo_puts_the_demo_back_exactly(demo_app: App) -> None:
    real_series(demo_app)
    before = table_dump(demo_app)
    result = remove_demo(demo_app.uow())
    assert table_dump(demo_app) != before
    snapshots.restore(demo_app.uow(), result.snapshot)
    assert table_dump(demo_app) == before


def test_people_in_no_series_can_be_deleted_and_brought_back(app: App) -> None:
    registrants.create_registrant(app.uow(), RegistrantData("lone@ngo.org"))
    speakers.create_speaker(app.uow(), SpeakerData("Lone Speaker"))
    _, ours = real_series(app)
    kept = registrants.create_registrant(app.uow(), RegistrantData("kept@ngo.org"))
    registrants.register(app.uow(), kept, ours, RegistrationData())
    before = table_dump(app)
    snap = orphans.delete_all(app.uow())
    assert (snap.count("registrants"), snap.count("speakers")) == (1, 1)
    assert [r.email for r in registrants.list_registrants(app.uow())] == ["kept@ngo.org"]
    assert orphans.counts(app.uow()) == (0, 0)
    snapshots.restore(app.uow(), snap)
    assert table_dump(app) == before


def test_a_database_that_loaded_the_demo_before_the_markers_is_backfilled(
    tmp_path: Path,
) -> None:
    copy = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "webinar-desk-0.1.0.sqlite", copy)
    app = open_app(str(copy))
    before = stats.stats(app.uow())
    assert before.series == 1 and before.speakers == 13
    result = remove_demo(app.uow())
    assert (result.series, result.speakers, result.registrants) == (
        1,
        13,
        before.registrants,
    )
    after = stats.stats(app.uow())
    assert (after.series, after.speakers, after.registrants) == (0, 0, 0)
    app.close()


def test_a_renamed_demo_is_still_found_and_a_user_series_is_not(tmp_path: Path) -> None:
    copy = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "webinar-desk-0.1.0.sqlite", copy)
    import sqlite3

    with sqlite3.connect(copy) as connection:  # before the upgrade adds the markers
        connection.execute("UPDATE series SET title = 'Renamed by the user'")
    app = open_app(str(copy))
    series_id, _ = real_series(app)
    result = remove_demo(app.uow())
    assert result.series == 1
    assert [s.id for s in series.list_series(app.uow())] == [series_id]
    app.close()


def test_the_command_line_removes_the_demo(db_path: Path) -> None:
    assert run("demo", db=db_path).returncode == 0
    done = run("remove-demo", db=db_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "Removed the demo: 1 series, 4 sessions, 13 speakers, 320 registrants,"
    )
    again = run("remove-demo", "--json", db=db_path)
    assert json.loads(again.stdout)["series"] == 0
    assert run("remove-demo", db=db_path).stdout.strip() == "There is no demo to remove."
