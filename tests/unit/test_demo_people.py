"""Generated demo registrants: deterministic, varied, valid."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop_app.domain.demo_people import demo_people
from desktop_app.domain.people import is_email

STARTS = [datetime(2021, 8, 4, 17, tzinfo=UTC) + timedelta(weeks=2 * i) for i in range(4)]


def test_same_seed_same_people() -> None:
    assert demo_people(50, STARTS) == demo_people(50, STARTS)
    assert demo_people(50, STARTS, seed=1) != demo_people(50, STARTS)


def test_people_are_valid_distinct_and_varied() -> None:
    people = demo_people(300, STARTS)
    assert len({p.email for p in people}) == 300
    assert all(is_email(p.email) and p.email.endswith(".example") for p in people)
    assert len({p.country for p in people}) >= 8
    assert any(len(p.registrations) > 1 for p in people)
    assert any(r.attended for p in people for r in p.registrations)
    assert any(not r.attended and r.minutes == 0 for p in people for r in p.registrations)
    for person in people:
        for registration in person.registrations:
            assert registration.registered_at < STARTS[registration.session_index]
            assert 0 <= registration.minutes <= 60


def test_few_hundred_have_distinct_names_and_thousands_still_work() -> None:
    names = [(p.first_name, p.last_name) for p in demo_people(300, STARTS)]
    assert len(set(names)) == len(names)
    many = demo_people(5000, STARTS)
    assert len({p.email for p in many}) == 5000
