"""The command line: `webinar-desk` opens the app; subcommands work headless."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop_app import __version__, cli_database
from desktop_app.cli_guard import PROG, guarded, record_id
from desktop_app.domain.enums import label
from desktop_app.domain.errors import UserError


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog=PROG, description="Plan webinar series offline. Without a command, opens the app."
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or SQLAlchemy URL (default: $WEBINAR_DESK_DB, "
        "else a file in your user data folder)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="load the demo series (safe to run twice)")
    demo.add_argument(
        "--seed", type=Path, help="announcement text to load instead of the bundled one"
    )
    demo.add_argument(
        "--if-empty", action="store_true", help="only load it when the database holds no series yet"
    )
    demo.set_defaults(handler=_demo)

    sessions = commands.add_parser("sessions", help="list sessions")
    sessions.add_argument("--series", type=record_id, metavar="ID", help="only this series")
    sessions.set_defaults(handler=_sessions)

    speakers = commands.add_parser("speakers", help="list speakers")
    speakers.add_argument("--series", type=record_id, metavar="ID", help="only this series")
    speakers.set_defaults(handler=_speakers)

    stats = commands.add_parser("stats", help="count what the database holds")
    stats.set_defaults(handler=_stats)

    from desktop_app.io.formats import FORMATS

    imports = commands.add_parser(
        "import", help="import registrations or attendance from a CSV or XLSX file"
    )
    imports.add_argument("file", type=Path, help="the exported file")
    imports.add_argument(
        "--session",
        type=record_id,
        required=True,
        metavar="ID",
        help="the session the file is about (see 'sessions')",
    )
    imports.add_argument(
        "--format", choices=sorted(FORMATS), help="the file's format (default: detected)"
    )
    imports.add_argument(
        "--dry-run", action="store_true", help="say what would change without changing anything"
    )
    imports.set_defaults(handler=_import)

    history = commands.add_parser("imports", help="list earlier imports")
    history.set_defaults(handler=_imports)

    undo = commands.add_parser("undo-import", help="take back one earlier import")
    undo.add_argument(
        "batch", type=record_id, metavar="BATCH_ID", help="the import (see 'imports')"
    )
    undo.set_defaults(handler=_undo_import)

    export = commands.add_parser("export", help="write a spreadsheet for a partner")
    export_what = export.add_subparsers(dest="what", metavar="WHAT", required=True)
    registrants = export_what.add_parser("registrants", help="registrants of a series")
    registrants.add_argument("out", type=Path, metavar="OUT.xlsx|OUT.csv")
    registrants.add_argument(
        "--series",
        type=record_id,
        metavar="ID",
        help="the series (default: the only one, else required)",
    )
    registrants.add_argument("--session", type=record_id, metavar="ID", help="only this session")
    registrants.add_argument(
        "--profile", metavar="NAME", help="export profile (default: Everything (internal use))"
    )
    registrants.add_argument("--json", action="store_true", help="print JSON instead of text")
    registrants.set_defaults(handler=_export_registrants)

    show = commands.add_parser("run-of-show", help="write a session's run-of-show sheet")
    show.add_argument("session", type=record_id, metavar="SESSION_ID")
    show.add_argument("out", type=Path, metavar="OUT.pdf|OUT.html|OUT.xlsx")
    show.add_argument("--page", default="A4", choices=["A4", "Letter"], help="paper size")
    show.add_argument("--landscape", action="store_true", help="landscape pages")
    show.set_defaults(handler=_run_of_show)

    for sub in (demo, sessions, speakers, stats, imports, history, undo, show):
        sub.add_argument("--json", action="store_true", help="print JSON instead of text")
    cli_database.add_commands(commands)
    return parser


PdfRenderer = Callable[[str, Path, str, bool], None]


def main(
    argv: Sequence[str] | None = None,
    open_window: Callable[[str | None], int] | None = None,
    pdf_renderer: PdfRenderer | None = None,
) -> int:
    """Run a headless command, or open_window(db) when none is given; returns exit status.

    The window and the PDF renderer (both Qt) are passed in by ui.launcher, so that this
    core never imports the Qt shell.
    """
    args = build_parser().parse_args(argv)
    args.pdf_renderer = pdf_renderer
    if args.command is None:
        if open_window is None:
            print(
                f"{PROG}: error: the desktop app is not available here; give a command "
                "(see --help)",
                file=sys.stderr,
            )
            return 2
        return open_window(args.db)
    handler: Callable[[Any, argparse.Namespace], Any] = args.handler

    def run() -> int:
        from desktop_app.bootstrap import open_app

        app = open_app(args.db)
        try:
            result = handler(app, args)
        finally:
            app.close()
        _print(result, as_json=args.json)
        if app.damaged and args.handler.__module__ != cli_database.__name__:
            print(f"{PROG}: warning: {app.notice}", file=sys.stderr)
        return 0

    return guarded(run)


def _print(result: Any, *, as_json: bool) -> None:
    """Print a handler's result as JSON or as the plain text it prepared."""
    if as_json:
        print(json.dumps(result["json"], indent=2, ensure_ascii=False, default=str))
    else:
        print(result["text"])


