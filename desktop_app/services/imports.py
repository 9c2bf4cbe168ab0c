"""Imports registrations and attendance from a file into one session, as one undoable batch."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, insert, select, update

from desktop_app.db.models import ImportBatch, Registrant, Registration, Series, Session, Speaker
from desktop_app.db.types import UTCDateTime
from desktop_app.domain import timezones
from desktop_app.domain.enums import Consent
from desktop_app.domain.errors import NotFound, UserError
from desktop_app.io.formats import FORMATS, parse_table
from desktop_app.io.parsed import ImportRow, ParsedFile, Skip
from desktop_app.io.table_reader import read_table
from desktop_app.services.uow import UnitOfWork

PERSON_FIELDS = (
    "first_name",
    "last_name",
    "organisation",
    "job_title",
    "city",
    "country",
    "sector",
)
CHUNK = 500  # SQLite allows 999 bound parameters per statement in old builds


class ImportCancelled(UserError):
    """The user cancelled; nothing was imported."""


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


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    file_name: str
    format: str
    format_label: str
    rows: int
    registrants_created: int
    registrants_updated: int
    registrants_unchanged: int
    registrations: int
    registrations_created: int
    registrations_updated: int
    attended: int
    minutes: int
    skipped: tuple[Skip, ...]
    conflicts: tuple[str, ...]
    speakers_matched: int
    speakers_unmatched: tuple[str, ...]
    other_attended: int
    columns: dict[str, str]  # heading -> field
    batch_id: int | None
    dry_run: bool

    @property
    def changed(self) -> bool:
        """True when the import wrote (or would write) anything."""
        return bool(
            self.registrants_created
            or self.registrants_updated
            or self.registrations_created
            or self.registrations_updated
        )

    def as_json(self) -> dict[str, Any]:
        """The report as the CLI prints it with --json."""
        return {
            "file": self.file_name,
            "format": self.format,
            "rows": self.rows,
            "registrants_created": self.registrants_created,
            "registrants_updated": self.registrants_updated,
            "registrants_unchanged": self.registrants_unchanged,
            "registrations": self.registrations,
            "registrations_created": self.registrations_created,
            "registrations_updated": self.registrations_updated,
            "attended": self.attended,
            "minutes": self.minutes,
            "skipped": [{"row": s.line, "reason": s.reason} for s in self.skipped],
            "conflicts": list(self.conflicts),
            "speakers_matched": self.speakers_matched,
            "speakers_unmatched": list(self.speakers_unmatched),
            "other_attended": self.other_attended,
            "batch": self.batch_id,
            "dry_run": self.dry_run,
        }


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


def import_file(
    uow: UnitOfWork,
    path: Path,
    session_id: int,
    format_name: str | None = None,
    dry_run: bool = False,
    keep_going: Callable[[int, int], bool] | None = None,
    columns: dict[int, str] | None = None,
) -> ImportReport:
    """Import a file into a session in one transaction; a dry run only reports.

    keep_going(done, total) is asked between chunks; returning False cancels the import
    and leaves the database as it was.
    """
    table = read_table(path)
    return import_parsed(
        uow, parse_table(table, format_name, columns), table.sha256, session_id, dry_run, keep_going
    )


def import_parsed(
    uow: UnitOfWork,
    parsed: ParsedFile,
    digest: str,
    session_id: int,
    dry_run: bool = False,
    keep_going: Callable[[int, int], bool] | None = None,
) -> ImportReport:
    """Import an already read and parsed file (see import_file)."""
    with uow:
        session = uow.session.get(Session, session_id)
        if session is None:
            raise NotFound(
                f"there is no session with id {session_id}; list them with 'webinar-desk sessions'"
            )
        zone = uow.session.get_one(Series, session.series_id).home_zone
        people = merge_people(parsed, zone)
        writer = _Writer(uow, session_id, parsed, people, keep_going)
        writer.plan()
        batch_id = None
        if not dry_run and writer.changes():
            batch_id = writer.write(digest)
            uow.commit()
        return writer.report(batch_id, dry_run)


class _Writer:
    """Plans the changes of one import against the database, then writes them in bulk."""

    def __init__(
        self,
        uow: UnitOfWork,
        session_id: int,
        parsed: ParsedFile,
        people: dict[str, Person],
        keep_going: Callable[[int, int], bool] | None,
    ) -> None:
        self.uow, self.session_id, self.parsed, self.people = uow, session_id, parsed, people
        self.keep_going = keep_going
        self.new_people: list[Person] = []
        self.person_updates: dict[int, dict[str, Any]] = {}
        self.person_before: dict[int, dict[str, Any]] = {}
        self.unchanged = 0
        self.conflicts: list[str] = []
        self.registration_inserts: list[Person] = []
        self.registration_updates: dict[int, dict[str, Any]] = {}
        self.registration_before: dict[int, dict[str, Any]] = {}
        self.ids: dict[str, int] = {}

    def _check(self, done: int) -> None:
        if self.keep_going is not None and not self.keep_going(done, len(self.people)):
            raise ImportCancelled("import cancelled; nothing was imported")

    def plan(self) -> None:
        """Work out what is new, what changes and what conflicts."""
        db = self.uow.session
        emails = list(self.people)
        existing: dict[str, Any] = {}
        for start in range(0, len(emails), CHUNK):
            self._check(start)
            for row in db.execute(
                select(Registrant.__table__).where(
                    Registrant.email.in_(emails[start : start + CHUNK])
                )
            ).mappings():
                existing[row["email"]] = row
        registrations = {
            row["registrant_id"]: row
            for row in db.execute(
                select(Registration.__table__).where(Registration.session_id == self.session_id)
            ).mappings()
        }
        for email, person in self.people.items():
            current = existing.get(email)
            if current is None:
                self.new_people.append(person)
                self.registration_inserts.append(person)
                continue
            self.ids[email] = current["id"]
            changes = self._person_changes(person, current)
            if changes:
                self.person_updates[current["id"]] = changes
                self.person_before[current["id"]] = {k: current[k] for k in changes}
            registration = registrations.get(current["id"])
            if registration is None:
                self.registration_inserts.append(person)
                if not changes:
                    self.unchanged += 1
                continue
            reg_changes = self._registration_changes(person, registration)
            if reg_changes:
                self.registration_updates[registration["id"]] = reg_changes
                self.registration_before[registration["id"]] = {
                    k: registration[k] for k in reg_changes
                }
            elif not changes:
                self.unchanged += 1

    def _person_changes(self, person: Person, current: Any) -> dict[str, Any]:
        """Fields the file has that differ (a file never blanks a field it lacks)."""
        changes: dict[str, Any] = {
            name: value for name, value in person.fields.items() if value and value != current[name]
        }
        if person.consent is not None and person.consent != current["consent"]:
            if current["consent"] in (Consent.YES, Consent.NO):
                self.conflicts.append(
                    f"row {person.first_line}: {person.email} had consent "
                    f"'{current['consent']}', the file says '{person.consent}'; the file's "
                    "newer answer is kept"
                )
            changes.update(
                consent=person.consent.value,
                consent_at=person.registered_at or datetime.now(UTC),
                consent_source=self.parsed.name,
            )
        return changes

    @staticmethod
    def _registration_changes(person: Person, current: Any) -> dict[str, Any]:
        """Registration fields the file has that differ."""
        wanted: dict[str, Any] = {}
        if person.registered_at is not None:
            wanted["registered_at"] = person.registered_at
        if person.approval is not None:
            wanted["approval_status"] = person.approval
        if person.attended is not None:
            wanted.update(
                attended=person.attended,
                minutes=person.minutes or 0,
                first_join=person.first_join,
                last_leave=person.last_leave,
            )
        return {k: v for k, v in wanted.items() if _differs(current[k], v)}

    def changes(self) -> bool:
        """True when there is anything to write."""
        return bool(
            self.new_people
            or self.person_updates
            or self.registration_inserts
            or self.registration_updates
        )

    def write(self, digest: str) -> int:
        """Write everything planned and record the batch; returns the batch id."""
        db = self.uow.session
        now = datetime.now(UTC)
        batch = ImportBatch(
            file_name=self.parsed.name,
            sha256=digest,
            detected_format=self.parsed.format,
            session_id=self.session_id,
            rows_total=self.parsed.data_rows,
            rows_skipped=len(self.parsed.skipped),
        )
        db.add(batch)
        db.flush()
        registrants = _table(Registrant)
        registrations = _table(Registration)
        for start in range(0, len(self.new_people), CHUNK):
            self._check(start)
            chunk = self.new_people[start : start + CHUNK]
            db.execute(insert(registrants), [self._new_registrant(p, now) for p in chunk])
            found = db.execute(
                select(Registrant.email, Registrant.id).where(
                    Registrant.email.in_([p.email for p in chunk])
                )
            )
            self.ids.update(dict(found.tuples().all()))
        for registrant_id, changes in self.person_updates.items():
            db.execute(
                update(registrants)
                .where(registrants.c.id == registrant_id)
                .values(**changes, updated_at=now)
            )
        if self.registration_inserts:
            rows = [self._new_registration(p, batch.id) for p in self.registration_inserts]
            for start in range(0, len(rows), CHUNK):
                self._check(start)
                db.execute(insert(registrations), rows[start : start + CHUNK])
        for registration_id, changes in self.registration_updates.items():
            db.execute(
                update(registrations).where(registrations.c.id == registration_id).values(**changes)
            )
        created_registrations = list(
            db.execute(
                select(Registration.id).where(
                    Registration.import_batch_id == batch.id,
                    Registration.session_id == self.session_id,
                )
            ).scalars()
        )
        batch.registrants_created = len(self.new_people)
        batch.registrants_updated = len(self.person_updates)
        batch.registrations_created = len(created_registrations)
        batch.undo_log = {
            "created_registrants": [self.ids[p.email] for p in self.new_people],
            "created_registrations": created_registrations,
            "updated_registrants": {str(k): _jsonable(v) for k, v in self.person_before.items()},
            "updated_registrations": {
                str(k): _jsonable(v) for k, v in self.registration_before.items()
            },
        }
        return batch.id

    def _new_registrant(self, person: Person, now: datetime) -> dict[str, Any]:
        values: dict[str, Any] = {name: person.fields.get(name, "") for name in PERSON_FIELDS}
        consent = person.consent or Consent.UNKNOWN
        values.update(
            email=person.email,
            consent=consent.value,
            consent_at=(person.registered_at or now) if person.consent else None,
            consent_source=self.parsed.name if person.consent else "",
            created_at=now,
            updated_at=now,
        )
        return values

    def _new_registration(self, person: Person, batch_id: int) -> dict[str, Any]:
        return {
            "registrant_id": self.ids[person.email],
            "session_id": self.session_id,
            "registered_at": person.registered_at,
            "approval_status": person.approval or "approved",
            "source": f"{FORMATS[self.parsed.format]}: {self.parsed.name}",
            "attended": bool(person.attended),
            "first_join": person.first_join,
            "last_leave": person.last_leave,
            "minutes": person.minutes or 0,
            "import_batch_id": batch_id,
        }

    def report(self, batch_id: int | None, dry_run: bool) -> ImportReport:
        """The report of what was (or would be) done."""
        parsed = self.parsed
        speaker_emails = {r.email for r in parsed.rows if r.section in ("host", "panelist")}
        known = (
            set(
                self.uow.session.scalars(
                    select(Speaker.email).where(Speaker.email.in_(speaker_emails))
                )
            )
            if speaker_emails
            else set()
        )
        attended = [p for p in self.people.values() if p.attended]
        return ImportReport(
            file_name=parsed.name,
            format=parsed.format,
            format_label=FORMATS[parsed.format],
            rows=parsed.data_rows,
            registrants_created=len(self.new_people),
            registrants_updated=len(self.person_updates),
            registrants_unchanged=self.unchanged,
            registrations=len(self.people),
            registrations_created=len(self.registration_inserts),
            registrations_updated=len(self.registration_updates),
            attended=len(attended),
            minutes=sum(p.minutes or 0 for p in self.people.values()),
            skipped=tuple(parsed.skipped),
            conflicts=tuple(self.conflicts),
            speakers_matched=len(known),
            speakers_unmatched=tuple(sorted(speaker_emails - known)),
            other_attended=parsed.other_attended,
            columns={
                parsed.header[i]: f for i, f in parsed.columns.items() if i < len(parsed.header)
            },
            batch_id=batch_id,
            dry_run=dry_run,
        )


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _differs(old: Any, new: Any) -> bool:
    """Compare database and file values (SQLite hands datetimes back without a zone)."""
    if isinstance(old, datetime) and isinstance(new, datetime):
        stored: datetime = old if old.tzinfo else old.replace(tzinfo=UTC)
        return stored != new
    return bool(old != new)


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    """Datetimes as ISO text so the undo log fits a JSON column."""
    return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in values.items()}


def _from_json(values: dict[str, Any], table: Table) -> dict[str, Any]:
    """Undo-log values back to column values."""
    result: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, str) and isinstance(table.c[name].type, UTCDateTime):
            moment = datetime.fromisoformat(value)
            result[name] = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        else:
            result[name] = value
    return result


@dataclass(frozen=True)
class BatchRow:
    """An import as listed in the import history."""

    id: int
    file_name: str
    format: str
    session_id: int | None
    imported_at: datetime
    rows_total: int
    registrants_created: int
    registrants_updated: int
    registrations_created: int
    rows_skipped: int
    undone_at: datetime | None


def list_batches(uow: UnitOfWork) -> list[BatchRow]:
    """Every import, newest first."""
    with uow:
        return [
            BatchRow(
                b.id,
                b.file_name,
                b.detected_format,
                b.session_id,
                b.imported_at,
                b.rows_total,
                b.registrants_created,
                b.registrants_updated,
                b.registrations_created,
                b.rows_skipped,
                b.undone_at,
            )
            for b in uow.session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()))
        ]


def undo_import(uow: UnitOfWork, batch_id: int) -> None:
    """Take back everything one import did; people it created who have since registered
    elsewhere are kept."""
    with uow:
        batch = uow.session.get(ImportBatch, batch_id)
        if batch is None:
            raise NotFound(f"there is no import with id {batch_id}")
        if batch.undone_at is not None:
            raise UserError(f"the import of {batch.file_name} was already undone")
        log = batch.undo_log
        db = uow.session
        registrants, registrations = _table(Registrant), _table(Registration)
        created = log.get("created_registrations", [])
        for start in range(0, len(created), CHUNK):
            db.execute(
                delete(registrations).where(registrations.c.id.in_(created[start : start + CHUNK]))
            )
        for key, values in log.get("updated_registrations", {}).items():
            db.execute(
                update(registrations)
                .where(registrations.c.id == int(key))
                .values(**_from_json(values, registrations))
            )
        for key, values in log.get("updated_registrants", {}).items():
            db.execute(
                update(registrants)
                .where(registrants.c.id == int(key))
                .values(**_from_json(values, registrants))
            )
        people = log.get("created_registrants", [])
        for start in range(0, len(people), CHUNK):
            chunk = people[start : start + CHUNK]
            still_registered = select(Registration.registrant_id).where(
                Registration.registrant_id.in_(chunk)
            )
            db.execute(
                delete(registrants).where(
                    registrants.c.id.in_(chunk), registrants.c.id.not_in(still_registered)
                )
            )
        batch.undone_at = datetime.now(UTC)
        uow.commit()
