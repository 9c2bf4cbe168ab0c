"""Commands that load (and remove) the demo and list what the database holds."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.commands.guard import record_id
from desktop_app.commands.output import Output, add_command, table
from desktop_app.domain.enums import label
from desktop_app.domain.wording import plural

if TYPE_CHECKING:
    from desktop_app.bootstrap import App


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add demo, remove-demo, sessions, speakers and stats."""
    demo = add_command(commands, "demo", "load the demo series (safe to run twice)", _demo)
    demo.add_argument(
        "--seed", type=Path, help="announcement text to load instead of the bundled one"
    )
    demo.add_argument(
        "--if-empty", action="store_true", help="only load it when the database holds no series yet"
    )
    add_command(
        commands,
        "remove-demo",
        "remove the demo series and the people it brought (not what you added)",
        _remove_demo,
    )
    sessions = add_command(commands, "sessions", "list sessions", _sessions)
    sessions.add_argument("--series", type=record_id, metavar="ID", help="only this series")
    speakers = add_command(commands, "speakers", "list speakers", _speakers)
    speakers.add_argument("--series", type=record_id, metavar="ID", help="only this series")
    add_command(commands, "stats", "count what the database holds", _stats)


def _demo(app: App, args: argparse.Namespace) -> Output:
    from desktop_app.services import demo, series

    if args.if_empty and series.list_series(app.uow()):
        data = {"loaded": False, "reason": "the database already holds a series"}
        return Output(data, "Demo not loaded: the database already holds a series.")
    result = demo.load_demo(app.uow(), args.seed)
    text = (
        f"Demo series loaded (id {result.series_id}): "
        f"{plural(result.sessions_created, 'session')}, "
        f"{plural(result.speakers_created, 'speaker')}, "
        f"{plural(result.registrants_created, 'registrant')}, "
        f"{plural(result.registrations_created, 'registration')} added."
    )
    return Output({"loaded": True, **dataclasses.asdict(result)}, text)


def _remove_demo(app: App, args: argparse.Namespace) -> Output:
    from desktop_app.services.demo_removal import remove_demo

    result = remove_demo(app.uow())
    names = (
        "series",
        "sessions",
        "speakers",
        "registrants",
        "registrations",
        "kept_speakers",
        "kept_registrants",
    )
    data = {name: getattr(result, name) for name in names}
    if not result.removed_anything:
        return Output(data, "There is no demo to remove.")
    lines = [
        f"Removed the demo: {plural(result.series, 'series')}, "
        f"{plural(result.sessions, 'session')}, {plural(result.speakers, 'speaker')}, "
        f"{plural(result.registrants, 'registrant')}, "
        f"{plural(result.registrations, 'registration')}."
    ]
    kept = [
        plural(count, word)
        for count, word in (
            (result.kept_speakers, "speaker"),
            (result.kept_registrants, "registrant"),
        )
        if count
    ]
    if kept:
        lines.append(f"Kept {' and '.join(kept)} from the demo who now belong to another series.")
    return Output(data, "\n".join(lines))


def _sessions(app: App, args: argparse.Namespace) -> Output:
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
    lines = [("ID", "Series", "Title", "Start", "Min", "Kind", "Reg.", "Att.")] + [
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
    return Output(data, table(lines) if rows else "No sessions.")


def _speakers(app: App, args: argparse.Namespace) -> Output:
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
    lines = [("ID", "Name", "Title", "Organisation", "Sessions")] + [
        (str(r.id), r.name, r.title, r.organisation, str(r.session_count)) for r in rows
    ]
    return Output(data, table(lines) if rows else "No speakers.")


def _stats(app: App, args: argparse.Namespace) -> Output:
    from desktop_app.services import stats

    counts = dataclasses.asdict(stats.stats(app.uow()))
    text = "\n".join(f"{name.capitalize():<14}{value:>10,}" for name, value in counts.items())
    return Output(counts, text)
