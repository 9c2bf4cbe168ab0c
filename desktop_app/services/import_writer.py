"""Plans one import against the database, then writes it in bulk with its undo log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from desktop_app.db.bulk import in_list, insert_many, large_cache, rows_after
from desktop_app.db.models import ImportBatch, Registrant, Registration
from desktop_app.db.types import utc_binder
from desktop_app.domain.enums import Consent
from desktop_app.domain.errors import UserError
from desktop_app.domain.import_rows import ImportReport, ParsedFile
from desktop_app.domain.limits import SOURCE, fit
from desktop_app.domain.search import registrant_search_text_of
from desktop_app.io.formats import format_by_name
from desktop_app.services.import_merge import PERSON_FIELDS, Person
from desktop_app.services.import_report import import_report
from desktop_app.services.import_values import (
    differs,
    jsonable,
    table_of,
    text_cache,
    update_by_columns,
)
from desktop_app.services.search_text import refresh_registrants
from desktop_app.services.uow import UnitOfWork

CHUNK = 500  # SQLite allows 999 bound parameters per statement in old builds
PLAN_CHUNK = 5000  # emails looked up at once (one parameter: a JSON text or an array)
WRITE_CHUNK = 5000  # rows per executemany: Cancel answers within a chunk's time
NEW_REGISTRANT = (  # the order of the tuples ImportWriter._new_registrant makes
    "first_name",
    "last_name",
    "organisation",
    "job_title",
    "city",
    "country",
    "sector",
    "email",
    "consent",
    "consent_at",
    "consent_source",
    "created_at",
    "updated_at",
    "search_text",
)
NEW_REGISTRATION = (
    "registrant_id",
    "session_id",
    "registered_at",
    "approval_status",
    "source",
    "attended",
    "first_join",
    "last_leave",
    "minutes",
    "import_batch_id",
)


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
        # One statement for every chunk (only the list of emails changes).
        known = select(Registrant.__table__).where(
            in_list(db.connection(), Registrant.email, "emails", Registrant.__table__.c.email.type)
        )
        for start in range(0, len(emails), PLAN_CHUNK):
            self._check(0)  # progress counts people written; planning only asks for Cancel
            chunk = emails[start : start + PLAN_CHUNK]
            for row in db.execute(known, {"emails": chunk}).mappings():
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
            name: value
            for name, value in zip(PERSON_FIELDS, person.texts, strict=True)
            if value and value != current[name]
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
                consent_source=fit(self.parsed.name, SOURCE),
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
        return {k: v for k, v in wanted.items() if differs(current[k], v)}

    def changes(self) -> bool:
        """True when there is anything to write."""
        return bool(
            self.new_people
            or self.person_updates
            or self.registration_inserts
            or self.registration_updates
        )

    def write(self, digest: str) -> int:
        """Write everything planned and record the batch; returns the batch id.

        Rows go to the driver as plain tuples a chunk at a time (see db.bulk): new people
        and their registrations chunk by chunk in the file's order, so ids come out as the
        row-by-row writer gave them and memory holds one chunk of rows, not the file's.
        """
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
        connection = db.connection()
        to_db = text_cache(utc_binder(connection.dialect))
        with large_cache(connection):
            created_registrants = self._insert_new(connection, batch.id, now, to_db)
            self._check(len(self.people))
            update_by_columns(
                connection,
                table_of(Registrant),
                ({**changes, "updated_at": now} for changes in self.person_updates.values()),
                list(self.person_updates),
                to_db,
            )
            update_by_columns(
                connection,
                table_of(Registration),
                iter(self.registration_updates.values()),
                list(self.registration_updates),
                to_db,
            )
        refresh_registrants(db, self.person_updates)  # their search text follows the fields
        registrations = table_of(Registration)
        created_registrations = list(
            connection.execute(
                select(registrations.c.id)
                .where(
                    registrations.c.import_batch_id == batch.id,
                    registrations.c.session_id == self.session_id,
                )
                .order_by(registrations.c.id)
            )
            .scalars()
            .all()
        )
        batch.registrants_created = len(self.new_people)
        batch.registrants_updated = len(self.person_updates)
        batch.registrations_created = len(created_registrations)
        batch.undo_log = {
            "created_registrants": created_registrants,
            "created_registrations": created_registrations,
            "updated_registrants": {str(k): jsonable(v) for k, v in self.person_before.items()},
            "updated_registrations": {
                str(k): jsonable(v) for k, v in self.registration_before.items()
            },
        }
        return batch.id

    def _insert_new(
        self,
        connection: Connection,
        batch_id: int,
        now: datetime,
        to_db: Callable[[datetime | None], Any],
    ) -> list[int]:
        """Insert new people and new registrations, chunk by chunk; the new people's ids."""
        registrants, registrations = table_of(Registrant), table_of(Registration)
        source = fit(f"{format_by_name(self.parsed.format).label}: {self.parsed.name}", SOURCE)
        now_value = to_db(now)
        known = self.ids  # the people already in the database (see plan)
        created: list[int] = []
        for start in range(0, len(self.registration_inserts), WRITE_CHUNK):
            self._check(start)
            chunk = self.registration_inserts[start : start + WRITE_CHUNK]
            fresh = [p for p in chunk if p.email not in known]
            ids: dict[str, int] = {}  # the chunk's people's ids: one chunk's, not the file's
            if fresh:
                last_id = connection.scalar(select(func.max(registrants.c.id))) or 0
                insert_many(
                    connection,
                    registrants,
                    NEW_REGISTRANT,
                    [self._new_registrant(p, now, now_value, to_db) for p in fresh],
                )
                # One query for the chunk's new ids: they are the rows above the old last id.
                ids.update(rows_after(connection, registrants, "email", last_id))
                created += [ids[p.email] for p in fresh]
            if len(fresh) < len(chunk):
                ids.update((p.email, known[p.email]) for p in chunk if p.email in known)
            insert_many(
                connection,
                registrations,
                NEW_REGISTRATION,
                [
                    (
                        ids[p.email],
                        self.session_id,
                        to_db(p.registered_at),
                        p.approval or "approved",
                        source,
                        bool(p.attended),
                        to_db(p.first_join),
                        to_db(p.last_leave),
                        p.minutes or 0,
                        batch_id,
                    )
                    for p in chunk
                ],
            )
        return created

    def _new_registrant(
        self,
        person: Person,
        now: datetime,
        now_value: Any,
        to_db: Callable[[datetime | None], Any],
    ) -> tuple[Any, ...]:
        """A new registrant's values in the order of NEW_REGISTRANT."""
        first, last, organisation, job_title, city, country, sector = person.texts
        email, consent = person.email, person.consent
        return (
            first,
            last,
            organisation,
            job_title,
            city,
            country,
            sector,
            email,
            "unknown" if consent is None else consent.value,
            None if consent is None else to_db(person.registered_at or now),
            "" if consent is None else fit(self.parsed.name, SOURCE),
            now_value,
            now_value,
            registrant_search_text_of(last, first, email, organisation, country, job_title),
        )

    def report(self, batch_id: int | None, dry_run: bool) -> ImportReport:
        """The report of what was (or would be) done."""
        return import_report(self, self.uow.session, batch_id, dry_run)
