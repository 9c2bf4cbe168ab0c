"""The kinds of mail drafts, who receives each, and how recipients are chosen."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain import people
from desktop_app.domain.enums import Consent
from desktop_app.domain.errors import ValidationError


class MailKind(StrEnum):
    """What a batch of drafts is for (the names the command line takes)."""

    INVITATION = "invitation"
    CONFIRMATION = "confirmation"
    REMINDER = "reminder"
    CHANGE = "change"
    THANKS = "thanks"
    MISSED = "missed"
    SPEAKER_BRIEFING = "speaker-briefing"


class Audience(StrEnum):
    """Whom a batch goes to: a session's speakers, or some of its registrants."""

    SPEAKERS = "speakers"
    REGISTERED = "registered"
    ATTENDED = "attended"
    ABSENT = "absent"  # registered but did not come


class ReminderWhen(StrEnum):
    """When a reminder is meant to be sent (the wording differs)."""

    DAY_BEFORE = "day-before"
    HOUR_BEFORE = "hour-before"


class ConsentRule(StrEnum):
    """Which registrants may be mailed; a recorded "no" is never mailed."""

    NOT_REFUSED = "not-refused"  # said yes, or never answered
    YES_ONLY = "yes"


@dataclass(frozen=True)
class KindInfo:
    """What a kind of draft needs: its label, default audience and attachments."""

    label: str
    audience: Audience
    calendar: bool  # attach the session as a calendar invitation (or cancellation)
    run_of_show: bool = False  # attach the speaker's run-of-show PDF


KINDS: dict[MailKind, KindInfo] = {
    MailKind.INVITATION: KindInfo("Speaker invitation", Audience.SPEAKERS, calendar=True),
    MailKind.CONFIRMATION: KindInfo("Registration confirmation", Audience.REGISTERED, True),
    MailKind.REMINDER: KindInfo("Reminder", Audience.REGISTERED, calendar=True),
    MailKind.CHANGE: KindInfo("Change notice", Audience.REGISTERED, calendar=True),
    MailKind.THANKS: KindInfo("Thank you and recording", Audience.ATTENDED, calendar=False),
    MailKind.MISSED: KindInfo("Sorry we missed you", Audience.ABSENT, calendar=False),
    MailKind.SPEAKER_BRIEFING: KindInfo(
        "Speaker briefing", Audience.SPEAKERS, calendar=True, run_of_show=True
    ),
}


def kind_label(kind: str, when: str = "") -> str:
    """'Reminder (day before)' for a kind and, for reminders, when it is sent."""
    text = KINDS[MailKind(kind)].label
    if kind == MailKind.REMINDER and when:
        text += f" ({ReminderWhen(when).replace('-', ' ')})"
    return text


def parse_kind(text: str) -> MailKind:
    """The kind named by text, or ValidationError listing the kinds there are."""
    try:
        return MailKind(text.strip().casefold())
    except ValueError:
        raise ValidationError(
            {"kind": f"'{text}' is not a kind of mail; use one of {', '.join(MailKind)}"}
        ) from None


@dataclass(frozen=True)
class MailAddress:
    """A name and an email address, as mail and calendar headers need them."""

    name: str
    email: str


def validate_sender(sender: MailAddress) -> MailAddress:
    """The staff member sending the drafts, normalised, or ValidationError."""
    name, email = " ".join(sender.name.split()), sender.email.strip()
    if not email:
        raise ValidationError(
            {"sender": "say who sends these drafts: give your email address (and name)"}
        )
    if not people.is_email(email):
        raise ValidationError({"sender": f"'{email}' is not an email address"})
    return MailAddress(name, email)


@dataclass(frozen=True)
class Recipient:
    """One person a draft is written for."""

    email: str
    first_name: str = ""
    last_name: str = ""
    organisation: str = ""
    zone: str | None = None  # their own time zone, when it is known
    role: str = ""  # a speaker's part in the session
    speaker_id: int | None = None

    @property
    def full_name(self) -> str:
        """First and last name, or '' when neither is known."""
        return " ".join(p for p in (self.first_name, self.last_name) if p)


@dataclass(frozen=True)
class RecipientFilter:
    """Who of a session receives a batch, chosen like an export profile chooses people."""

    audience: Audience = Audience.REGISTERED
    consent: ConsentRule = ConsentRule.NOT_REFUSED
    organisations: tuple[str, ...] = ()  # only people whose organisation contains one
    email_domains: tuple[str, ...] = ()  # ... or whose email ends with one
    speaker_ids: tuple[int, ...] = ()  # for speakers: only these (empty: all of the session)

    def allows_consent(self, consent: str) -> bool:
        """True if a registrant with this consent may receive the batch."""
        if consent == Consent.NO:
            return False
        return consent == Consent.YES or self.consent == ConsentRule.NOT_REFUSED

    def allowed_consents(self) -> tuple[str, ...]:
        """The consent values this filter lets through."""
        return tuple(c.value for c in Consent if self.allows_consent(c.value))

    def matches(self, organisation: str, email: str) -> bool:
        """True when no organisation or domain list is set, or the person is on one."""
        organisations = [o.strip().casefold() for o in self.organisations if o.strip()]
        domains = [d.strip().casefold().lstrip("@") for d in self.email_domains if d.strip()]
        if not organisations and not domains:
            return True
        organisation, email = organisation.casefold(), email.casefold()
        return any(o in organisation for o in organisations) or any(
            email.endswith("@" + d) or email.endswith("." + d) for d in domains
        )


def default_filter(kind: MailKind) -> RecipientFilter:
    """The recipients a kind goes to unless the user chooses otherwise."""
    return RecipientFilter(audience=KINDS[kind].audience)


def validate_filter(chosen: RecipientFilter) -> RecipientFilter:
    """The filter with known values, or ValidationError naming the wrong one."""
    problems: dict[str, str] = {}
    try:
        Audience(chosen.audience)
    except ValueError:
        problems["audience"] = f"'{chosen.audience}' is not one of {', '.join(Audience)}"
    try:
        ConsentRule(chosen.consent)
    except ValueError:
        problems["consent"] = f"'{chosen.consent}' is not one of {', '.join(ConsentRule)}"
    if problems:
        raise ValidationError(problems)
    return chosen
