"""Everything a printed run-of-show sheet shows, as plain rows."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from desktop_app.domain.rows import AppearanceRow, SessionRow
from desktop_app.domain.run_of_show import Schedule, Segment, schedule


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
