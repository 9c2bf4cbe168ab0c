"""The in-memory attendee index: per-session attendance, filters, sorting."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_app.bootstrap import App
from desktop_app.db.bulk import plain_rows
from desktop_app.domain.enums import Consent
from desktop_app.domain.records import RegistrantData, RegistrationData, SeriesData, SessionData
from desktop_app.services import registrants, series, sessions
from desktop_app.services.attendee_index import (
    Attendance,
    AttendeeIndex,
    load_attendee_index,
    load_attendees,
    registration_count,
)
from desktop_app.services.attendee_index_query import index_query, most_registrations


def load(app: App) -> AttendeeIndex:
    index = load_attendee_index(app.uow(), 1)
    assert index is not None
    return index


def test_each_person_has_one_attendance_per_session(demo_app: App) -> None:
    index = load(demo_app)
    assert len(index) == registrants.count_registrants(demo_app.uow(), 1) == 320
    assert registration_count(demo_app.uow(), 1) == sum(
        s.registered for s in sessions.list_sessions(demo_app.uow())
    )
    for position in range(0, 320, 7):
        row = index.row(position)
        truth = {
            r.session_id: r
            for r in registrants.list_registrations(demo_app.uow(), registrant_id=row.id)
        }
        assert [a.registered for a in row.sessions] == [i in truth for i in index.session_ids]
        assert [a.minutes for a in row.sessions] == [
            truth[i].minutes if i in truth else 0 for i in index.session_ids
        ]
        assert [a.attended for a in row.sessions] == [
            truth[i].attended if i in truth else False for i in index.session_ids
        ]


def assert_in_name_order(index: AttendeeIndex) -> None:
    assert index.filter() == list(range(len(index)))
    names = [
        (
            index.text["last_name"][p].casefold(),
            index.text["first_name"][p].casefold(),
            index.ids[p],  # namesakes by id
        )
        for p in range(len(index))
    ]
    assert names == sorted(names)


def test_loaded_in_name_order(demo_app: App) -> None:
    assert_in_name_order(load(demo_app))


def test_capitals_beyond_ascii_are_in_name_order_too(demo_app: App) -> None:
    # SQLite's NOCASE leaves "Í" alone, so it sorts GARCÍA away from García: the load
    # puts them in case-folded order itself, every column along.
    first_session = load(demo_app).session_ids[0]
    people = {}
    for email, first, last in (
        ("zoe@garcia.example", "Zoe", "GARCÍA"),
        ("ana@garcia.example", "Ana", "García"),
        ("bea@garcia.example", "Bea", "GARCÍA"),
    ):
        person = registrants.create_registrant(demo_app.uow(), RegistrantData(email, first, last))
        registrants.register(demo_app.uow(), person, first_session, RegistrationData())
        people[person] = email
    index = load(demo_app)
    assert_in_name_order(index)
    shown = [p for p in range(len(index)) if index.ids[p] in people]
    assert [index.text["first_name"][p] for p in shown] == ["Ana", "Bea", "Zoe"]
    assert all(index.row(p).email == people[index.ids[p]] for p in shown)
    assert all(index.row(p).sessions[0] == Attendance(True, False, 0) for p in shown)


def test_session_and_attendance_filters_match_the_counts(demo_app: App) -> None:
    index = load(demo_app)
    for slot, session in enumerate(sessions.list_sessions(demo_app.uow())):
        assert len(index.filter(session_index=slot)) == session.registered
        assert len(index.filter(session_index=slot, attended=True)) == session.attended
        assert (
            len(index.filter(session_index=slot, attended=False))
            == session.registered - session.attended
        )
    no_show = index.filter(attended=False)
    assert no_show and all(not any(a.attended for a in index.row(p).sessions) for p in no_show)


def test_text_words_and_consent_narrow(demo_app: App) -> None:
    index = load(demo_app)
    kenyans = index.filter("KENYA", consent="yes")
    assert kenyans and all(
        index.row(p).country == "Kenya" and index.row(p).consent == "yes" for p in kenyans
    )
    both = index.filter("City Nairobi")
    assert both and all(index.row(p).organisation == "City of Nairobi" for p in both)
    assert len(both) < len(index.filter("Nairobi"))
    assert len(index.filter("nairobi")) == registrants.count_registrants(
        demo_app.uow(), 1, "nairobi"
    )
    assert index.filter("no such person") == []


def test_sorting_by_text_and_by_session_minutes(demo_app: App) -> None:
    index = load(demo_app)
    everyone = index.filter()
    by_email = index.sort(everyone, "email", descending=True)
    emails = [index.row(p).email for p in by_email]
    assert emails == sorted(emails, reverse=True)
    second = index.session_ids[1]
    minutes = [
        index.row(p).sessions[1].minutes
        for p in index.sort(everyone, f"minutes:{second}", descending=True)
    ]
    assert minutes == sorted(minutes, reverse=True) and minutes[0] > 0
    came = [
        index.row(p).sessions[0].attended
        for p in index.sort(everyone, f"attended:{index.session_ids[0]}")
    ]
    assert came == sorted(came)


def test_a_stopped_load_returns_nothing(demo_app: App) -> None:
    assert load_attendee_index(demo_app.uow(), 1, keep_going=lambda: False) is None


def test_one_person_is_brought_up_to_date_in_place(demo_app: App) -> None:
    index = load(demo_app)
    everyone = index.filter()
    index.sort(everyone, "first_name")  # a cached sort key must follow the edit
    index.sort(everyone, f"attended:{index.session_ids[0]}")
    position = 11
    person = index.row(position)
    missing = next(n for n, attendance in enumerate(person.sessions) if not attendance.registered)
    row = registrants.get_registrant(demo_app.uow(), person.id)
    registrants.update_registrant(
        demo_app.uow(),
        person.id,
        RegistrantData(
            row.email,
            "Zebedee",
            row.last_name,
            row.organisation,
            row.job_title,
            row.city,
            row.country,
            row.sector,
            Consent.NO,
        ),
        row.version,
    )
    registrants.register(
        demo_app.uow(),
        person.id,
        index.session_ids[missing],
        RegistrationData(attended=True, minutes=17),
    )
    outsider = registrants.create_registrant(
        demo_app.uow(), RegistrantData("nobody@else.example", "No", "Body")
    )
    lines = load_attendees(demo_app.uow(), index.session_ids, [person.id, outsider])
    assert set(lines) == {person.id}  # someone registered for none of the sessions is left out
    index.replace(position, lines[person.id])

    fresh = load(demo_app)
    assert index.row(position) == fresh.row(fresh.ids.index(person.id))
    assert index.row(position).sessions[missing] == Attendance(True, True, 17)
    assert index.filter("zebedee") == [position]
    by_first = [index.row(p).first_name.casefold() for p in index.sort(everyone, "first_name")]
    assert by_first == sorted(by_first) and by_first[-1] == "zebedee"
    came = [
        index.row(p).sessions[0].attended
        for p in index.sort(everyone, f"attended:{index.session_ids[0]}")
    ]
    assert came == sorted(came)
    assert index.position(person.id) == position and index.position(outsider) is None


def test_both_ways_of_grouping_registrations_read_the_same_rows(demo_app: App) -> None:
    session_ids = load(demo_app).session_ids
    with demo_app.uow() as uow:
        connection = uow.session.connection()
        engine = connection.dialect.name
        [along_sessions] = plain_rows(connection, index_query(1, session_ids, False, engine))
        [along_registrants] = plain_rows(connection, index_query(1, session_ids, True, engine))
    assert len(along_sessions) == registrants.count_registrants(demo_app.uow(), 1)
    assert along_sessions == along_registrants  # both sorted by name


def test_only_a_series_with_most_registrations_is_read_in_registrant_order(demo_app: App) -> None:
    small = series.create_series(demo_app.uow(), SeriesData("A small one"))
    start = datetime(2026, 5, 6, 17, tzinfo=UTC)
    session_id = sessions.create_session(demo_app.uow(), small, SessionData("Only", start))
    registrants.register(demo_app.uow(), 1, session_id, RegistrationData())
    with demo_app.uow() as uow:
        connection = uow.session.connection()
        sqlite = connection.dialect.name == "sqlite"  # PostgreSQL plans it itself
        assert most_registrations(connection, load(demo_app).session_ids) is sqlite
        assert most_registrations(connection, [session_id]) is False
    index = load_attendee_index(demo_app.uow(), small)
    assert index is not None and [index.row(p).id for p in index.filter()] == [1]
