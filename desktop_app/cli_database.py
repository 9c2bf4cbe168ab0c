"""Commands that look after the database file itself: check, backups, restore."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.domain.errors import UserError


def add_commands(commands: Any) -> None:
    """Add `check`, `backups` and `restore` to the command line's subparsers."""
    check = commands.add_parser(
        "check", help="look for damage in the database (SQLite's integrity check)"
    )
    check.add_argument("--quick", action="store_true", help="the quicker, shallower check")
    check.set_defaults(handler=_check)

    backups = commands.add_parser("backups", help="list the automatic backups")
    backups.set_defaults(handler=_backups)

    restore = commands.add_parser(
        "restore", help="put a backup in place of the database (the current one is kept)"
    )
    restore.add_argument("backup", metavar="BACKUP", help="a backup's name (see 'backups')")
    restore.set_defaults(handler=_restore)
    for sub in (check, backups, restore):
        sub.add_argument("--json", action="store_true", help="print JSON instead of text")


def _needs_file(app: Any) -> None:
    """UserError for a database that is not a file (a server keeps its own backups)."""
    if app.path is None:
        raise UserError(
            "backups and restores are for SQLite database files; for a database server, "
            "use the server's own tools"
        )


def _check(app: Any, args: argparse.Namespace) -> dict[str, Any]:
    from desktop_app.services import health

    report = health.check_database(app.engine, app.where, full=not args.quick)
    how = "quick_check" if args.quick else "integrity_check"
    if not report.sound:
        if app.path is not None:
            raise UserError(health.damage_notice(app.path, list(report.problems)))
        raise UserError(f"{app.where} is damaged: {report.problems[0]}")
    data = {"sound": True, "check": how, "seconds": round(report.seconds, 3)}
    return {"json": data, "text": f"{app.where} is sound ({how}, {report.seconds:.1f} s)."}


def _backups(app: Any, args: argparse.Namespace) -> dict[str, Any]:
    from desktop_app.services import backup_set

    _needs_file(app)
    rows = backup_set.list_backups(app.path)
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
    folder = backup_set.folder_of(app.path)
    text = "\n".join(lines) if rows else f"No backups yet in {folder}."
    return {"json": data, "text": text}


def _restore(app: Any, args: argparse.Namespace) -> dict[str, Any]:
    from desktop_app.services import health

    _needs_file(app)
    held = app.lock is not None and app.lock.held
    restored, kept = health.restore_backup(app.engine, app.path, args.backup, held)
    data = {"restored": restored.name, "kept": kept.name, "registrants": restored.registrants}
    text = (
        f"Restored {app.path.name} from {restored.name} (taken "
        f"{restored.taken_at.astimezone():%Y-%m-%d %H:%M}, {restored.registrants:,} "
        f"registrants). The file it replaced is kept as {kept.name}."
    )
    return {"json": data, "text": text}
