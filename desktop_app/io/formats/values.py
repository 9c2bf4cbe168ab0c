"""Reading one cell's minutes, consent, yes/no, status or role; what cannot be read says why."""

from __future__ import annotations

import math
import re
from typing import TypeVar

from desktop_app.domain.enums import ApprovalStatus, Consent

MISSING = frozenset({"", "--", "na", "n/a", "null", "none", "-"})
MAX_MINUTES = 7 * 24 * 60  # one row of attendance longer than a week is a typo

T = TypeVar("T")
# A reading: (value or None, None) when read, (None, reason) when the text cannot be.
Reading = tuple[T | None, str | None]

YES = frozenset(
    {"yes", "y", "true", "1", "si", "sí", "ja", "oui", "sim", "x", "agree", "i agree",
     "accept", "accepted", "checked in", "attended"}
)  # fmt: skip
NO = frozenset(
    {"no", "n", "false", "0", "nein", "non", "nao", "não", "disagree", "i do not agree",
     "decline", "declined", "not attending"}
)  # fmt: skip
_APPROVAL = {
    **dict.fromkeys(
        (
            "approved",
            "attending",
            "checked in",
            "attended",
            "registered",
            "accepted",
            "upgraded to panelist",  # Zoom: a registrant made a panelist
        ),
        ApprovalStatus.APPROVED,
    ),
    **dict.fromkeys(("pending", "waitlisted", "waiting", "waitlist"), ApprovalStatus.PENDING),
    **dict.fromkeys(("denied", "rejected", "declined"), ApprovalStatus.DENIED),
    # Eventbrite: a refunded or transferred ticket is no longer this person's place.
    **dict.fromkeys(
        (
            "cancelled",
            "canceled",
            "not attending",
            "refunded",
            "transferred",
            "deleted",
            "cancelled by organizer",
        ),
        ApprovalStatus.CANCELLED,
    ),
}
# Teams writes '1h 7m 28s'; others '1:07:28', '67', '67.5' or '67,5'.
_DURATION = re.compile(
    r"(?:(?P<h>\d+)\s*(?:h|hr|hrs|hours?))?\s*(?:(?P<m>\d+)\s*(?:m|min|mins|minutes?))?"
    r"\s*(?:(?P<s>\d+)\s*(?:s|sec|secs|seconds?))?"
)
_CLOCK_DURATION = re.compile(r"(\d+):([0-5]\d)(?::([0-5]\d))?")


def minutes_of(text: str) -> Reading[int]:
    """'38' -> 38; '1h 7m 28s' -> 67; '1:07:28' -> 67; '--' or '' -> None."""
    seconds, why = seconds_of(text)
    return (None, why) if seconds is None else (round(seconds / 60), None)


def seconds_of(text: str) -> Reading[int]:
    """A duration in seconds, read as minutes_of reads it."""
    key = text.strip().casefold()
    if key in MISSING:
        return None, None
    clock = _CLOCK_DURATION.fullmatch(key)
    if clock:
        seconds = int(clock[1]) * 3600 + int(clock[2]) * 60 + int(clock[3] or 0)
        return _bounded(seconds)
    try:
        value = float(key.replace(",", "."))
    except ValueError:
        spelled = _DURATION.fullmatch(key)
        if not spelled or not any(spelled.groups()):
            return None, "is not a number of minutes"
        return _bounded(
            int(spelled["h"] or 0) * 3600 + int(spelled["m"] or 0) * 60 + int(spelled["s"] or 0)
        )
    if not math.isfinite(value):
        return None, "is not a number of minutes"
    if value < 0:
        return None, "is a negative number of minutes"
    return _bounded(round(value * 60))


def _bounded(seconds: int) -> Reading[int]:
    """Seconds, unless more than a week (a typo, and an overflow for the database)."""
    if seconds > MAX_MINUTES * 60:
        return None, f"minutes is more than a week ({MAX_MINUTES:,} minutes)"
    return seconds, None


def consent_of(text: str) -> Reading[Consent]:
    """A consent answer ('Yes', 'Sí', 'I agree', 'No') as a Consent, or None unanswered."""
    key = text.strip().casefold().rstrip(".!")
    if key in MISSING:
        return None, None
    if key in YES or key.startswith(("yes", "sí", "si,", "ja,", "oui", "i agree")):
        return Consent.YES, None
    if key in NO or key.startswith(("no,", "no ", "nein", "non,", "non ")):
        return Consent.NO, None
    return None, "is not a yes or no answer"


def yes_no_of(text: str) -> Reading[bool]:
    """'Yes'/'No' (and their translations) as a bool, or None when blank."""
    key = text.strip().casefold()
    if key in MISSING:
        return None, None
    if key in YES:
        return True, None
    if key in NO:
        return False, None
    return None, "is not yes or no"


def approval_of(text: str) -> Reading[ApprovalStatus]:
    """Zoom's approval status or Eventbrite's attendee status as an ApprovalStatus."""
    key = " ".join(text.casefold().split())
    if key in MISSING:
        return None, None
    status = _APPROVAL.get(key)
    if status is None:
        return None, "is not a registration status this app knows"
    return status, None
