"""Undo of one import: takes back what it did, but never a colleague's later change.

An import keeps, in its undo log, the version each record it touched had once it was
written (a record it created starts at version 1). Undo restores or deletes only the
records still at that version; one that moved on since — edited by a colleague, or by a
later import — is left as it is and counted. (Without record versions in the schema, and
for imports logged before them, undo takes everything back as it always did.)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, delete, func, select, true, update
from sqlalchemy.orm import Session

from desktop_app.db.change_feed import note_bulk
from desktop_app.db.models import ImportBatch, Registrant, Registration
from desktop_app.domain.errors import NotFound, UserError
from desktop_app.services.common import LARGEST_ID
from desktop_app.services.import_lock import wait_for_other_imports
from desktop_app.services.import_values import from_json, table_of
from desktop_app.services.import_writer import CHUNK
from desktop_app.services.search_text import refresh_registrants
from desktop_app.services.uow import UnitOfWork

CREATED = 1  # the version of a record an import created


def _versioned() -> bool:
    """True when records carry versions (the record-versions migration)."""
    return "version" in table_of(Registrant).c


def record_versions(session: Session, batch: ImportBatch) -> None:
    """Keep in the batch's undo log the versions its updated records have now."""
    if not _versioned():
        return
    log = dict(batch.undo_log)
    versions: dict[str, dict[str, int]] = {}
    for key, model in (("registrants", Registrant), ("registrations", Registration)):
        table = table_of(model)
        ids = [int(i) for i in log.get(f"updated_{key}", {})]
        versions[key] = {
            str(i): v
            for start in range(0, len(ids), CHUNK)
            for i, v in session.execute(
                select(table.c.id, table.c.version).where(
                    table.c.id.in_(ids[start : start + CHUNK])
                )
            ).tuples()
        }
    log["versions"] = versions
    batch.undo_log = log


def undo_import(uow: UnitOfWork, batch_id: int) -> int:
    """Take back everything one import did; returns how many records were left alone
    because they changed since. People it created who have since registered elsewhere
    are kept too. A file imported into several sessions at once (a checkbox question
    naming sessions) is taken back from all of them together."""
    uow.check_writable()
    with uow:
        batch = uow.session.get(ImportBatch, batch_id) if 0 < batch_id <= LARGEST_ID else None
        if batch is None:
            raise NotFound(f"there is no import with id {batch_id}")
        if batch.undone_at is not None:
            raise UserError(f"the import of {batch.file_name} was already undone")
        wait_for_other_imports(uow)
        uow.backup("before-undo")
        together = batch.undo_log.get("batch_set") or [batch.id]
        kept = 0
        # Newest first: a later batch's people were created by an earlier one.
        for member_id in sorted(together, reverse=True):
            member = uow.session.get(ImportBatch, member_id)
            if member is not None and member.undone_at is None:
                kept += _undo(uow.session, member.undo_log)
                member.undone_at = datetime.now(UTC)
        uow.commit()
        return kept


def _undo(db: Session, log: dict[str, Any]) -> int:
    """Apply one undo log; returns how many records were left alone."""
    registrants, registrations = table_of(Registrant), table_of(Registration)
    # Imports saved before versions were kept undo as they always did.
    versions: dict[str, dict[str, int]] | None = log.get("versions")
    kept = _delete_unchanged(db, registrations, log.get("created_registrations", []), versions)
    for key, table in (("registrations", registrations), ("registrants", registrants)):
        after = None if versions is None else versions.get(key, {})
        for record_id, values in log.get(f"updated_{key}", {}).items():
            still = table.c.version == after[record_id] if after and record_id in after else true()
            bump = {"version": table.c.version + 1} if "version" in table.c else {}
            done = db.connection().execute(
                update(table)
                .where(table.c.id == int(record_id), still)
                .values(**from_json(values, table), **bump)
            )
            kept += 1 - min(done.rowcount, 1)
    updated = [int(i) for i in log.get("updated_registrants", {})]
    refresh_registrants(db, updated)
    people = log.get("created_registrants", [])
    kept += _delete_unchanged(db, registrants, people, versions, only_unregistered=True)
    _note(db, log, updated)
    return kept


def _delete_unchanged(
    db: Session,
    table: Table,
    ids: list[int],
    versions: dict[str, dict[str, int]] | None,
    only_unregistered: bool = False,
) -> int:
    """Delete the records an import created that nobody changed since; returns how many
    were changed since (and so kept)."""
    unchanged = table.c.version == CREATED if versions is not None else true()
    kept = 0
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        conditions = [table.c.id.in_(chunk), unchanged]
        if only_unregistered:  # people who registered elsewhere since stay
            conditions.append(
                table.c.id.not_in(
                    select(Registration.registrant_id).where(Registration.registrant_id.in_(chunk))
                )
            )
        db.execute(delete(table).where(*conditions))
        if versions is not None:
            kept += (
                db.scalar(
                    select(func.count())
                    .select_from(table)
                    .where(table.c.id.in_(chunk), table.c.version != CREATED)
                )
                or 0
            )
    return kept


def _note(db: Session, log: dict[str, Any], updated: Iterable[int]) -> None:
    """Tell the change feed what the undo changed."""
    note_bulk(db, "registrants", updated)
    note_bulk(db, "registrations", map(int, log.get("updated_registrations", {})))
    if log.get("created_registrations"):
        note_bulk(db, "registrations")
    if log.get("created_registrants"):
        note_bulk(db, "registrants")
