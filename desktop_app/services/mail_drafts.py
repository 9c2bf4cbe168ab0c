"""Mail drafts for a session: one .eml per recipient, an .mbox of them all, and a record."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.domain import mail_templates
from desktop_app.domain.calendar_events import method_for, session_event, speaker_events
from desktop_app.domain.errors import UserError
from desktop_app.domain.mail_kinds import (
    KINDS,
    MailAddress,
    MailKind,
    Recipient,
    RecipientFilter,
    ReminderWhen,
    default_filter,
    kind_label,
    validate_sender,
)
from desktop_app.domain.mail_templates import MailTemplate, compile_text, empty_warnings
from desktop_app.domain.mail_values import recipient_values, session_values, text_to_html
from desktop_app.domain.session_facts import SessionFacts
from desktop_app.io.draft_folder import DraftFolder, check_target, safe_file_name
from desktop_app.io.eml_writer import Attachment, Draft, DraftComposer, header_address
from desktop_app.io.ics_writer import Invitations
from desktop_app.services import draft_batches, mail_recipients, session_facts
from desktop_app.services import mail_templates as template_store
from desktop_app.services.run_of_show_export import PdfRenderer
from desktop_app.services.uow import UnitOfWork

KeepGoing = Callable[[int, int], bool]  # (done, total) -> False to cancel


class DraftsCancelled(UserError):
    """The user cancelled; no draft was written and nothing was recorded."""


@dataclass(frozen=True)
class DraftRequest:
    """What to write: which kind for which session, from whom, with which template."""

    kind: MailKind
    session_id: int
    sender: MailAddress
    template_name: str | None = None  # None: the series' own or the built-in one
    when: str = ""  # reminders: day-before (default) or hour-before
    recipients: RecipientFilter | None = None  # None: the kind's usual recipients


@dataclass(frozen=True)
class SampleDraft:
    """One recipient's draft as the preview shows it."""

    to: str
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class DraftPlan:
    """Who will receive what: the template, the count, the warnings and a few samples."""

    kind: MailKind
    when: str
    template: MailTemplate
    facts: SessionFacts
    recipients: tuple[Recipient, ...]
    left_out: tuple[str, ...]
    warnings: tuple[str, ...]
    samples: tuple[SampleDraft, ...]
    values: tuple[dict[str, str], ...]  # every placeholder's value, per recipient


@dataclass(frozen=True)
class DraftReport:
    """What was written, where, and the record kept of it."""

    folder: Path
    mbox: Path
    drafts: int
    label: str
    template_name: str
    left_out: tuple[str, ...]
    warnings: tuple[str, ...]
    notes: tuple[str, ...]
    batch_id: int


def plan_drafts(
    uow: UnitOfWork, request: DraftRequest, template: MailTemplate | None = None, samples: int = 3
) -> DraftPlan:
    """Check a request and say what it would write (template: an unsaved edit to try)."""
    kind = MailKind(request.kind)
    when = (request.when or ReminderWhen.DAY_BEFORE) if kind == MailKind.REMINDER else ""
    sender = validate_sender(request.sender)
    facts = session_facts.load_facts(uow, request.session_id)
    if facts.cancelled and kind != MailKind.CHANGE:
        raise UserError(
            f"the session “{facts.title}” is cancelled; write the change notice instead "
            "(it carries the calendar cancellation)"
        )
    if template is None:
        template = template_store.get_template(
            uow, facts.series_id, kind, request.template_name, when, facts.cancelled
        )
    else:
        template = mail_templates.validate_template(template)
    chosen = mail_recipients.choose(
        uow, request.session_id, request.recipients or default_filter(kind)
    )
    writable = tuple(r for r in chosen.people if header_address(r.email) is not None)
    left_out = chosen.left_out
    if len(writable) < len(chosen.people):
        unwritable = len(chosen.people) - len(writable)
        left_out += (
            f"{unwritable} whose address has letters before the @ that a mail header cannot carry",
        )
    shared = session_values(facts, sender)
    values = [recipient_values(shared, facts, r) for r in writable]
    subject, body = compile_text(template.subject, "subject"), compile_text(template.body)
    shown = tuple(
        _sample(subject, body, r, v) for r, v in zip(writable[:samples], values, strict=False)
    )
    return DraftPlan(
        kind,
        when,
        template,
        facts,
        writable,
        left_out,
        tuple(empty_warnings(template, values)),
        shown,
        tuple(values),
    )


def _sample(
    subject: mail_templates.Compiled,
    body: mail_templates.Compiled,
    recipient: Recipient,
    values: dict[str, str],
) -> SampleDraft:
    """One recipient's subject, text and HTML."""
    text = mail_templates.render(body, values)
    shown_to = (
        f"{recipient.full_name} <{recipient.email}>" if recipient.full_name else recipient.email
    )
    return SampleDraft(
        shown_to, " ".join(mail_templates.render(subject, values).split()), text, text_to_html(text)
    )


