"""Merging two registrants who are one person: registrations, fields, consent, undo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop_app.bootstrap import App
from desktop_app.domain.enums import Consent
from desktop_app.domain.errors import UserError
from desktop_app.domain.records import RegistrantData, RegistrationData, SeriesData, SessionData
from desktop_app.services import registrants, series, sessions, snapshots
from desktop_app.services.registrant_merge import combined_minutes, merge_registrants
from tests.integration.test_snapshots import table_dump

START = datetime(2026, 5, 6, 17, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return START + timedelta(minutes=minutes)


@pytest.fixture
def two_people(app: App) -> tuple[App, int, int, list[int]]:
    """Ana under a work and a home address, with overlapping and separate registrations."""
    series_id = series.create_series(app.uow(), SeriesData("S"))
    ids = [
        sessions.create_session(app.uow(), series_id, SessionData(f"Day {n}", at(n * 1440)))
        for n in range(3)
    ]
    work = registrants.create_registrant(
        app.uow(),
        RegistrantData(
            "ana@work.org",
            "Ana",
            "",
            organisation="City of X",
            consent=Consent.YES,
            consent_at=at(-100),
            consent_source="form",
        ),
    )
    home = registrants.create_registrant(
        app.uow(),
        RegistrantData(
            "ana.p@home.example",
            "Ana",
            "Pérez",
            organisation="Somewhere else",
            city="Quito",
            consent=Consent.NO,
            consent_at=at(-50),
            consent_source="email",
        ),
    )
    # Day 0: both came, at the same time on two devices. Day 1: only the home address.
    # Day 2: left on one address and came back on the other.
    registrants.register(
        app.uow(),
        work,
        ids[0],
        RegistrationData(at(-900), attended=True, first_join=at(0), last_leave=at(40), minutes=40),
    )
    registrants.register(
        app.uow(),
        home,
        ids[0],
        RegistrationData(at(-950), attended=True, first_join=at(5), last_leave=at(50), minutes=45),
    )
    registrants.register(app.uow(), home, ids[1], RegistrationData(at(-800)))
    day2 = 2 * 1440
    registrants.register(
        app.uow(),
        work,
        ids[2],
        RegistrationData(attended=True, first_join=at(day2), last_leave=at(day2 + 20), minutes=20),
    )
    registrants.register(
        app.uow(),
        home,
        ids[2],
        RegistrationData(
            attended=True, first_join=at(day2 + 30), last_leave=at(day2 + 60), minutes=30
        ),
    )
    return app, work, home, ids


def test_registrations_move_and_combine(two_people: tuple[App, int, int, list[int]]) -> None:
    app, work, home, ids = two_people
    result = merge_registrants(app.uow(), work, home)
    assert (result.moved, result.combined) == (1, 2)
    assert registrants.find_by_email(app.uow(), "ana.p@home.example") is None
    by_session = {
        r.session_id: r for r in registrants.list_registrations(app.uow(), registrant_id=work)
    }
    assert sorted(by_session) == ids
    same_time = by_session[ids[0]]
    assert same_time.attended and same_time.minutes == 45  # overlapping: the larger
    assert same_time.registered_at == at(-950) and same_time.first_join == at(0)
    assert same_time.last_leave == at(50)
    assert by_session[ids[2]].minutes == 50  # two separate visits: summed
    assert not by_session[ids[1]].attended


def test_kept_fields_win_and_empty_ones_are_filled(
    two_people: tuple[App, int, int, list[int]],
) -> None:
    app, work, home, _ = two_people
    result = merge_registrants(app.uow(), work, home)
    kept = registrants.get_registrant(app.uow(), work)
    assert (kept.email, kept.first_name, kept.last_name) == ("ana@work.org", "Ana", "Pérez")
    assert (kept.organisation, kept.city) == ("City of X", "Quito")
    assert set(result.filled) == {"last_name", "city"}
    # The home address answered later, and said no: the newer answer wins.
    assert (kept.consent, kept.consent_source) == ("no", "email")
    assert any("newer answer" in note for note in result.notes)


def test_the_other_address_can_be_the_one_kept(
    two_people: tuple[App, int, int, list[int]],
) -> None:
    app, work, home, _ = two_people
    result = merge_registrants(app.uow(), work, home, email=" Ana.P@Home.example ")
    assert result.email == "ana.p@home.example"
    assert registrants.get_registrant(app.uow(), work).email == "ana.p@home.example"
    assert registrants.find_by_email(app.uow(), "ana@work.org") is None
    other = registrants.create_registrant(app.uow(), RegistrantData("bo@x.org"))
    with pytest.raises(UserError, match="keep one of the two addresses"):
        merge_registrants(app.uow(), work, other, email="someone@else.org")


def test_undo_restores_both_people_exactly(two_people: tuple[App, int, int, list[int]]) -> None:
    app, work, home, _ = two_people
    before = table_dump(app)
    result = merge_registrants(app.uow(), work, home)
    assert table_dump(app) != before
    snapshots.restore(app.uow(), result.snapshot)
    assert table_dump(app) == before
    # Redo is the same merge again.
    again = merge_registrants(app.uow(), work, home)
    assert (again.moved, again.combined) == (1, 2)


def test_a_person_cannot_be_merged_with_themselves(app: App) -> None:
    only = registrants.create_registrant(app.uow(), RegistrantData("a@b.org"))
    with pytest.raises(UserError, match="two different"):
        merge_registrants(app.uow(), only, only)
    with pytest.raises(UserError, match="no registrant with id 99"):
        merge_registrants(app.uow(), only, 99)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ((40, at(0), at(40)), (45, at(5), at(50)), 45),  # same minutes on two devices
        ((20, at(0), at(20)), (30, at(30), at(60)), 50),  # left, came back
        ((20, None, None), (30, at(30), at(60)), 30),  # untimed: cannot tell, the larger
        ((0, None, None), (30, at(30), at(60)), 30),
    ],
)
def test_combined_minutes(
    first: tuple[int, datetime | None, datetime | None],
    second: tuple[int, datetime | None, datetime | None],
    expected: int,
) -> None:
    assert combined_minutes(first, second) == expected
    assert combined_minutes(second, first) == expected
