"""Everything a printed run-of-show sheet shows, as plain rows, and who does each segment."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from desktop_app.domain.enums import SpeakerRole, label
from desktop_app.domain.rows import AppearanceRow, SessionRow
from desktop_app.domain.run_of_show import Schedule, Segment, schedule

PRODUCER = "Producer"


@dataclass(frozen=True)
class RosterLine:
    """A speaker's part with the contact details for the day."""

    part: AppearanceRow
    email: str
    phone: str


@dataclass(frozen=True)
class RunOfShowSheet:
    """Everything a printed run-of-show shows."""

    series_title: str
    zones: tuple[str, ...]  # home zone first
    session: SessionRow
    roster: tuple[RosterLine, ...]
    segments: tuple[Segment, ...]
    schedule: Schedule
    is_default: bool  # nothing saved yet: the generated script
    printed_at: datetime
    version: int  # of the saved segment list as a whole; save_segments names it
    producer: str = ""  # the staff member's name from Preferences
    producer_email: str = ""

    def with_segments(self, segments: list[Segment], edited: bool) -> RunOfShowSheet:
        """The same sheet with other segments (e.g. unsaved edits), their clock recomputed."""
        session = self.session
        return replace(
            self,
            segments=tuple(segments),
            schedule=schedule(
                session.starts_at, segments, session.duration_minutes, session.after_hours_minutes
            ),
            is_default=self.is_default and not edited,
        )


@dataclass(frozen=True)
class Who:
    """Who does a segment: names for the sheet, and the role they do it in."""

    names: str
    role: str
    unassigned: bool = False  # a role no one on the roster holds yet


def who(owner: str, sheet: RunOfShowSheet) -> Who:
    """A segment's owner as people: 'Host' becomes the host's name, a name gets its role.

    Scripts name owners by role ('Host', 'Producer') or by name; the printed sheet shows
    both, and says when a role has no one yet.
    """
    text = owner.strip()
    if not text:
        return Who("", "")
    wanted = text.casefold()
    for line in sheet.roster:
        if line.part.speaker_name.casefold() == wanted:
            return Who(line.part.speaker_name, label(line.part.role))
    if wanted == PRODUCER.casefold():
        return Who(sheet.producer, PRODUCER, unassigned=not sheet.producer)
    for role in SpeakerRole:
        if wanted in (label(role).casefold(), label(role).casefold() + "s"):
            names = list(
                dict.fromkeys(
                    line.part.speaker_name for line in sheet.roster if line.part.role == role
                )
            )
            return Who(", ".join(names), label(role), unassigned=not names)
    return Who(text, "")
