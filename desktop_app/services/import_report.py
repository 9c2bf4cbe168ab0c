"""The report of an import planned (and maybe written): counts, speakers found among the
report's hosts and panelists, and the parsed file's notes."""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db.models import Speaker
from desktop_app.domain.import_rows import ImportReport, ParsedFile
from desktop_app.io.formats import format_by_name
from desktop_app.services.import_merge import Person


class PlannedImport(Protocol):
    """What an import's plan knows (services.import_writer.ImportWriter)."""

    parsed: ParsedFile
    people: dict[str, Person]
    new_people: list[Person]
    person_updates: dict[int, dict[str, Any]]
    unchanged: int
    conflicts: list[str]
    registration_inserts: list[Person]
    registration_updates: dict[int, dict[str, Any]]


def import_report(
    plan: PlannedImport, db: Session, batch_id: int | None, dry_run: bool
) -> ImportReport:
    """The report of what was (or would be) done."""
    parsed = plan.parsed
    speaker_emails = {r.email for r in parsed.rows if r.section in ("host", "panelist")}
    known = (
        set(db.scalars(select(Speaker.email).where(Speaker.email.in_(speaker_emails))))
        if speaker_emails
        else set()
    )
    attended = [p for p in plan.people.values() if p.attended]
    return ImportReport(
        file_name=parsed.name,
        format=parsed.format,
        format_label=format_by_name(parsed.format).label,
        rows=parsed.data_rows,
        registrants_created=len(plan.new_people),
        registrants_updated=len(plan.person_updates),
        registrants_unchanged=plan.unchanged,
        registrations=len(plan.people),
        registrations_created=len(plan.registration_inserts),
        registrations_updated=len(plan.registration_updates),
        attended=len(attended),
        minutes=sum(p.minutes or 0 for p in plan.people.values()),
        skipped=tuple(parsed.skipped),
        conflicts=tuple(plan.conflicts),
        speakers_matched=len(known),
        speakers_unmatched=tuple(sorted(speaker_emails - known)),
        other_attended=parsed.other_attended,
        columns={parsed.header[i]: f for i, f in parsed.columns.items() if i < len(parsed.header)},
        batch_id=batch_id,
        dry_run=dry_run,
        left_empty=tuple(parsed.left_empty),
        date_columns=tuple(parsed.date_columns),
        layout_notes=tuple(parsed.layout_notes),
        bots=parsed.bots,
    )
