"""Commands that look after the database file itself: check, backups, restore."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.commands.output import Output, add_command
from desktop_app.domain.errors import UserError

if TYPE_CHECKING:
    from desktop_app.bootstrap import App

SERVER_BACKUPS = (
    "automatic backups are kept for database files; {where} is on a server: back it up "
    "with 'webinar-desk backup OUT.dump' (pg_dump), and its administrator restores one "
    "with pg_restore (see docs/team-server.md)"
)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add check, backups and restore."""
    check = add_command(
        commands,
        "check",
        "look for damage in the database (SQLite's integrity check; on a server, the "
        "damage its page checksums found)",
        _check,
    )
    check.add_argument("--quick", action="store_true", help="the quicker, shallower check")
    add_command(commands, "backups", "list the automatic backups", _backups)
    restore = add_command(
        commands,
        "restore",
        "put a backup in place of the database (the current one is kept as a backup)",
        _restore,
    )
    restore.add_argument("backup", metavar="BACKUP", help="a backup's name (see 'backups')")


def _file_of(app: App) -> Path:
    """The database file; UserError for a server (backed up with pg_dump instead)."""
    if app.path is None:
        raise UserError(SERVER_BACKUPS.format(where=app.where))
    return app.path


def _check(app: App, args: argparse.Namespace) -> Output:
    from desktop_app.services import health

    report = health.check_database(app.engine, app.where, full=not args.quick)
    how = (
        "server checksums" if app.on_server else "quick_check" if args.quick else "integrity_check"
    )
    if not report.sound:
        if app.path is not None:
            raise UserError(health.damage_notice(app.path, list(report.problems)))
        raise UserError(f"{app.where} is damaged: {report.problems[0]}")
    data = {"sound": True, "check": how, "seconds": round(report.seconds, 3)}
    return Output(data, f"{app.where} is sound ({how}, {report.seconds:.1f} s).")


def _backups(app: App, args: argparse.Namespace) -> Output:
    from desktop_app.services import backup_set

    path = _file_of(app)
    rows = backup_set.list_backups(path)
    data = [
        {
            "name": b.name,
            "kind": b.kind,
            "taken_at": b.taken_at.isoformat(),
            "bytes": b.size,
            "readable": b.readable,
            "series": b.series,
            "sessions": b.sessions,
            "registrants": b.registrants,
            "registrations": b.registrations,
        }
        for b in rows
    ]
    lines = [
        f"{b.name}  {b.taken_at.astimezone():%Y-%m-%d %H:%M}  "
        f"{backup_set.KIND_LABELS.get(b.kind, b.kind)}: "
        + (
            f"{b.registrants:,} registrants, {b.registrations:,} registrations"
            if b.readable
            else "cannot be read"
        )
        for b in rows
    ]
    folder = backup_set.folder_of(path)
    return Output(data, "\n".join(lines) if rows else f"No backups yet in {folder}.")


def _restore(app: App, args: argparse.Namespace) -> Output:
    from desktop_app.services import health

    path = _file_of(app)
    held = app.lock is not None and app.lock.held
    restored, kept = health.restore_backup(app.engine, path, args.backup, held)
    data = {"restored": restored.name, "kept": kept.name, "registrants": restored.registrants}
    text = (
        f"Restored {path.name} from {restored.name} (taken "
        f"{restored.taken_at.astimezone():%Y-%m-%d %H:%M}, {restored.registrants:,} "
        f"registrants). The file it replaced is kept as {kept.name}."
    )
    return Output(data, text)
