"""What a registrant export will hold: its plan, sessions and people, as plain rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from desktop_app.domain.export_profile import ExportProfile


@dataclass(frozen=True)
class SessionInfo:
    """A session as the export describes it."""

    id: int
    title: str
    start_local: datetime  # naive, in the series' home zone (as Excel shows dates)
    label: str
    registered: int
    attended: int


# The registrant fields an export can hold, in the order of ExportPerson.values.
PERSON_KEYS = (
    "first_name",
    "last_name",
    "email",
    "organisation",
    "job_title",
    "city",
    "country",
    "sector",
    "consent",
)


class ExportPerson(NamedTuple):
    """One exported person: their fields and, per chosen session, their registration.

    A named tuple, not a dataclass: an export makes a million of them."""

    values: tuple[str, ...]  # in the order of PERSON_KEYS (a tuple: exports are hot loops)
    # Per chosen session: (registered_at local or None, registered, attended, minutes).
    sessions: tuple[tuple[datetime | None, bool, bool, int], ...]

    @property
    def fields(self) -> dict[str, str]:
        """The values by key."""
        return dict(zip(PERSON_KEYS, self.values, strict=True))


@dataclass(frozen=True)
class ExportPlan:
    """What an export will contain, for the preview and the Summary sheet."""

    series_title: str
    home_zone: str
    zone_label: str
    profile: ExportProfile
    sessions: tuple[SessionInfo, ...]
    people: int
    headings: tuple[str, ...]
    personal: tuple[str, ...]
    exported_at: datetime
    exported_by: str
    internal: bool = False  # for the team only: the Summary sheet says INTERNAL
    # Only these registrants (chosen by hand, e.g. selected on the Attendees tab), within
    # what the profile allows; None: everyone the profile allows.
    registrant_ids: frozenset[int] | None = None

    def file_name(self, suffix: str) -> str:
        """The profile's file name pattern filled in, safe for every file system."""
        name = self.profile.file_name_pattern.format(
            series=self.series_title,
            profile=self.profile.name,
            date=f"{self.exported_at:%Y-%m-%d}",
            session=self.sessions[0].title if len(self.sessions) == 1 else "all sessions",
        )
        safe = "".join("-" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in name).strip()
        return f"{safe or 'registrants'}{suffix}"