def write_drafts(
    uow: UnitOfWork,
    request: DraftRequest,
    folder: Path,
    *,
    template: MailTemplate | None = None,
    pdf_renderer: PdfRenderer | None = None,
    keep_going: KeepGoing | None = None,
    stamp: datetime | None = None,
) -> DraftReport:
    """Write one draft per recipient into folder (new or empty) plus an .mbox; record it."""
    check_target(folder)
    plan = plan_drafts(uow, request, template, samples=0)
    if not plan.recipients:
        why = "; ".join(plan.left_out) or "the chosen group is empty"
        raise UserError(f"no one to write to for “{plan.facts.title}”: {why}")
    label = kind_label(plan.kind, plan.when)
    notes: list[str] = []
    extra = _run_of_show_pdf(uow, plan, pdf_renderer, notes)
    sender = validate_sender(request.sender)
    total = len(plan.recipients)
    written: list[str] = []
    with DraftFolder(folder, f"{label} - {plan.facts.title} - all {total} drafts") as out:
        for done, (recipient, message) in enumerate(_messages(plan, sender, extra, stamp)):
            if keep_going is not None and done % 100 == 0 and not keep_going(done, total):
                raise DraftsCancelled("cancelled; no draft was written")
            out.add(recipient.full_name or recipient.email, message)
            written.append(recipient.email)
        mbox = folder / out.mbox_name
    batch_id = draft_batches.record_batch(
        uow,
        plan.facts.id,
        plan.kind.value,
        plan.when,
        plan.template.name,
        written,
        str(folder.resolve()),
        f"{sender.name} <{sender.email}>" if sender.name else sender.email,
    )
    if keep_going is not None:
        keep_going(total, total)
    return DraftReport(
        folder,
        mbox,
        len(written),
        label,
        plan.template.name,
        plan.left_out,
        plan.warnings,
        tuple(notes),
        batch_id,
    )


def _run_of_show_pdf(
    uow: UnitOfWork, plan: DraftPlan, pdf_renderer: PdfRenderer | None, notes: list[str]
) -> tuple[Attachment, ...]:
    """The session's run-of-show as a PDF attachment, for speaker briefings."""
    if not KINDS[plan.kind].run_of_show:
        return ()
    if pdf_renderer is None:
        notes.append("the run-of-show PDF was not attached: it needs the desktop app's components")
        return ()
    from desktop_app.reports.run_of_show_html import render
    from desktop_app.services import run_of_show

    sheet = run_of_show.load_sheet(uow, plan.facts.id)
    with tempfile.TemporaryDirectory(prefix="webinar-desk-") as scratch:
        target = Path(scratch) / "run-of-show.pdf"
        pdf_renderer(render(sheet), target, "A4", False)
        data = target.read_bytes()
    name = f"Run of show - {safe_file_name(plan.facts.title)}.pdf"
    return (Attachment(name, "application/pdf", data),)


def _messages(
    plan: DraftPlan, sender: MailAddress, extra: tuple[Attachment, ...], stamp: datetime | None
) -> Iterator[tuple[Recipient, bytes]]:
    """Each recipient with the bytes of their draft."""
    facts = plan.facts
    composer = DraftComposer()
    subject = compile_text(plan.template.subject, "subject")
    body = compile_text(plan.template.body)
    title = safe_file_name(facts.title)
    stamp = stamp or datetime.now(UTC)  # one DTSTAMP for the whole batch
    method = method_for(facts)
    params = (("method", method.value), ("charset", "utf-8"))
    invitations: dict[int | None, list[tuple[str, Invitations]]] = {}

    def calendars(speaker_id: int | None) -> list[tuple[str, Invitations]]:
        """The invitations a recipient gets: the session, or a speaker's holds."""
        if not KINDS[plan.kind].calendar:
            return []
        found = invitations.get(speaker_id)
        if found is None:
            events = (
                [session_event(facts)] if speaker_id is None else speaker_events(facts, speaker_id)
            )
            found = invitations[speaker_id] = [
                (
                    f"{_PART_NAMES[e.part]} - {title}.ics",
                    Invitations(
                        e, method, sender, attendee_answers=speaker_id is not None, stamp=stamp
                    ),
                )
                for e in events
            ]
        return found

    for recipient, values in zip(plan.recipients, plan.values, strict=True):
        text = mail_templates.render(body, values)
        address = header_address(recipient.email)
        assert address is not None  # plan_drafts left out the others
        to = MailAddress(recipient.full_name, address)
        attachments = [
            Attachment(name, "text/calendar", invitation.for_attendee(to), params)
            for name, invitation in calendars(recipient.speaker_id)
        ]
        draft = Draft(
            sender,
            to,
            " ".join(mail_templates.render(subject, values).split()),
            text,
            text_to_html(text),
            (*attachments, *extra),
        )
        yield recipient, composer.compose(draft)


_PART_NAMES = {"session": "Session", "tech-check": "Tech check", "after-hours": "After Hours"}
