"""Folds a parsed file's rows into one Person per email, ready to compare with the database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter

from desktop_app.domain import timezones
from desktop_app.domain.enums import Consent
from desktop_app.domain.import_rows import ImportRow, ParsedFile

PERSON_FIELDS = (
    "first_name",
    "last_name",
    "organisation",
    "job_title",
    "city",
    "country",
    "sector",
)
_texts = attrgetter(*PERSON_FIELDS)  # a row's texts in one C call


@dataclass(slots=True)
class Person:
    """Everything a file says about one email address, its rows merged."""

    email: str
    first_line: int
    # The file's first text for each of PERSON_FIELDS ('': it said none): a tuple, since
    # a million people each with a dict of them took a fifth of an import's memory.
    texts: tuple[str, ...] = ("",) * len(PERSON_FIELDS)
    consent: Consent | None = None
    registered_at: datetime | None = None
    approval: str | None = None
    attended: bool | None = None
    minutes: int | None = None
    first_join: datetime | None = None
    last_leave: datetime | None = None


def merge_people(parsed: ParsedFile, zone: str) -> dict[str, Person]:
    """One Person per email from the registrant and attendee rows (hosts/panelists apart)."""
    people: dict[str, Person] = {}
    aware = utc_converter(zone)
    for row in parsed.rows:
        section = row.section
        if section == "host" or section == "panelist":
            continue
        email = row.email
        person = people.get(email)
        if person is None:
            people[email] = _first(row, aware)
        else:
            _merge(person, row, aware)
    return people


def utc_converter(zone: str) -> Callable[[datetime | None], datetime | None]:
    """Exports write local times without a zone: read them in the series' home zone.

    A report repeats the same few times (its registration and join times) on thousands
    of rows, so each distinct value is converted once (the fold is part of the key: two
    equal wall times on either side of a clock change convert differently).
    """
    # Equal datetimes hash alike whatever their fold, so each fold has its own cache.
    caches: tuple[dict[datetime, datetime], dict[datetime, datetime]] = ({}, {})

    def aware(moment: datetime | None) -> datetime | None:
        if moment is None:
            return None
        cache = caches[moment.fold]
        found = cache.get(moment)
        if found is None:
            found = cache[moment] = timezones.local_to_utc(moment, zone)
        return found

    return aware


def _first(row: ImportRow, aware: Callable[[datetime | None], datetime | None]) -> Person:
    """A person from the first row with their email: what _merge gives on an empty Person,
    without its comparisons (most emails have one row)."""
    consent = row.consent
    minutes = row.minutes
    return Person(
        row.email,
        row.line,
        _texts(row),
        None if consent is None or consent == Consent.UNKNOWN else consent,
        aware(row.registered_at),
        None if row.approval is None else row.approval.value,
        row.attended,
        None if minutes is None else minutes,
        aware(row.join_time),
        aware(row.leave_time),
    )


def _first_said(before: str, now: str) -> str:
    """The text said first: a later row fills only what earlier ones left empty."""
    return before or now


def _merge(
    person: Person, row: ImportRow, aware: Callable[[datetime | None], datetime | None]
) -> None:
    """Fold one row into a person: first value per field, sums and extremes for attendance."""
    if not all(person.texts):
        person.texts = tuple(map(_first_said, person.texts, _texts(row)))
    if row.consent is not None and row.consent != Consent.UNKNOWN:
        person.consent = row.consent  # the file's last answer is its newest
    registered = aware(row.registered_at)
    if registered and (person.registered_at is None or registered < person.registered_at):
        person.registered_at = registered
    if row.approval is not None and person.approval is None:
        person.approval = row.approval.value
    if row.attended is not None:
        person.attended = bool(person.attended) or row.attended
    if row.minutes is not None:
        person.minutes = (person.minutes or 0) + row.minutes
    join, leave = aware(row.join_time), aware(row.leave_time)
    if join and (person.first_join is None or join < person.first_join):
        person.first_join = join
    if leave and (person.last_leave is None or leave > person.last_leave):
        person.last_leave = leave
