"""Merging two registrants who are one person under two email addresses, with undo."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from desktop_app.db.models import Registrant, Registration
from desktop_app.domain.enums import ApprovalStatus, Consent
from desktop_app.domain.errors import UserError
from desktop_app.domain.people import normalise_email
from desktop_app.services import snapshots
from desktop_app.services.common import check_versions, get_or_raise
from desktop_app.services.snapshots import Snapshot
from desktop_app.services.uow import UnitOfWork

FILLED = ("first_name", "last_name", "organisation", "job_title", "city", "country", "sector")
# When two registrations for one session disagree, the more hopeful status is kept.
_APPROVAL_ORDER = [
    ApprovalStatus.APPROVED,
    ApprovalStatus.PENDING,
    ApprovalStatus.DENIED,
    ApprovalStatus.CANCELLED,
]


@dataclass(frozen=True)
class MergeResult:
    """What a merge did; snapshots.restore(uow, result.snapshot) undoes it."""

    kept_id: int
    removed_id: int
    email: str
    moved: int  # registrations moved over unchanged
    combined: int  # sessions both had registered for, combined into one registration
    filled: tuple[str, ...]  # empty fields of the kept record filled from the other
    notes: tuple[str, ...]
    snapshot: Snapshot


def merge_registrants(
    uow: UnitOfWork,
    keep_id: int,
    other_id: int,
    email: str | None = None,
    versions: Mapping[int, int] | None = None,
) -> MergeResult:
    """Fold other_id into keep_id: one person, one row, every registration kept.

    keep_id's fields win; its empty fields are filled from the other; email (one of the
    two addresses, default keep_id's) is the one kept. Where both registered for one
    session the registrations are combined: attended if either attended; minutes are
    summed only when both visits are timed and do not overlap (left on one address,
    came back on the other), else the larger is kept, because two devices in the session
    at once (phone and laptop) would otherwise count the same minutes twice. versions
    (id -> version the caller saw) refuses a merge of people changed elsewhere since.
    """
    if keep_id == other_id:
        raise UserError("choose two different registrants to merge")
    with uow:
        db = uow.session
        kept = get_or_raise(db, Registrant, keep_id, "registrant")
        other = get_or_raise(db, Registrant, other_id, "registrant")
        if versions is not None:
            check_versions({keep_id: kept, other_id: other}, "two registrants", versions)
        chosen = normalise_email(email) if email else kept.email
        if chosen not in (kept.email, other.email):
            raise UserError(f"keep one of the two addresses: {kept.email} or {other.email}")
        captured = snapshots.capture_in(uow, "registrants", [keep_id, other_id])
        snapshot = Snapshot(
            captured.rows,
            captured.nulled,
            f"merge of {other.email} into {kept.email}",
            replaces=(("registrants", (keep_id,)),),
        )
        filled = tuple(f for f in FILLED if not getattr(kept, f) and getattr(other, f))
        for name in filled:
            setattr(kept, name, getattr(other, name))
        notes = _merge_consent(kept, other)
        moved, combined = _merge_registrations(db, kept, other)
        removed_email = other.email
        db.delete(other)
        uow.flush()  # the other's address is free before the kept record may take it
        kept.email = chosen
        uow.commit()
    if chosen != removed_email:
        notes = (*notes, f"{removed_email} is no longer on record")
    return MergeResult(keep_id, other_id, chosen, moved, combined, filled, notes, snapshot)


def _merge_consent(kept: Registrant, other: Registrant) -> tuple[str, ...]:
    """Take the other's consent answer when it is the only one, or the newer one."""
    if other.consent == Consent.UNKNOWN or other.consent == kept.consent:
        return ()
    if kept.consent == Consent.UNKNOWN:
        take = True
    elif kept.consent_at and other.consent_at:
        take = other.consent_at > kept.consent_at
    else:  # answers differ and their dates cannot say which is newer: the safer one
        take = other.consent == Consent.NO
    if not take:
        return (f"consent kept as '{kept.consent}' (the other address said '{other.consent}')",)
    before = kept.consent
    kept.consent, kept.consent_at = other.consent, other.consent_at
    kept.consent_source = other.consent_source
    if before == Consent.UNKNOWN:
        return ()
    return (f"consent is now '{other.consent}', the newer answer (was '{before}')",)


def _merge_registrations(db: DbSession, kept: Registrant, other: Registrant) -> tuple[int, int]:
    """Move the other's registrations over, combining where both registered; (moved, combined)."""
    mine = {
        r.session_id: r
        for r in db.scalars(select(Registration).where(Registration.registrant_id == kept.id))
    }
    theirs = list(db.scalars(select(Registration).where(Registration.registrant_id == other.id)))
    moved = combined = 0
    for registration in theirs:
        target = mine.get(registration.session_id)
        if target is None:
            registration.registrant_id = kept.id
            moved += 1
            continue
        _combine(target, registration)
        db.delete(registration)
        combined += 1
    db.flush()
    return moved, combined


def _combine(target: Registration, extra: Registration) -> None:
    """Fold a second registration for the same session into target."""
    target.minutes = combined_minutes(
        (target.minutes, target.first_join, target.last_leave),
        (extra.minutes, extra.first_join, extra.last_leave),
    )
    target.attended = target.attended or extra.attended
    target.registered_at = _earliest(target.registered_at, extra.registered_at)
    target.first_join = _earliest(target.first_join, extra.first_join)
    target.last_leave = max(
        (t for t in (target.last_leave, extra.last_leave) if t is not None), default=None
    )
    target.approval_status = min(target.approval_status, extra.approval_status, key=_approval_rank)
    target.source = target.source or extra.source


Visit = tuple[int, datetime | None, datetime | None]


def combined_minutes(first: Visit, second: Visit) -> int:
    """Minutes of one person seen under two addresses: summed only for separate visits."""
    (a, a_join, a_leave), (b, b_join, b_leave) = first, second
    timed = None not in (a_join, a_leave, b_join, b_leave)
    if timed and a and b:
        assert a_join and a_leave and b_join and b_leave
        if a_leave <= b_join or b_leave <= a_join:
            return a + b
    return max(a, b)


def _earliest(a: datetime | None, b: datetime | None) -> datetime | None:
    """The earlier of two optional instants."""
    return min((t for t in (a, b) if t is not None), default=None)


def _approval_rank(status: str) -> int:
    """Position of a status in the order the more hopeful first."""
    try:
        return _APPROVAL_ORDER.index(ApprovalStatus(status))
    except ValueError:
        return len(_APPROVAL_ORDER)
