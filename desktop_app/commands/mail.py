"""Commands for calendars and mail: .ics files and ready-to-send drafts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.commands.output import Output, add_command
from desktop_app.domain.errors import UserError
from desktop_app.domain.mail_kinds import Audience, ConsentRule, MailKind, ReminderWhen

if TYPE_CHECKING:
    from desktop_app.bootstrap import App
    from desktop_app.services.mail_drafts import DraftRequest


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add calendar, mail, mail-history and mail-templates."""
    calendar = add_command(
        commands,
        "calendar",
        "write a calendar file (.ics) of a session, a series or a speaker",
        _calendar,
    )
    whose = calendar.add_mutually_exclusive_group(required=True)
    whose.add_argument("--session", type=int, metavar="ID", help="one session")
    whose.add_argument("--series", type=int, metavar="ID", help="every session of a series")
    whose.add_argument(
        "--speaker", type=int, metavar="ID", help="a speaker's tech checks, sessions, After Hours"
    )
    calendar.add_argument("out", type=Path, metavar="OUT.ics")

    mail = add_command(
        commands, "mail", "write mail drafts (.eml, plus one .mbox) for a session's people", _mail
    )
    mail.add_argument("kind", choices=[k.value for k in MailKind], metavar="KIND", help=_kinds())
    mail.add_argument("--session", type=int, required=True, metavar="ID")
    mail.add_argument("outdir", type=Path, metavar="OUTDIR", help="a new or empty folder")
    mail.add_argument("--template", metavar="NAME", help="a saved template (see mail-templates)")
    mail.add_argument(
        "--when",
        choices=[w.value for w in ReminderWhen],
        help="reminders: sent the day before (default) or the hour before",
    )
    mail.add_argument(
        "--to",
        choices=[a.value for a in Audience],
        help="who receives them (default: speakers for invitation and speaker-briefing, "
        "attended for thanks, absent for missed, else registered)",
    )
    mail.add_argument(
        "--consent",
        choices=[c.value for c in ConsentRule],
        default=ConsentRule.NOT_REFUSED.value,
        help="registrants to include: all but those who said no (default), or only yes",
    )
    mail.add_argument(
        "--organisation", action="append", default=[], metavar="TEXT", help="only these (repeat)"
    )
    mail.add_argument("--domain", action="append", default=[], metavar="DOMAIN")
    mail.add_argument(
        "--speaker", action="append", type=int, default=[], metavar="ID", help="only this speaker"
    )
    mail.add_argument(
        "--from-name", default="", metavar="NAME", help="your name (default: Preferences)"
    )
    mail.add_argument(
        "--from-email", default="", metavar="ADDRESS", help="your address (default: Preferences)"
    )
    mail.add_argument(
        "--dry-run", action="store_true", help="say who would get what, show the first draft"
    )

    history = add_command(commands, "mail-history", "the drafts written for a session", _history)
    history.add_argument("--session", type=int, required=True, metavar="ID")

    templates = add_command(
        commands, "mail-templates", "list the mail templates of a series", _templates
    )
    templates.add_argument("--series", type=int, required=True, metavar="ID")
    templates.add_argument("--kind", choices=[k.value for k in MailKind], metavar="KIND")


def _kinds() -> str:
    """The help text listing the kinds."""
    return "one of " + ", ".join(MailKind)


def _calendar(app: App, args: argparse.Namespace) -> Output:
    from desktop_app.services import calendars

    report = calendars.write_calendar(
        app.uow(), args.out, session_id=args.session, series_id=args.series, speaker_id=args.speaker
    )
    data = {"path": str(report.path.resolve()), "events": report.events, "of": report.what}
    events = "event" if report.events == 1 else "events"
    return Output(data, f"Wrote {report.events} {events} of {report.what} to {args.out}.")


