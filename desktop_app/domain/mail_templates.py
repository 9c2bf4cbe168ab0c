"""Mail templates: subject and body with {placeholders}, checked, filled in and warned about."""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.mail_kinds import MailKind, ReminderWhen, kind_label

# name -> what it stands for (shown in the template editor).
PLACEHOLDERS: dict[str, str] = {
    "first_name": "the recipient's first name",
    "last_name": "the recipient's last name",
    "full_name": "the recipient's first and last name",
    "email": "the recipient's email address",
    "organisation": "the recipient's organisation",
    "role": "a speaker's part in the session (host, moderator, panelist…)",
    "series_title": "the series' title",
    "organiser": "the series' organiser",
    "session_title": "the session's title",
    "session_subtitle": "the session's subtitle",
    "session_description": "the session's description",
    "start_home": "date and time in the series' home zone",
    "start_in_your_zone": "date and time in the recipient's zone when known, else every zone",
    "start_all_zones": "date and time in every display zone",
    "duration": "how long the session lasts ('60 minutes')",
    "join_link": "the link to join the session",
    "registration_link": "the registration page",
    "recording_link": "the link to the recording",
    "speakers": "the names of the session's speakers",
    "tech_check": "when the speakers' tech check starts, in every zone",
    "after_hours": "a sentence about the After Hours that follows, if any",
    "sender_name": "your name",
    "sender_email": "your email address",
}

Compiled = tuple[tuple[str, str | None], ...]  # (literal text, placeholder or None)
_FORMATTER = string.Formatter()


@dataclass(frozen=True)
class MailTemplate:
    """A subject and body for one kind of draft, saved per series under a name."""

    name: str
    kind: MailKind
    subject: str
    body: str
    builtin: bool = False  # shipped with the app (saving one under its name overrides it)

    def placeholders(self) -> list[str]:
        """The placeholders the subject and body use, in order of first use."""
        used = [n for part in (self.subject, self.body) for _, n in compile_text(part) if n]
        return list(dict.fromkeys(used))


def compile_text(text: str, field: str = "body") -> Compiled:
    """Text split into literals and placeholders, or ValidationError naming the mistake."""
    hint = "write a literal { or } as {{ or }}"
    try:
        parsed = list(_FORMATTER.parse(text))
    except ValueError as error:
        raise ValidationError({field: f"{error}; {hint}"}) from None
    parts: list[tuple[str, str | None]] = []
    for literal, name, spec, conversion in parsed:
        if name is not None and (spec or conversion or name not in PLACEHOLDERS):
            shown = "{" + name + (f"!{conversion}" if conversion else "")
            shown += (f":{spec}" if spec else "") + "}"
            raise ValidationError(
                {field: f"{shown} is not a placeholder; use one of {_listing()} ({hint})"}
            )
        parts.append((literal, name))
    return tuple(parts)


def _listing() -> str:
    """'{first_name}, {last_name}, …' for messages."""
    return ", ".join("{" + name + "}" for name in PLACEHOLDERS)


def render(compiled: Compiled, values: Mapping[str, str]) -> str:
    """The text with every placeholder replaced by its value."""
    return "".join(literal + (values[name] if name else "") for literal, name in compiled)


def validate_template(template: MailTemplate) -> MailTemplate:
    """The template with its name and subject trimmed, or ValidationError."""
    problems: dict[str, str] = {}
    name, subject = " ".join(template.name.split()), " ".join(template.subject.split())
    if not name:
        problems["name"] = "a template needs a name"
    if not subject:
        problems["subject"] = "a mail needs a subject"
    try:
        MailKind(template.kind)
    except ValueError:
        problems["kind"] = f"'{template.kind}' is not a kind of mail"
    for field, text in (("subject", subject), ("body", template.body)):
        try:
            compile_text(text, field)
        except ValidationError as error:
            problems.update(error.problems)
    if not template.body.strip():
        problems["body"] = "a mail needs a body"
    if problems:
        raise ValidationError(problems)
    return MailTemplate(name, MailKind(template.kind), subject, template.body.strip() + "\n")


def empty_warnings(template: MailTemplate, rows: Iterable[Mapping[str, str]]) -> list[str]:
    """One line per placeholder that is empty for some recipients ('… for 12 of 178')."""
    used = template.placeholders()
    empty = dict.fromkeys(used, 0)
    total = 0
    for values in rows:
        total += 1
        for name in used:
            if not values[name].strip():
                empty[name] += 1
    lines = []
    for name, count in empty.items():
        if count:
            if total == 1:  # not "all 1 recipient"
                lines.append(f"{{{name}}} is empty for the one recipient")
                continue
            share = f"all {total:,}" if count == total else f"{count:,} of {total:,}"
            lines.append(f"{{{name}}} is empty for {share} recipients")
    return lines


CANCELLATION = "Cancellation notice"


def default_name(kind: MailKind, when: str = "", cancelled: bool = False) -> str:
    """The name of the built-in template of a kind (reminders: one per moment; the change
    notice of a cancelled session: the cancellation notice)."""
    if kind == MailKind.CHANGE and cancelled:
        return CANCELLATION
    if kind == MailKind.REMINDER:
        return kind_label(kind, when or ReminderWhen.DAY_BEFORE)
    return kind_label(kind)


