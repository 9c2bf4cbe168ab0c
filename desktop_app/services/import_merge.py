"""Folds a parsed file's rows into one Person per email, ready to compare with the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

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


@dataclass
class Person:
    """Everything a file says about one email address, its rows merged."""

    email: str
    first_line: int
    fields: dict[str, str] = field(default_factory=dict)
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
    for row in parsed.rows:
        if row.section in ("host", "panelist"):
            continue
        person = people.setdefault(row.email, Person(row.email, row.line))
        _merge(person, row, zone)
    return people


def _aware(moment: datetime | None, zone: str) -> datetime | None:
    """Exports write local times without a zone: read them in the series' home zone."""
    if moment is None:
        return None
    return timezones.local_to_utc(moment, zone)


def _merge(person: Person, row: ImportRow, zone: str) -> None:
    """Fold one row into a person: first value per field, sums and extremes for attendance."""
    for name in PERSON_FIELDS:
        value = getattr(row, name)
        if value and name not in person.fields:
            person.fields[name] = value
    if row.consent is not None and row.consent != Consent.UNKNOWN:
        person.consent = row.consent  # the file's last answer is its newest
    registered = _aware(row.registered_at, zone)
    if registered and (person.registered_at is None or registered < person.registered_at):
        person.registered_at = registered
    if row.approval is not None and person.approval is None:
        person.approval = row.approval.value
    if row.attended is not None:
        person.attended = bool(person.attended) or row.attended
    if row.minutes is not None:
        person.minutes = (person.minutes or 0) + row.minutes
    join, leave = _aware(row.join_time, zone), _aware(row.leave_time, zone)
    if join and (person.first_join is None or join < person.first_join):
        person.first_join = join
    if leave and (person.last_leave is None or leave > person.last_leave):
        person.last_leave = leave
