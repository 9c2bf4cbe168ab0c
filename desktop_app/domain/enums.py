"""The fixed vocabularies of the model, stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class SessionKind(StrEnum):
    """What part of a series a session is."""

    KICKOFF = "kickoff"
    DEEP_DIVE = "deep_dive"
    OTHER = "other"


class SessionStatus(StrEnum):
    """Where a session stands in its life."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    DONE = "done"
    CANCELLED = "cancelled"


class SpeakerRole(StrEnum):
    """A speaker's part in one session."""

    HOST = "host"
    MODERATOR = "moderator"
    PANELIST = "panelist"
    KEYNOTE = "keynote"
    AFTER_HOURS_HOST = "after_hours_host"


class Consent(StrEnum):
    """Whether a registrant agreed to their details being shared with partners."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class ApprovalStatus(StrEnum):
    """A registration's approval, as Zoom and Eventbrite report it."""

    APPROVED = "approved"
    PENDING = "pending"
    DENIED = "denied"
    CANCELLED = "cancelled"


def label(value: StrEnum | str) -> str:
    """Human label for an enum value: 'deep_dive' -> 'Deep dive'."""
    return str(value).replace("_", " ").capitalize()
