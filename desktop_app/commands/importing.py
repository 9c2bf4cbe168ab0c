"""Commands that import files, list earlier imports and undo one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.commands.guard import record_id
from desktop_app.commands.output import Output, add_command, table
from desktop_app.domain.wording import plural

if TYPE_CHECKING:
    from desktop_app.bootstrap import App


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add import, imports and undo-import."""
    from desktop_app.io.formats import FORMATS

    imports = add_command(
        commands, "import", "import registrations or attendance from a CSV or XLSX file", _import
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
        "--format", choices=[f.name for f in FORMATS], help="the file's format (default: detected)"
    )
    imports.add_argument(
        "--dry-run", action="store_true", help="say what would change without changing anything"
    )
    imports.add_argument(
        "--again",
        action="store_true",
        help="import the file even if it was already imported into the session",
    )
    imports.add_argument(
        "--sheet", metavar="NAME", help="a workbook's sheet to read (default: the one with emails)"
    )
    imports.add_argument(
        "--date-order",
        action="append",
        type=_date_order,
        default=[],
        metavar="HEADING=ORDER",
        help="read a column's dates day-first or month-first, e.g. 'Order Date=day-first' "
        "(repeat for more columns; default: decided from the values)",
    )
    add_command(commands, "imports", "list earlier imports", _imports)
    undo = add_command(commands, "undo-import", "take back one earlier import", _undo_import)
    undo.add_argument(
        "batch", type=record_id, metavar="BATCH_ID", help="the import (see 'imports')"
    )


def _import(app: App, args: argparse.Namespace) -> Output:
    from desktop_app.services import imports

    date_orders = _date_columns(app, args) if args.date_order else None
    report = imports.import_file(
        app.uow(),
        args.file,
        args.session,
        args.format,
        dry_run=args.dry_run,
        date_orders=date_orders,
        sheet=args.sheet,
        force=args.again,
    )
    if report.already_imported is not None and not report.planned:
        wanted = "see what importing it again would change" if report.dry_run else "import it again"
        text = f"{report.already_imported_note}. To {wanted}, add --again."
        return Output(report.as_json(), text)
    verb = "Would import" if report.dry_run else "Imported"
    lines = [
        f"{verb} {report.file_name} ({report.format_label}): {plural(report.rows, 'row')}, "
        f"{plural(report.registrations, 'person')} for the session, "
        f"{report.attended:,} attended, {plural(report.minutes, 'minute')}.",
        f"Registrants: {report.registrants_created:,} new, "
        f"{report.registrants_updated:,} updated, {report.registrants_unchanged:,} "
        "unchanged.",
    ]
    if report.already_imported is not None:
        lines.insert(0, f"{report.already_imported_note}:")
    if report.nobody:
        lines.append("Nobody to import: no row of the file has a usable email address.")
    elif not report.changed:
        lines.append("Nothing changed: everything in the file is already in the database.")
    if report.other_attended:
        lines.append(
            f"{plural(report.other_attended, 'attendee')} without an email "
            f"{'was' if report.other_attended == 1 else 'were'} counted but not added."
        )
    if report.bots:
        lines.append(f"{report.bots} note-taker bot row(s) were left out: they are not people.")
    lines += report.layout_notes
    guessed = [d for d in report.date_columns if d.ambiguous and not d.chosen]
    for order in sorted({d.order for d in guessed}):
        headings = ", ".join(d.heading for d in guessed if d.order == order)
        lines.append(f"Dates in {headings} were read {order}: no value settles the order.")
    lines += [f"Conflict: {text}" for text in report.conflicts]
    lines += [f"Skipped row {skip.line}: {skip.reason}" for skip in report.skipped]
    lines += [f"Left empty: {note}" for note in report.left_empty[:100]]
    if len(report.left_empty) > 100:
        lines.append(
            f"... and {len(report.left_empty) - 100:,} more values left empty (--json lists all)."
        )
    return Output(report.as_json(), "\n".join(lines))


def _date_order(text: str) -> tuple[str, str]:
    """argparse type for --date-order: ('Order Date', 'day-first')."""
    from desktop_app.domain.dates import DAY_FIRST, MONTH_FIRST

    heading, _, order = text.rpartition("=")
    order = order.strip().casefold()
    if not heading.strip() or order not in (DAY_FIRST, MONTH_FIRST):
        raise argparse.ArgumentTypeError(
            f"'{text}' is not HEADING={DAY_FIRST} or HEADING={MONTH_FIRST}"
        )
    return heading.strip(), order


def _date_columns(app: App, args: argparse.Namespace) -> dict[int, str]:
    """--date-order's headings as the file's column indexes (read from a preview)."""
    from desktop_app.domain.errors import UserError
    from desktop_app.services import imports

    preview = imports.preview_import(
        app.uow(), args.file, args.session, args.format, sheet=args.sheet, again=True
    )
    known = {d.heading.casefold(): d.index for d in preview.report.date_columns}
    wanted: dict[int, str] = {}
    for heading, order in args.date_order:
        if heading.casefold() not in known:
            names = ", ".join(d.heading for d in preview.report.date_columns) or "none"
            raise UserError(
                f"{args.file.name} has no column of dates headed '{heading}' "
                f"(its date columns: {names})"
            )
        wanted[known[heading.casefold()]] = order
    return wanted


def _imports(app: App, args: argparse.Namespace) -> Output:
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
    lines = [("ID", "File", "Format", "Session", "Imported (UTC)", "Rows", "Undone")] + [
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
    return Output(data, table(lines) if rows else "No imports yet.")


def _undo_import(app: App, args: argparse.Namespace) -> Output:
    from desktop_app.services import imports

    kept = imports.undo_import(app.uow(), args.batch)
    text = f"Import {args.batch} undone."
    if kept:
        text += (
            f" {kept:,} record(s) changed since (by a colleague or a later import) were "
            "left as they are."
        )
    return Output({"undone": args.batch, "kept": kept}, text)
