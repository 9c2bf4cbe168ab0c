"""Plans one import against the database, then writes it in bulk with its undo log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, insert, select, update

from desktop_app.db.models import ImportBatch, Registrant, Registration, Speaker
from desktop_app.db.types import UTCDateTime
from desktop_app.domain.enums import Consent
from desktop_app.domain.errors import UserError
from desktop_app.domain.import_rows import ImportReport, ParsedFile
from desktop_app.io.formats import format_by_name
from desktop_app.services.import_merge import PERSON_FIELDS, Person
from desktop_app.services.uow import UnitOfWork

CHUNK = 500  # SQLite allows 999 bound parameters per statement in old builds


class ImportCancelled(UserError):
    """The user cancelled; nothing was imported."""


class ImportWriter:
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
        registrants = table_of(Registrant)
        registrations = table_of(Registration)
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
                .values(**changes, updated_at=now, version=registrants.c.version + 1)
            )
        if self.registration_inserts:
            rows = [self._new_registration(p, batch.id) for p in self.registration_inserts]
            for start in range(0, len(rows), CHUNK):
                self._check(start)
                db.execute(insert(registrations), rows[start : start + CHUNK])
        for registration_id, changes in self.registration_updates.items():
            db.execute(
                update(registrations)
                .where(registrations.c.id == registration_id)
                .values(**changes, version=registrations.c.version + 1)
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
            "source": f"{format_by_name(self.parsed.format).label}: {self.parsed.name}",
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
            format_label=format_by_name(parsed.format).label,
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
            left_empty=tuple(parsed.left_empty),
            date_columns=tuple(parsed.date_columns),
            layout_notes=tuple(parsed.layout_notes),
            bots=parsed.bots,
        )


def table_of(model: type[Any]) -> Table:
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


def from_json(values: dict[str, Any], table: Table) -> dict[str, Any]:
    """Undo-log values back to column values."""
    result: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, str) and isinstance(table.c[name].type, UTCDateTime):
            moment = datetime.fromisoformat(value)
            result[name] = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        else:
            result[name] = value
    return result