_SIGN_OFF = "\nBest wishes,\n{sender_name}\n{organiser}\n"
_DEFAULTS: dict[tuple[MailKind, str], tuple[str, str]] = {
    (MailKind.INVITATION, ""): (
        "Invitation to speak: {session_title} ({start_home})",
        "Dear {first_name},\n\n"
        "Thank you for joining “{session_title}”, part of {series_title}, as {role}.\n\n"
        "When: {start_in_your_zone} ({duration})\n"
        "Tech check: {tech_check}\n"
        "Join: {join_link}\n\n"
        "{after_hours}\n\n"
        "The attached calendar entries hold the times for you. Please reply to confirm, "
        "and send us a short bio and a headshot if you have not yet.\n" + _SIGN_OFF,
    ),
    (MailKind.SPEAKER_BRIEFING, ""): (
        "Briefing: {session_title} on {start_home}",
        "Dear {first_name},\n\n"
        "Here is the run of show for “{session_title}” (attached as a PDF), with the "
        "minute-by-minute plan and who does what.\n\n"
        "Tech check: {tech_check}\n"
        "Session: {start_in_your_zone} ({duration})\n"
        "Join: {join_link}\n"
        "Speakers: {speakers}\n\n"
        "Please join the tech check from the same computer and headset you will use.\n" + _SIGN_OFF,
    ),
    (MailKind.CONFIRMATION, ""): (
        "You're registered: {session_title}",
        "Dear {first_name},\n\n"
        "Thank you for registering for “{session_title}”, part of {series_title}.\n\n"
        "When: {start_in_your_zone} ({duration})\n"
        "Join: {join_link}\n\n"
        "The attached calendar entry adds the session to your calendar.\n" + _SIGN_OFF,
    ),
    (MailKind.REMINDER, ReminderWhen.DAY_BEFORE): (
        "Tomorrow: {session_title}",
        "Dear {first_name},\n\n"
        "A reminder that “{session_title}” is tomorrow.\n\n"
        "When: {start_in_your_zone}\n"
        "Join: {join_link}\n\n"
        "We look forward to seeing you.\n" + _SIGN_OFF,
    ),
    (MailKind.REMINDER, ReminderWhen.HOUR_BEFORE): (
        "Starting in one hour: {session_title}",
        "Dear {first_name},\n\n"
        "“{session_title}” starts in one hour ({start_in_your_zone}).\n\n"
        "Join here: {join_link}\n" + _SIGN_OFF,
    ),
    (MailKind.CHANGE, ""): (
        "Changed: {session_title}",
        "Dear {first_name},\n\n"
        "Please note a change to “{session_title}”, part of {series_title}.\n\n"
        "When: {start_in_your_zone} ({duration})\n"
        "Join: {join_link}\n\n"
        "The attached calendar entry updates the one in your calendar. We are sorry for "
        "any inconvenience.\n" + _SIGN_OFF,
    ),
    (MailKind.CHANGE, "cancelled"): (
        "Cancelled: {session_title}",
        "Dear {first_name},\n\n"
        "We are sorry to tell you that “{session_title}”, part of {series_title}, planned "
        "for {start_in_your_zone}, is cancelled and will not take place.\n\n"
        "The attached calendar entry removes it from your calendar. We are sorry for "
        "any inconvenience.\n" + _SIGN_OFF,
    ),
    (MailKind.THANKS, ""): (
        "Thank you for joining {session_title}",
        "Dear {first_name},\n\n"
        "Thank you for joining “{session_title}”. The recording is here: "
        "{recording_link}\n\n"
        "We hope to see you at the next session of {series_title}.\n" + _SIGN_OFF,
    ),
    (MailKind.MISSED, ""): (
        "Sorry we missed you: {session_title}",
        "Dear {first_name},\n\n"
        "We are sorry you could not join “{session_title}”. You can watch the recording "
        "here: {recording_link}\n\n"
        "We hope to see you at the next session of {series_title}.\n" + _SIGN_OFF,
    ),
}


def builtin_templates() -> list[MailTemplate]:
    """The templates shipped with the app, one per kind (two for reminders and changes)."""
    return [
        MailTemplate(_builtin_name(kind, when), kind, subject, body, builtin=True)
        for (kind, when), (subject, body) in _DEFAULTS.items()
    ]


def _builtin_name(kind: MailKind, variant: str) -> str:
    """The name of the built-in template stored under (kind, variant) in _DEFAULTS."""
    if variant == "cancelled":
        return default_name(kind, cancelled=True)
    return default_name(kind, variant)


def builtin_template(kind: MailKind, when: str = "", cancelled: bool = False) -> MailTemplate:
    """The built-in template of a kind (for reminders, of the moment it is sent; for a
    cancelled session's change notice, the cancellation)."""
    wanted = default_name(kind, when, cancelled)
    return next(t for t in builtin_templates() if t.name == wanted)