def _request(args: argparse.Namespace) -> DraftRequest:
    """The draft request the mail options describe."""
    from desktop_app.domain.mail_kinds import MailAddress, RecipientFilter, default_filter
    from desktop_app.services.mail_drafts import DraftRequest
    from desktop_app.services.preferences import load_preferences

    prefs = load_preferences()  # the staff member's name and email, set once
    email = args.from_email or prefs.staff_email
    name = args.from_name or (prefs.staff_name if not args.from_email else "")
    if not email:
        raise UserError(
            "say who sends the drafts: --from-email ADDRESS (and --from-name NAME), or set "
            "your name and email in the app's Preferences"
        )
    kind = MailKind(args.kind)
    audience = Audience(args.to) if args.to else default_filter(kind).audience
    chosen = RecipientFilter(
        audience,
        ConsentRule(args.consent),
        tuple(args.organisation),
        tuple(args.domain),
        tuple(args.speaker),
    )
    sender = MailAddress(name, email)
    return DraftRequest(kind, args.session, sender, args.template, args.when or "", chosen)


def _mail(app: App, args: argparse.Namespace) -> Output:
    from desktop_app.services import mail_drafts

    request = _request(args)
    if args.dry_run:
        plan = mail_drafts.plan_drafts(app.uow(), request, samples=1)
        data = {
            "recipients": len(plan.recipients),
            "template": plan.template.name,
            "left_out": list(plan.left_out),
            "warnings": list(plan.warnings),
        }
        lines = [
            f"Would write {len(plan.recipients):,} drafts with the template "
            f"'{plan.template.name}'; nothing was written."
        ]
        lines += [f"Left out: {line}" for line in plan.left_out]
        lines += [f"Warning: {line}" for line in plan.warnings]
        if plan.samples:
            first = plan.samples[0]
            lines += ["", f"Subject: {first.subject}", "", first.text.rstrip()]
        return Output(data, "\n".join(lines))
    report = mail_drafts.write_drafts(
        app.uow(), request, args.outdir, pdf_renderer=args.pdf_renderer
    )
    data = {
        "folder": str(report.folder.resolve()),
        "mbox": str(report.mbox.resolve()),
        "drafts": report.drafts,
        "kind": report.label,
        "template": report.template_name,
        "left_out": list(report.left_out),
        "warnings": list(report.warnings),
        "notes": list(report.notes),
        "batch": report.batch_id,
    }
    lines = [
        f"Wrote {report.drafts:,} {report.label.lower()} drafts to {args.outdir} "
        f"(and all of them in “{report.mbox.name}”)."
    ]
    lines += [f"Left out: {line}" for line in report.left_out]
    lines += [f"Warning: {line}" for line in report.warnings]
    lines += [f"Note: {line}" for line in report.notes]
    return Output(data, "\n".join(lines))


def _history(app: App, args: argparse.Namespace) -> Output:
    from desktop_app.services import draft_batches, sessions

    zone = _home_zone(app, args.session)
    rows = draft_batches.list_batches(app.uow(), args.session)
    data = [
        {
            "id": b.id,
            "kind": b.kind,
            "when": b.when,
            "template": b.template_name,
            "recipients": b.recipient_count,
            "folder": b.folder,
            "sender": b.sender,
            "created_at": b.created_at.isoformat(),
        }
        for b in rows
    ]
    title = sessions.get_session(app.uow(), args.session).title
    text = "\n".join(f"{b.describe(zone)} → {b.folder}" for b in rows)
    return Output(data, text or f"No drafts written yet for “{title}”.")


def _home_zone(app: App, session_id: int) -> str:
    """The home zone of a session's series, in which dates are shown."""
    from desktop_app.services import series, sessions

    series_id = sessions.get_session(app.uow(), session_id).series_id
    return series.get_series(app.uow(), series_id).home_zone


def _templates(app: App, args: argparse.Namespace) -> Output:
    from desktop_app.services import mail_templates

    kind = MailKind(args.kind) if args.kind else None
    rows = mail_templates.list_templates(app.uow(), args.series, kind)
    data = [
        {"name": t.name, "kind": t.kind.value, "subject": t.subject, "builtin": t.builtin}
        for t in rows
    ]
    text = "\n".join(
        f"{t.name}  [{t.kind.value}{', built in' if t.builtin else ''}]  {t.subject}" for t in rows
    )
    return Output(data, text)
