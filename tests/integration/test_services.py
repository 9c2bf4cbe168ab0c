"""Create, read, update and delete through the services, checked in the database."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from desktop_app.bootstrap import App
from desktop_app.domain.enums import Consent, SessionKind, SpeakerRole
from desktop_app.domain.errors import Conflict, NotFound, ValidationError
from desktop_app.domain.records import (
    AppearanceData,
    ChecklistData,
    RegistrantData,
    RegistrationData,
    SeriesData,
    SessionData,
    SpeakerData,
)
from desktop_app.services import (
    registrants,
    series,
    sessions,
    speakers,
    stats,
)

START = datetime(2021, 8, 4, 17, tzinfo=UTC)


@pytest.fixture
def series_id(app: App) -> int:
    return series.create_series(
        app.uow(),
        SeriesData(
            "Procurement with a Purpose",
            home_zone="America/Los_Angeles",
            display_zones=("America/New_York",),
            default_platform="Zoom",
        ),
    )


@pytest.fixture
def session_id(app: App, series_id: int) -> int:
    return sessions.create_session(
        app.uow(), series_id, SessionData("Kickoff", START, 60, SessionKind.KICKOFF)
    )


def test_series_round_trip(app: App, series_id: int) -> None:
    row = series.get_series(app.uow(), series_id)
    assert row.display_zones == ("America/New_York",)
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.title = "x"  # type: ignore[misc]
    renamed = SeriesData("Renamed", home_zone="Europe/Berlin")
    assert series.update_series(app.uow(), series_id, renamed, row.version) == row.version + 1
    assert series.get_series(app.uow(), series_id).home_zone == "Europe/Berlin"
    with pytest.raises(ValidationError):
        series.update_series(app.uow(), series_id, SeriesData("X", home_zone="Berlin"), 2)
    assert series.get_series(app.uow(), series_id).title == "Renamed"  # unchanged


def test_session_takes_series_platform_and_labels_its_start(app: App, session_id: int) -> None:
    row = sessions.get_session(app.uow(), session_id)
    assert row.platform == "Zoom"
    assert row.start_label == "Wed 4 Aug 2021 · 10:00 PT / 13:00 ET"
    assert row.starts_at == START


def test_session_update_and_delete(app: App, series_id: int, session_id: int) -> None:
    sessions.update_session(
        app.uow(),
        session_id,
        SessionData("Kickoff call", START, 90, SessionKind.KICKOFF, after_hours_minutes=30),
        1,
    )
    row = sessions.get_session(app.uow(), session_id)
    assert (row.title, row.duration_minutes, row.after_hours_minutes) == ("Kickoff call", 90, 30)
    sessions.delete_session(app.uow(), session_id, row.version)
    assert sessions.list_sessions(app.uow(), series_id) == []
    with pytest.raises(NotFound, match="no session with id"):
        sessions.get_session(app.uow(), session_id)


def test_sessions_list_in_date_order(app: App, series_id: int) -> None:
    for day in (18, 4, 11):
        sessions.create_session(
            app.uow(), series_id, SessionData(f"Day {day}", START.replace(day=day))
        )
    assert [r.title for r in sessions.list_sessions(app.uow(), series_id)] == [
        "Day 4",
        "Day 11",
        "Day 18",
    ]


def test_speakers_parts_order_and_checklist(app: App, session_id: int) -> None:
    ann = speakers.create_speaker(app.uow(), SpeakerData("Ann", email=" Ann@Example.org "))
    bob = speakers.create_speaker(app.uow(), SpeakerData("Bob", organisation="Nava PBC"))
    assert speakers.get_speaker(app.uow(), ann).email == "ann@example.org"
    with pytest.raises(Conflict):
        speakers.create_speaker(app.uow(), SpeakerData("Ann 2", email="ANN@example.org"))
    first = speakers.add_to_session(
        app.uow(),
        session_id,
        ann,
        AppearanceData(SpeakerRole.MODERATOR, 0, ChecklistData(confirmed=True)),
    )
    second = speakers.add_to_session(app.uow(), session_id, bob, AppearanceData(position=1))
    speakers.reorder_appearances(app.uow(), session_id, [second, first])
    parts = speakers.list_appearances(app.uow(), session_id=session_id)
    assert [(p.speaker_name, p.position) for p in parts] == [("Bob", 0), ("Ann", 1)]
    assert parts[1].role == "moderator" and parts[1].confirmed
    speakers.update_appearance(
        app.uow(),
        second,
        AppearanceData(SpeakerRole.PANELIST, 0, ChecklistData(tech_check_done=True)),
        parts[0].version,
    )
    assert speakers.list_appearances(app.uow(), speaker_id=bob)[0].tech_check_done
    with pytest.raises(ValidationError):
        speakers.reorder_appearances(app.uow(), session_id, [first])
    with pytest.raises(ValidationError, match="not a speaker role"):
        speakers.add_to_session(app.uow(), session_id, bob, AppearanceData(role="juggler"))  # type: ignore[arg-type]
    speakers.delete_speaker(app.uow(), bob, 1)
    assert [
        p.speaker_name for p in speakers.list_appearances(app.uow(), session_id=session_id)
    ] == ["Ann"]
    speakers.remove_appearance(app.uow(), first, parts[1].version)
    assert speakers.get_speaker(app.uow(), ann).session_count == 0


def test_after_hours_host_is_cleared_when_speaker_goes(app: App, series_id: int) -> None:
    host = speakers.create_speaker(app.uow(), SpeakerData("Sascha"))
    sid = sessions.create_session(
        app.uow(),
        series_id,
        SessionData("Deep dive", START, after_hours_minutes=30, after_hours_host_id=host),
    )
    assert sessions.get_session(app.uow(), sid).after_hours_host_name == "Sascha"
    assert [s.name for s in speakers.list_speakers(app.uow(), series_id)] == ["Sascha"]
    speakers.delete_speaker(app.uow(), host, 1)
    assert sessions.get_session(app.uow(), sid).after_hours_host_id is None


def test_registrants_are_unique_by_normalised_email(app: App, session_id: int) -> None:
    rid = registrants.create_registrant(
        app.uow(),
        RegistrantData("  Maria.Garcia@City.example ", "María", "García", consent=Consent.YES),
    )
    with pytest.raises(Conflict, match="already exists"):
        registrants.create_registrant(app.uow(), RegistrantData("maria.garcia@city.EXAMPLE"))
    found = registrants.find_by_email(app.uow(), "MARIA.GARCIA@city.example")
    assert found is not None and found.id == rid and found.first_name == "María"
    other = registrants.create_registrant(app.uow(), RegistrantData("b@c.example"))
    with pytest.raises(Conflict):
        registrants.update_registrant(
            app.uow(), other, RegistrantData("maria.garcia@city.example"), 1
        )


def test_registration_upserts_and_counts(app: App, series_id: int, session_id: int) -> None:
    rid = registrants.create_registrant(app.uow(), RegistrantData("a@b.example", "Ann", "Lee"))
    registrants.register(app.uow(), rid, session_id, RegistrationData(source="zoom"))
    registrants.register(
        app.uow(),
        rid,
        session_id,
        RegistrationData(source="zoom", attended=True, minutes=42, first_join=START),
    )
    rows = registrants.list_registrations(app.uow(), session_id=session_id)
    assert len(rows) == 1 and rows[0].minutes == 42 and rows[0].attended
    session = sessions.get_session(app.uow(), session_id)
    assert (session.registered, session.attended) == (1, 1)
    assert registrants.count_registrants(app.uow(), series_id) == 1
    assert registrants.count_registrants(app.uow(), series_id, "lee") == 1
    assert registrants.count_registrants(app.uow(), series_id, "nobody") == 0
    registrants.update_registration(app.uow(), rows[0].id, RegistrationData(minutes=5), 2)
    changed = registrants.list_registrations(app.uow(), registrant_id=rid)[0]
    assert changed.minutes == 5 and changed.version == 3
    registrants.delete_registration(app.uow(), rows[0].id, changed.version)
    assert registrants.count_registrants(app.uow(), series_id) == 0
    assert registrants.delete_registrants(app.uow(), [rid]) == 1
    assert stats.stats(app.uow()).registrants == 0


def test_deleting_a_registrant_takes_their_registrations(app: App, session_id: int) -> None:
    rid = registrants.create_registrant(app.uow(), RegistrantData("a@b.example"))
    registrants.register(app.uow(), rid, session_id, RegistrationData())
    registrants.delete_registrants(app.uow(), [rid])
    assert stats.stats(app.uow()).registrations == 0


def test_a_failed_unit_of_work_leaves_nothing(app: App, series_id: int) -> None:
    uow = app.uow()
    with uow:
        from desktop_app.db.models import Speaker

        uow.session.add(Speaker(name="Never saved"))
        uow.flush()
    assert speakers.list_speakers(app.uow()) == []


def test_missing_records_say_what_is_missing(app: App) -> None:
    with pytest.raises(NotFound, match="no speaker with id 42"):
        speakers.update_speaker(app.uow(), 42, SpeakerData("X"), 1)
    with pytest.raises(NotFound, match="no series with id 7"):
        sessions.create_session(app.uow(), 7, SessionData("X", START))


def test_bulk_consent_and_its_undo(app: App) -> None:
    ids = [
        registrants.create_registrant(app.uow(), RegistrantData(f"p{i}@x.example"))
        for i in range(3)
    ]
    change = registrants.set_consent(app.uow(), ids[:2], Consent.YES, "phone call")
    before = change.before
    assert set(before) == set(ids[:2]) and before[ids[0]][0] == "unknown"
    assert change.versions == {ids[0]: 2, ids[1]: 2}
    rows = {r.id: r for r in registrants.list_registrants(app.uow())}
    assert [rows[i].consent for i in ids] == ["yes", "yes", "unknown"]
    assert rows[ids[0]].consent_source == "phone call" and rows[ids[0]].consent_at is not None
    assert registrants.restore_consent(app.uow(), before, change.versions) == {
        ids[0]: 3,
        ids[1]: 3,
    }
    assert {r.consent for r in registrants.list_registrants(app.uow())} == {"unknown"}


def test_series_speakers_include_the_not_yet_booked(
    app: App, series_id: int, session_id: int
) -> None:
    other_series = series.create_series(app.uow(), SeriesData("Other"))
    other_session = sessions.create_session(app.uow(), other_series, SessionData("O", START))
    ours = speakers.create_speaker(app.uow(), SpeakerData("Ours"))
    theirs = speakers.create_speaker(app.uow(), SpeakerData("Theirs"))
    speakers.create_speaker(app.uow(), SpeakerData("Unbooked"))
    speakers.add_to_session(app.uow(), session_id, ours, AppearanceData())
    speakers.add_to_session(app.uow(), other_session, theirs, AppearanceData())
    assert [s.name for s in speakers.list_speakers(app.uow(), series_id)] == ["Ours", "Unbooked"]
    assert len(speakers.list_speakers(app.uow())) == 3
