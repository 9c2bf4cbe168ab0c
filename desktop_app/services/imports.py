"""Imports registrations and attendance from a file into one session, as one undoable batch."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from desktop_app.db.change_feed import note_bulk
from desktop_app.db.models import ImportBatch, Series, Session
from desktop_app.domain.cycle_collection import without_cycle_collection
from desktop_app.domain.errors import NotFound
from desktop_app.domain.import_rows import BatchRow, ImportPreview, ImportReport, ParsedFile
from desktop_app.io.file_guard import display_name
from desktop_app.io.formats import first_rows, format_by_name, mapping_editable, parse_table
from desktop_app.io.table_reader import ImportRefused, file_digest, read_table
from desktop_app.services.common import LARGEST_ID
from desktop_app.services.import_lock import wait_for_other_imports
from desktop_app.services.import_merge import merge_people
from desktop_app.services.import_undo import record_versions, undo_import
from desktop_app.services.import_writer import ImportCancelled, ImportWriter
from desktop_app.services.stale_plan import plan_again_if_stale
from desktop_app.services.uow import UnitOfWork

__all__ = [
    "ImportCancelled",
    "import_file",
    "import_parsed",
    "import_previewed",
    "list_batches",
    "preview_import",
    "undo_import",
]


def import_file(
    uow: UnitOfWork,
    path: Path,
    session_id: int,
    format_name: str | None = None,
    dry_run: bool = False,
    keep_going: Callable[[int, int], bool] | None = None,
    columns: dict[int, str] | None = None,
    date_orders: dict[int, str] | None = None,
    sheet: str | None = None,
    force: bool = False,
) -> ImportReport:
    """Import a file into a session in one transaction; a dry run only reports.

    keep_going(done, total) is asked between chunks; returning False cancels the import
    and leaves the database as it was. columns and date_orders are the preview's choices
    (see parse_table); sheet picks a workbook's sheet (see read_table). A file already
    imported into the session (and not undone) is answered at once, known by its digest
    before it is read and parsed (report.already_imported), unless force is True.
    """
    if not dry_run:
        uow.check_writable()
    # A sheet, mapping or date order chosen by hand is read first: the digest cannot say
    # how the file was read when it was imported.
    at_once = not force and sheet is None and columns is None and date_orders is None
    if at_once and (answer := _answer_at_once(uow, path, file_digest(path), session_id, dry_run)):
        return answer
    table = read_table(path, sheet)
    parsed, digest = parse_table(table, format_name, columns, date_orders), table.sha256
    del table  # the rows as read are not needed while the parsed ones are written
    return import_parsed(uow, parsed, digest, session_id, dry_run, keep_going, force)


def preview_import(
    uow: UnitOfWork,
    path: Path,
    session_id: int,
    format_name: str | None = None,
    columns: dict[int, str] | None = None,
    date_orders: dict[int, str] | None = None,
    sheet: str | None = None,
    again: bool = False,
) -> ImportPreview:
    """Read and parse a file once and say what importing it into a session would do.

    date_orders switches a date column's reading (see parse_table and the preview's
    parsed.date_columns); sheet picks a workbook's sheet (the preview's sheets list them).
    A file already imported into the session is answered at once, unread (parsed None),
    unless again is True: then the preview says what importing it again would change.
    """
    at_once = not again and sheet is None and columns is None and date_orders is None
    digest = file_digest(path) if at_once else ""
    if at_once and (answer := _answer_at_once(uow, path, digest, session_id, dry_run=True)):
        return ImportPreview(
            str(path), digest, session_id, format_name, columns, None, [], answer, False
        )
    table = read_table(path, sheet)
    parsed = parse_table(table, format_name, columns, date_orders)
    report = import_parsed(uow, parsed, table.sha256, session_id, dry_run=True, force=again)
    return ImportPreview(
        path=str(path),
        digest=table.sha256,
        session_id=session_id,
        format_name=format_name,
        columns=columns,
        parsed=parsed,
        first_rows=first_rows(table, parsed),
        report=report,
        mapping_editable=mapping_editable(parsed.format),
        sheets=table.sheets,
    )


def import_previewed(
    uow: UnitOfWork,
    preview: ImportPreview,
    keep_going: Callable[[int, int], bool] | None = None,
) -> ImportReport:
    """Import exactly what was previewed; refused when the file changed since the preview.

    The preview said whether the file was already imported into the session
    (report.already_imported); importing after reading that is the user's "import it
    again", so it is not answered with the same notice a second time."""
    path = Path(preview.path)
    if preview.parsed is None:
        raise ImportRefused(
            f"{preview.report.file_name} was already imported into this session; "
            "preview it again before importing it again"
        )
    if file_digest(path) != preview.digest:
        raise ImportRefused(
            f"{path.name} changed since the preview; look at the new preview before importing"
        )
    return import_parsed(
        uow, preview.parsed, preview.digest, preview.session_id, False, keep_going, force=True
    )


