"""What the import dialog runs on a worker thread: the preview (with the report's session and
the answers of a checkbox question naming sessions), and the import of what was previewed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.bootstrap import App
from desktop_app.domain.import_rows import ImportPreview, ImportReport
from desktop_app.services import choice_import, imports, session_match
from desktop_app.services.choice_import import ChoiceImport
from ui.workers.background import Job


@dataclass(frozen=True)
class PreviewOptions:
    """What the user chose in the dialog, for the next preview."""

    format_name: str | None
    columns: dict[int, str] | None
    date_orders: dict[int, str]
    sheet: str | None
    propose: bool  # the first preview: the report may choose its own session
    choices: dict[str, int | None] | None  # answer -> session; None: match them by title
    use_choices: bool | None  # None: use them when an answer matched a session


@dataclass(frozen=True)
class Previewed:
    """A preview with what the report says about its session (or sessions)."""

    preview: ImportPreview
    proposal: session_match.Proposal | None  # the first preview's proposal
    date_warning: str  # the report's date is not the chosen session's
    choices: dict[str, int | None]  # answer -> session ({} without such a question)
    use_choices: bool
    by_choice: ChoiceImport | None  # the dry run of registering people by their answers


@dataclass(frozen=True)
class Imported:
    """What an import did, and the sessions it went into."""

    report: ImportReport  # for a checkbox question: the first session's part
    session_ids: list[int]
    by_choice: ChoiceImport | None


def preview_file(
    app: App, path: Path, session_id: int, options: PreviewOptions
) -> Callable[[Job], Previewed]:
    """The worker's call that previews the file into a session (or the sessions its answers
    name), switching to the report's own session on the first look."""

    def preview(chosen: int) -> ImportPreview:
        return imports.preview_import(
            app.uow(),
            path,
            chosen,
            options.format_name,
            options.columns,
            options.date_orders or None,
            options.sheet,
        )

    def work(_job: Job) -> Previewed:
        shown = preview(session_id)
        parsed, proposal = shown.parsed, None
        warning = session_match.date_warning(app.uow(), session_id, parsed.meeting_start)
        if options.propose:
            # The report's own date and title say which session it is: a 2026 report must
            # not slip into a 2021 session because that one was selected.
            proposal = session_match.propose_session(
                app.uow(), session_id, parsed.meeting_title, parsed.meeting_start
            )
            better = proposal.session_id
            if warning and better is not None and better != session_id:
                shown = preview(better)
                warning = session_match.date_warning(app.uow(), better, parsed.meeting_start)
        if not parsed.session_choices:
            return Previewed(shown, proposal, warning, {}, False, None)
        choices = options.choices
        if choices is None or list(choices) != parsed.session_choices:
            choices = session_match.match_choices(app.uow(), session_id, parsed.session_choices)
        used = options.use_choices
        if used is None:
            used = any(choices.values())
        by_choice = None
        if used and any(choices.values()):
            by_choice = choice_import.import_choices(app.uow(), shown, choices, dry_run=True)
        return Previewed(shown, proposal, warning, choices, used, by_choice)

    return work


def import_previewed(app: App, shown: Previewed) -> Callable[[Job], Imported]:
    """The worker's call that imports exactly what was previewed (refused if the file
    changed since), into one session or into the sessions the answers name."""

    def work(job: Job) -> Imported:
        if shown.by_choice is not None:
            done = choice_import.import_choices(
                app.uow(), shown.preview, shown.choices, keep_going=job.keep_going
            )
            sessions = [part.session_id for part in done.parts]
            return Imported(done.parts[0].report, sessions, done)
        report = imports.import_previewed(app.uow(), shown.preview, keep_going=job.keep_going)
        return Imported(report, [shown.preview.session_id], None)

    return work