def _demo(app: Any, args: argparse.Namespace) -> dict[str, Any]:
    from desktop_app.services import demo, series

    if args.if_empty and series.list_series(app.uow()):
        data = {"loaded": False, "reason": "the database already holds a series"}
        return {"json": data, "text": "Demo not loaded: the database already holds a series."}
    result = demo.load_demo(app.uow(), args.seed)
    data = {"loaded": True, **dataclasses.asdict(result)}
    text = (
        f"Demo series loaded (id {result.series_id}): {result.sessions_created} sessions, "
        f"{result.speakers_created} speakers, {result.registrants_created} registrants, "
        f"{result.registrations_created} registrations added."
    )
    return {"json": data, "text": text}


def _sessions(app: Any, args: argparse.Namespace) -> dict[str, Any]:
    from desktop_app.services import sessions

    rows = sessions.list_sessions(app.uow(), args.series)
    data = [
        {
            "id": r.id,
            "series_id": r.series_id,
            "series": r.series_title,
            "title": r.title,
            "kind": r.kind,
            "status": r.status,
            "start_utc": r.starts_at.isoformat(),
            "start": r.start_label,
            "duration_minutes": r.duration_minutes,
            "registered": r.registered,
            "attended": r.attended,
        }
        for r in rows
    ]
    table = [("ID", "Series", "Title", "Start", "Min", "Kind", "Reg.", "Att.")] + [
        (
            str(r.id),
            r.series_title,
            r.title,
            r.start_label,
            str(r.duration_minutes),
            label(r.kind),
            str(r.registered),
            str(r.attended),
        )
        for r in rows
    ]
    return {"json": data, "text": _table(table) if rows else "No sessions."}


def _speakers(app: Any, args: argparse.Namespace) -> dict[str, Any]:
    from desktop_app.services import speakers

    rows = speakers.list_speakers(app.uow(), args.series)
    data = [
        {
            "id": r.id,
            "name": r.name,
            "title": r.title,
            "organisation": r.organisation,
            "email": r.email,
            "sessions": r.session_count,
        }
        for r in rows
    ]
    table = [("ID", "Name", "Title", "Organisation", "Sessions")] + [
        (str(r.id), r.name, r.title, r.organisation, str(r.session_count)) for r in rows
    ]
    return {"json": data, "text": _table(table) if rows else "No speakers."}


def _stats(app: Any, args: argparse.Namespace) -> dict[str, Any]:
    from desktop_app.services import stats

    counts = dataclasses.asdict(stats.stats(app.uow()))
    text = "\n".join(f"{name.capitalize():<14}{value:>10,}" for name, value in counts.items())
    return {"json": counts, "text": text}


def _import(app: Any, args: argparse.Namespace) -> dict[str, Any]:
    from desktop_app.services import imports

    report = imports.import_file(
        app.uow(), args.file, args.session, args.format, dry_run=args.dry_run
    )
    verb = "Would import" if report.dry_run else "Imported"
    lines = [
        f"{verb} {report.file_name} ({report.format_label}): {report.rows:,} rows, "
        f"{report.registrations:,} people for the session, {report.attended:,} attended, "
        f"{report.minutes:,} minutes.",
        f"Registrants: {report.registrants_created:,} new, "
        f"{report.registrants_updated:,} updated, {report.registrants_unchanged:,} "
        "unchanged.",
    ]
    if not report.changed:
        lines.append("Nothing changed: everything in the file is already in the database.")
    if report.other_attended:
        lines.append(
            f"{report.other_attended} attendee(s) without an email were counted but not added."
        )
    lines += [f"Conflict: {text}" for text in report.conflicts]
    lines += [f"Skipped row {skip.line}: {skip.reason}" for skip in report.skipped]
    return {"json": report.as_json(), "text": "\n".join(lines)}


