"""The Attendees grid query: filters, per-session attendance, sorting and paging."""

from __future__ import annotations

from desktop_app.bootstrap import App
from desktop_app.services import registrants, sessions
from desktop_app.services.attendees import (
    AttendeeFilter,
    AttendeeRow,
    count_attendees,
    list_attendees,
    series_session_ids,
)


def everyone(app: App, flt: AttendeeFilter) -> list[AttendeeRow]:
    return list_attendees(app.uow(), flt, 0, 10_000)


def test_each_row_has_one_attendance_per_session(demo_app: App) -> None:
    ids = series_session_ids(demo_app.uow(), 1)
    rows = everyone(demo_app, AttendeeFilter(1))
    assert len(rows) == count_attendees(demo_app.uow(), AttendeeFilter(1)) == 320
    for row in rows[:50]:
        truth = {r.session_id: r for r in registrants.list_registrations(
            demo_app.uow(), registrant_id=row.registrant.id)}
        assert [a.registered for a in row.sessions] == [i in truth for i in ids]
        assert [a.minutes for a in row.sessions] == [truth[i].minutes if i in truth else 0
                                                     for i in ids]


def test_session_and_attendance_filters_match_the_counts(demo_app: App) -> None:
    for index, session in enumerate(sessions.list_sessions(demo_app.uow())):
        registered = AttendeeFilter(1, session_id=session.id)
        came = AttendeeFilter(1, session_id=session.id, attended=True)
        assert count_attendees(demo_app.uow(), registered) == session.registered
        assert count_attendees(demo_app.uow(), came) == session.attended
        assert all(r.sessions[index].attended for r in everyone(demo_app, came))
    no_show = everyone(demo_app, AttendeeFilter(1, attended=False))
    assert no_show and all(not any(a.attended for a in r.sessions) for r in no_show)


def test_text_words_and_consent_narrow(demo_app: App) -> None:
    rows = everyone(demo_app, AttendeeFilter(1, text="kenya", consent="yes"))
    assert rows and all(r.registrant.country == "Kenya" and r.registrant.consent == "yes"
                        for r in rows)
    both = everyone(demo_app, AttendeeFilter(1, text="City Nairobi"))
    assert both and all(r.registrant.organisation == "City of Nairobi" for r in both)
    assert len(both) < len(everyone(demo_app, AttendeeFilter(1, text="Nairobi")))


def test_sorting_by_text_and_by_session_minutes(demo_app: App) -> None:
    by_email = everyone(demo_app, AttendeeFilter(1, sort="email", descending=True))
    emails = [r.registrant.email for r in by_email]
    assert emails == sorted(emails, reverse=True)
    second = series_session_ids(demo_app.uow(), 1)[1]
    by_minutes = everyone(demo_app, AttendeeFilter(1, sort=f"minutes:{second}",
                                                   descending=True))
    minutes = [r.sessions[1].minutes for r in by_minutes]
    assert minutes == sorted(minutes, reverse=True) and minutes[0] > 0


def test_pages_join_up_without_gaps_or_repeats(demo_app: App) -> None:
    flt = AttendeeFilter(1, sort="country")
    pages = [list_attendees(demo_app.uow(), flt, offset, 70) for offset in range(0, 320, 70)]
    ids = [r.registrant.id for page in pages for r in page]
    assert len(ids) == len(set(ids)) == 320
    assert list_attendees(demo_app.uow(), flt, 400, 70) == []
