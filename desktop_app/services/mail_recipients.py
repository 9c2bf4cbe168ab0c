"""Who of a session receives a batch of drafts: its speakers, or some of its registrants."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.db.models import Registrant, Registration, Session, Speaker
from desktop_app.domain import people
from desktop_app.domain.enums import ApprovalStatus
from desktop_app.domain.mail_kinds import Audience, Recipient, RecipientFilter, validate_filter
from desktop_app.domain.recipient_zone import zone_of
from desktop_app.services import speakers
from desktop_app.services.common import get_or_raise
from desktop_app.services.uow import UnitOfWork

# A denied or withdrawn registration gets no confirmation or reminder.
_GONE = (ApprovalStatus.DENIED.value, ApprovalStatus.CANCELLED.value)


@dataclass(frozen=True)
class Recipients:
    """The people a batch goes to, and a line for each one left out and why."""

    people: tuple[Recipient, ...]
    left_out: tuple[str, ...]


def choose(uow: UnitOfWork, session_id: int, chosen: RecipientFilter) -> Recipients:
    """The recipients of a session that a filter allows, in name order."""
    chosen = validate_filter(chosen)
    if chosen.audience == Audience.SPEAKERS:
        return _speakers(uow, session_id, chosen)
    return _registrants(uow, session_id, chosen)


def _speakers(uow: UnitOfWork, session_id: int, chosen: RecipientFilter) -> Recipients:
    """The session's speakers in speaking order, then its After Hours host."""
    parts = speakers.list_appearances(uow, session_id=session_id)
    roles: dict[int, str] = {}
    for part in parts:
        roles.setdefault(part.speaker_id, part.role)
    with uow:
        session = get_or_raise(uow.session, Session, session_id, "session")
        if session.after_hours_host_id is not None:
            roles.setdefault(session.after_hours_host_id, "after_hours_host")
        wanted = [i for i in roles if not chosen.speaker_ids or i in chosen.speaker_ids]
        found = {
            row[0]: row[1:]
            for row in uow.session.execute(
                select(Speaker.id, Speaker.name, Speaker.email, Speaker.organisation).where(
                    Speaker.id.in_(wanted)
                )
            )
        }
    result: list[Recipient] = []
    left_out: list[str] = []
    for speaker_id in wanted:
        name, email, organisation = found[speaker_id]
        if not email:
            left_out.append(f"{name} has no email address")
            continue
        if not chosen.matches(organisation, email):
            continue
        first, last = people.split_full_name(name)
        result.append(
            Recipient(
                email=email,
                first_name=first,
                last_name=last,
                organisation=organisation,
                role=roles[speaker_id],
                speaker_id=speaker_id,
            )
        )
    return Recipients(tuple(result), tuple(left_out))


def _registrants(uow: UnitOfWork, session_id: int, chosen: RecipientFilter) -> Recipients:
    """Registrants of the session in the chosen group whose consent allows contact."""
    conditions = [
        Registration.session_id == session_id,
        Registration.approval_status.not_in(_GONE),
    ]
    if chosen.audience == Audience.ATTENDED:
        conditions.append(Registration.attended.is_(True))
    elif chosen.audience == Audience.ABSENT:
        conditions.append(Registration.attended.is_(False))
    query = (
        select(
            Registrant.email,
            Registrant.first_name,
            Registrant.last_name,
            Registrant.organisation,
            Registrant.country,
            Registrant.city,
            Registrant.consent,
        )
        .join(Registration, Registration.registrant_id == Registrant.id)
        .where(*conditions)
        .order_by(Registrant.last_name, Registrant.first_name, Registrant.email)
    )
    with uow:
        get_or_raise(uow.session, Session, session_id, "session")
        rows = uow.session.execute(query).all()
    result: list[Recipient] = []
    refused = 0
    for email, first, last, organisation, country, city, consent in rows:
        if not chosen.allows_consent(consent):
            refused += 1
            continue
        if not chosen.matches(organisation, email):
            continue
        result.append(Recipient(email, first, last, organisation, zone_of(country, city)))
    left_out = []
    if refused:
        rule = "not “yes”" if chosen.consent == "yes" else "“no”"
        who = "registrant" if refused == 1 else "registrants"
        left_out.append(f"{refused:,} {who} whose consent to be contacted is {rule}")
    return Recipients(tuple(result), tuple(left_out))
