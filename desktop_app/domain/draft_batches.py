"""The record of a batch of mail drafts, so "did we send the reminder?" has an answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop_app.domain import timezones
from desktop_app.domain.mail_kinds import kind_label


@dataclass(frozen=True)
class DraftBatchRow:
    """One batch of drafts written for a session."""

    id: int
    session_id: int
    kind: str
    when: str  # reminders: day-before / hour-before; else ''
    template_name: str
    recipient_count: int
    folder: str
    sender: str
    created_at: datetime  # aware UTC

    def describe(self, zone: str | None = None) -> str:
        """'Reminder (day before) drafted 2 Sep 2026 for 178 people'."""
        moment = self.created_at if zone is None else timezones.utc_to_local(self.created_at, zone)
        people = "person" if self.recipient_count == 1 else "people"
        return (
            f"{kind_label(self.kind, self.when)} drafted {moment.day} {moment:%b %Y} "
            f"for {self.recipient_count:,} {people}"
        )
