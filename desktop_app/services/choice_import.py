"""Imports a form whose checkbox question names sessions ("Which sessions will you attend?"):
each person is registered for every session they ticked, all in one transaction, as one
set of batches that Undo import takes back together."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.db.models import ImportBatch, Series, Session
from desktop_app.domain.cycle_collection import without_cycle_collection
from desktop_app.domain.errors import NotFound, UserError
from desktop_app.domain.import_rows import ImportPreview, ImportReport
from desktop_app.io.table_reader import ImportRefused, file_digest
from desktop_app.services.import_lock import wait_for_other_imports
from desktop_app.services.import_merge import merge_people
from desktop_app.services.import_undo import record_versions
from desktop_app.services.import_writer import ImportWriter
from desktop_app.services.imports import note_import
from desktop_app.services.uow import UnitOfWork

BATCH_SET = "batch_set"  # the undo log's list of the batches imported together


@dataclass(frozen=True)
class ChoicePart:
    """What importing one answer's people into its session does (or did)."""

    choice: str
    session_id: int
    report: ImportReport


@dataclass(frozen=True)
class ChoiceImport:
    """A whole checkbox-question import: one part per session, and who ticked nothing
    that is taken."""

    parts: tuple[ChoicePart, ...]
    batch_ids: tuple[int, ...]  # empty for a dry run
    unplaced: tuple[str, ...]  # emails of people whose answers name no chosen session
    dry_run: bool

    @property
    def changed(self) -> bool:
        """True when the import wrote (or would write) anything."""
        return any(part.report.changed for part in self.parts)


def import_choices(
    uow: UnitOfWork,
    preview: ImportPreview,
    sessions: dict[str, int | None],
    dry_run: bool = False,
    keep_going: Callable[[int, int], bool] | None = None,
) -> ChoiceImport:
    """Register the people of a previewed file for the sessions their answers name.

    sessions maps each answer (parsed.session_choices) to a session of the series, or to
    None to leave it out. The parts are written one after another in one transaction, so
    a person ticking two sessions is created once and registered twice. A dry run writes
    the same way and rolls back, so its counts are exactly what the import will do.
    keep_going(done, total) counts the people of all parts together.
    """
    parsed = preview.parsed
    if parsed is None:  # answered unread: the file was imported into the session before
        raise UserError(f"{preview.report.already_imported_note}; read it again to import it")
    chosen = [(c, s) for c, s in sessions.items() if s is not None and c in parsed.session_choices]
    if not chosen:
        raise UserError("choose a session for at least one answer, or import into one session")
    if not dry_run and file_digest(Path(preview.path)) != preview.digest:
        raise ImportRefused(
            f"{Path(preview.path).name} changed since the preview; look at the new preview "
            "before importing"
        )
    taken = {choice for choice, _ in chosen}
    placed = {r.email for r in parsed.rows if taken.intersection(r.sessions)}
    unplaced = tuple(dict.fromkeys(r.email for r in parsed.rows if r.email not in placed))
    with uow:
        if not dry_run:
            wait_for_other_imports(uow)  # a colleague's import lands first, then we plan
        zone = _home_zone(uow, [session_id for _, session_id in chosen])
        pieces = [(c, s, parsed.choosing(c)) for c, s in chosen]
        folded = [(c, s, part, merge_people(part, zone)) for c, s, part in pieces]
        total = sum(len(people) for *_, people in folded)
        parts: list[ChoicePart] = []
        batch_ids: list[int] = []
        writers: list[ImportWriter] = []
        done = 0
        with without_cycle_collection():
            for choice, session_id, part, people in folded:
                step = _offset(keep_going, done, total)
                writer = ImportWriter(uow, session_id, part, people, step)
                writer.plan()
                batch_id = writer.write(preview.digest) if writer.changes() else None
                uow.session.flush()  # the next part sees the people this one created
                if batch_id is not None:
                    batch_ids.append(batch_id)
                    writers.append(writer)
                report = writer.report(None if dry_run else batch_id, dry_run)
                parts.append(ChoicePart(choice, session_id, report))
                done += len(people)
        if dry_run:
            return ChoiceImport(tuple(parts), (), unplaced, True)  # rolled back on leaving
        for writer in writers:
            note_import(uow, writer)
        for batch_id in batch_ids:
            batch = uow.session.get_one(ImportBatch, batch_id)
            if len(batch_ids) > 1:
                batch.undo_log = {**batch.undo_log, BATCH_SET: batch_ids}
            record_versions(uow.session, batch)
        uow.commit()
    return ChoiceImport(tuple(parts), tuple(batch_ids), unplaced, False)


def _home_zone(uow: UnitOfWork, session_ids: list[int]) -> str:
    """The home zone of the series the sessions belong to (they must share one)."""
    series_ids = set()
    for session_id in session_ids:
        session = uow.session.get(Session, session_id)
        if session is None:
            raise NotFound(f"there is no session with id {session_id}")
        series_ids.add(session.series_id)
    if len(series_ids) != 1:
        raise UserError("the sessions of one import must belong to one series")
    return uow.session.get_one(Series, series_ids.pop()).home_zone


def _offset(
    keep_going: Callable[[int, int], bool] | None, done: int, total: int
) -> Callable[[int, int], bool] | None:
    """A part's progress as progress through the whole import (one bar, never restarting)."""
    if keep_going is None:
        return None
    return lambda part_done, _part_total: keep_going(done + part_done, total)