def import_parsed(
    uow: UnitOfWork,
    parsed: ParsedFile,
    digest: str,
    session_id: int,
    dry_run: bool = False,
    keep_going: Callable[[int, int], bool] | None = None,
    force: bool = False,
) -> ImportReport:
    """Import an already read and parsed file (see import_file); a dry run of a file
    imported before says so (report.already_imported) beside what would change."""
    if not dry_run:
        uow.check_writable()
    return plan_again_if_stale(
        lambda: _import_once(uow, parsed, digest, session_id, dry_run, keep_going, force)
    )


def _import_once(
    uow: UnitOfWork,
    parsed: ParsedFile,
    digest: str,
    session_id: int,
    dry_run: bool,
    keep_going: Callable[[int, int], bool] | None,
    force: bool,
) -> ImportReport:
    """Plan and write one import in one transaction (the database's backup first)."""
    with uow:
        session = uow.session.get(Session, session_id) if 0 < session_id <= LARGEST_ID else None
        if session is None:
            raise NotFound(
                f"there is no session with id {session_id}; list them with 'webinar-desk sessions'"
            )
        previous = _previous_import(uow, digest, session_id)
        if previous is not None and not force and not dry_run:
            return _already_imported(parsed.name, previous, dry_run)
        if not dry_run:
            previous = None  # imported again, as asked: a batch of its own
        if not dry_run:
            wait_for_other_imports(uow)  # a colleague's import lands first, then we plan
        zone = uow.session.get_one(Series, session.series_id).home_zone
        with without_cycle_collection():
            people = merge_people(parsed, zone)
            writer = ImportWriter(uow, session_id, parsed, people, keep_going)
            writer.plan()
            batch_id = None
            if not dry_run and writer.changes():
                uow.backup("before-import")
                batch_id = writer.write(digest)
                note_import(uow, writer)
                record_versions(uow.session, uow.session.get_one(ImportBatch, batch_id))
                uow.commit()
        return dataclasses.replace(writer.report(batch_id, dry_run), already_imported=previous)


def _answer_at_once(
    uow: UnitOfWork, path: Path, digest: str, session_id: int, dry_run: bool
) -> ImportReport | None:
    """The answer for a file already imported into the session, found by its digest (see
    file_digest: hashed in chunks, not read whole nor parsed); None when it was not."""
    with uow:
        previous = _previous_import(uow, digest, session_id)
    return None if previous is None else _already_imported(display_name(path), previous, dry_run)


def _already_imported(file_name: str, batch: BatchRow, dry_run: bool) -> ImportReport:
    """The report of an import (or dry run) answered with an earlier batch of the file."""
    return ImportReport(
        file_name=file_name,
        format=batch.format,
        format_label=format_by_name(batch.format).label,
        rows=batch.rows_total,
        registrants_created=0,
        registrants_updated=0,
        registrants_unchanged=0,
        registrations=0,
        registrations_created=0,
        registrations_updated=0,
        attended=0,
        minutes=0,
        skipped=(),
        conflicts=(),
        speakers_matched=0,
        speakers_unmatched=(),
        other_attended=0,
        columns={},
        batch_id=None,
        dry_run=dry_run,
        already_imported=batch,
        planned=False,
    )


def _previous_import(uow: UnitOfWork, digest: str, session_id: int) -> BatchRow | None:
    """The latest import of the same file into the session that was not undone."""
    batch = uow.session.scalar(
        select(ImportBatch)
        .where(
            ImportBatch.sha256 == digest,
            ImportBatch.session_id == session_id,
            ImportBatch.undone_at.is_(None),
        )
        .order_by(ImportBatch.id.desc())
        .limit(1)
    )
    return None if batch is None else _batch_row(batch)


def note_import(uow: UnitOfWork, writer: ImportWriter) -> None:
    """Tell the change feed what one written import's bulk statements changed."""
    db = uow.session
    note_bulk(db, "registrants", writer.person_updates)
    note_bulk(db, "registrations", writer.registration_updates)
    if writer.new_people:
        note_bulk(db, "registrants")
    if writer.registration_inserts:
        note_bulk(db, "registrations")


def list_batches(uow: UnitOfWork) -> list[BatchRow]:
    """Every import, newest first."""
    with uow:
        return [
            _batch_row(b)
            for b in uow.session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()))
        ]


def _batch_row(b: ImportBatch) -> BatchRow:
    together = (b.undo_log or {}).get("batch_set") or []
    return BatchRow(
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
        tuple(int(i) for i in together if i != b.id),
    )
