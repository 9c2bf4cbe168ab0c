"""What calendars and mail drafts say about a session, gathered in one plain row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from desktop_app.domain import timezones
from desktop_app.domain.enums import SessionStatus


@dataclass(frozen=True)
class SessionFacts:
    """A session with its series, speakers and run-of-show times, for calendars and mail."""

    id: int
    uid: str  # stable across databases (row ids are not)
    sequence: int  # bumped whenever the time, title, link or cancellation changes
    series_id: int
    series_title: str
    organiser: str
    home_zone: str
    display_zones: tuple[str, ...]
    title: str
    subtitle: str
    description: str
    start: datetime  # aware UTC
    duration_minutes: int
    platform: str
    join_url: str
    registration_url: str
    recording_url: str
    status: str
    after_hours_minutes: int | None = None
    after_hours_host_id: int | None = None
    after_hours_host_name: str = ""
    # (start, end) of the speakers' tech check, from the run of show; None without one.
    tech_check: tuple[datetime, datetime] | None = None
    speaker_names: tuple[str, ...] = ()
    speaker_ids: tuple[int, ...] = field(default=())

    @property
    def end(self) -> datetime:
        """When the session ends (After Hours not included)."""
        return timezones.end_of(self.start, self.duration_minutes)

    @property
    def after_hours(self) -> tuple[datetime, datetime] | None:
        """(start, end) of the After Hours that follows, or None without one."""
        if not self.after_hours_minutes:
            return None
        return self.end, self.end + timedelta(minutes=self.after_hours_minutes)

    @property
    def cancelled(self) -> bool:
        """True when the session was called off."""
        return self.status == SessionStatus.CANCELLED

    @property
    def zones(self) -> tuple[str, ...]:
        """The home zone first, then every other display zone."""
        return (self.home_zone, *[z for z in self.display_zones if z != self.home_zone])

    def label(self, moment: datetime | None = None) -> str:
        """'Wed 4 Aug 2021 · 10:00 PT / 13:00 ET' for the start (or another moment)."""
        return timezones.format_start(moment or self.start, self.home_zone, list(self.zones))