def _imports(app: Any, args: argparse.Namespace) -> dict[str, Any]:
    from desktop_app.services import imports

    rows = imports.list_batches(app.uow())
    data = [
        {
            "id": b.id,
            "file": b.file_name,
            "format": b.format,
            "session": b.session_id,
            "imported_at": b.imported_at.isoformat(),
            "rows": b.rows_total,
            "registrants_created": b.registrants_created,
            "undone_at": b.undone_at.isoformat() if b.undone_at else None,
        }
        for b in rows
    ]
    table = [("ID", "File", "Format", "Session", "Imported (UTC)", "Rows", "Undone")] + [
        (
            str(b.id),
            b.file_name,
            b.format,
            str(b.session_id or ""),
            f"{b.imported_at:%Y-%m-%d %H:%M}",
            str(b.rows_total),
            "yes" if b.undone_at else "",
        )
        for b in rows
    ]
    return {"json": data, "text": _table(table) if rows else "No imports yet."}


def _undo_import(app: Any, args: argparse.Namespace) -> dict[str, Any]:
    from desktop_app.services import imports

    imports.undo_import(app.uow(), args.batch)
    return {"json": {"undone": args.batch}, "text": f"Import {args.batch} undone."}


def _export_registrants(app: Any, args: argparse.Namespace) -> dict[str, Any]:
    from desktop_app.services import exports, series

    series_id = args.series
    if series_id is None:
        every = series.list_series(app.uow())
        if len(every) != 1:
            raise UserError(
                "the database holds "
                + (f"{len(every)} series" if every else "no series")
                + "; say which with --series ID"
            )
        series_id = every[0].id
    profile = exports.get_profile(app.uow(), args.profile)
    plan = exports.export_registrants(app.uow(), series_id, profile, args.out, args.session)
    data = {
        "rows": plan.people,
        "path": str(args.out.resolve()),
        "profile": profile.name,
        "columns": list(plan.headings),
        "personal_columns": list(plan.personal),
        "sessions": [s.id for s in plan.sessions],
    }
    warning = f" Personal columns: {', '.join(plan.personal)}." if plan.personal else ""
    text = f"Wrote {plan.people:,} people to {args.out} with the profile '{profile.name}'.{warning}"
    return {"json": data, "text": text}


def _run_of_show(app: Any, args: argparse.Namespace) -> dict[str, Any]:
    from desktop_app.io.atomic import atomic_path
    from desktop_app.reports.run_of_show_html import render
    from desktop_app.services import run_of_show

    out: Path = args.out
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".html", ".xlsx"):
        raise UserError(f"{out.name}: a run-of-show is written as .pdf, .html or .xlsx")
    if not out.parent.is_dir():
        raise UserError(f"the folder {out.parent} does not exist; choose another place")
    sheet = run_of_show.load_sheet(app.uow(), args.session)
    try:
        if suffix == ".xlsx":
            from desktop_app.io.run_of_show_xlsx import write_xlsx

            write_xlsx(sheet, out)
        elif suffix == ".html":
            with atomic_path(out) as temporary:
                temporary.write_text(render(sheet), encoding="utf-8")
        else:
            if args.pdf_renderer is None:
                raise UserError("PDF needs the desktop app's components; write .html instead")
            args.pdf_renderer(render(sheet), out, args.page, args.landscape)
    except OSError as error:
        raise UserError(f"cannot write {out}: {error.strerror or error}") from None
    data = {
        "path": str(out.resolve()),
        "session": args.session,
        "segments": len(sheet.segments),
        "default": sheet.is_default,
        "verdict": sheet.schedule.verdict(),
    }
    return {
        "json": data,
        "text": f"Wrote the run of show of “{sheet.session.title}” to "
        f"{out} ({sheet.schedule.verdict().lower()}).",
    }


def _table(rows: Sequence[Sequence[str]], widest: int = 48) -> str:
    """Rows as aligned columns, long cells shortened with an ellipsis."""
    cells = [[c if len(c) <= widest else c[: widest - 1] + "…" for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    )


if __name__ == "__main__":
    sys.exit(main())  # headless only; `webinar-desk` (ui.launcher) adds the window
