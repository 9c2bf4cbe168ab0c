"""What a parsed registration or attendance file holds, before anything is saved."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desktop_app.domain.enums import ApprovalStatus, Consent


@dataclass(frozen=True)
class ImportRow:
    """One usable row: a person with what the file says about them (None: not said)."""

    line: int  # line (CSV) or row (XLSX) number in the file, counting from 1
    section: str  # "registrant", "attendee", "panelist" or "host"
    email: str
    first_name: str = ""
    last_name: str = ""
    organisation: str = ""
    job_title: str = ""
    city: str = ""
    country: str = ""
    sector: str = ""
    consent: Consent | None = None
    registered_at: datetime | None = None
    approval: ApprovalStatus | None = None
    attended: bool | None = None
    join_time: datetime | None = None
    leave_time: datetime | None = None
    minutes: int | None = None


@dataclass(frozen=True)
class Skip:
    """A row that could not be used, and why."""

    line: int
    reason: str


@dataclass
class ParsedFile:
    """A file read and understood: its format, usable rows and skipped rows."""

    name: str
    format: str
    header_line: int
    header: list[str]
    columns: dict[int, str]  # column index -> field, as used
    rows: list[ImportRow] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    data_rows: int = 0  # rows of data read, used or not
    other_attended: int = 0  # Zoom "Other Attended": people without an email
    other_minutes: int = 0
