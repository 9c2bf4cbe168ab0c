"""Commands that write files for people outside: partner spreadsheets, run-of-show sheets."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.commands.guard import record_id
from desktop_app.commands.output import Output, add_command
from desktop_app.domain.wording import plural

if TYPE_CHECKING:
    from desktop_app.bootstrap import App


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add export registrants and run-of-show."""
    export = commands.add_parser("export", help="write a spreadsheet for a partner")
    export_what = export.add_subparsers(dest="what", metavar="WHAT", required=True)
    registrants = add_command(
        export_what, "registrants", "registrants of a series", _export_registrants
    )
    registrants.add_argument("out", type=Path, metavar="OUT.xlsx|OUT.csv")
    registrants.add_argument(
        "--series",
        type=record_id,
        metavar="ID",
        help="the series (default: the only one, else required)",
    )
    registrants.add_argument("--session", type=record_id, metavar="ID", help="only this session")
    registrants.add_argument(
        "--profile",
        metavar="NAME",
        help="export profile (default: Partners (consent given): people who agreed to "
        "share, no email; 'Everything (internal use)' must be named)",
    )
    show = add_command(commands, "run-of-show", "write a session's run-of-show sheet", _run_of_show)
    show.add_argument("session", type=record_id, metavar="SESSION_ID")
    show.add_argument("out", type=Path, metavar="OUT.pdf|OUT.html|OUT.xlsx")
    show.add_argument(
        "--page", choices=["A4", "Letter"], help="paper size (default: from Preferences)"
    )
    show.add_argument("--landscape", action="store_true", help="landscape pages")


def _export_registrants(app: App, args: argparse.Namespace) -> Output:
    from desktop_app.services import export_profiles, exports, series

    series_id = series.default_series_id(app.uow(), args.series)
    profile = export_profiles.get_profile(app.uow(), args.profile)
    plan = exports.export_registrants(app.uow(), series_id, profile, args.out, args.session)
    data = {
        "rows": plan.people,
        "path": str(args.out.resolve()),
        "profile": profile.name,
        "internal": plan.internal,
        "columns": list(plan.headings),
        "personal_columns": list(plan.personal),
        "sessions": [s.id for s in plan.sessions],
    }
    warning = f" Personal columns: {', '.join(plan.personal)}." if plan.personal else ""
    chosen = "" if args.profile else " (the default; name another with --profile)"
    if plan.internal:
        warning += " INTERNAL: for the team only, it may list people who said no to sharing."
    text = (
        f"Wrote {plural(plan.people, 'person')} to {args.out} with the profile "
        f"'{profile.name}'{chosen}.{warning}"
    )
    return Output(data, text)


def _run_of_show(app: App, args: argparse.Namespace) -> Output:
    from desktop_app.services.run_of_show_export import export_run_of_show

    out: Path = args.out
    sheet = export_run_of_show(
        app.uow(), args.session, out, args.page, args.landscape, args.pdf_renderer
    )
    verdict = sheet.schedule.verdict()
    data = {
        "path": str(out.resolve()),
        "session": args.session,
        "segments": len(sheet.segments),
        "default": sheet.is_default,
        "verdict": verdict,
    }
    text = f"Wrote the run of show of “{sheet.session.title}” to {out} ({verdict.lower()})."
    return Output(data, text)
