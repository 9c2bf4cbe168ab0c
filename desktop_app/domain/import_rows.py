"""What an import file holds once parsed, and what an import did: plain rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

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


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    file_name: str
    format: str
    format_label: str
    rows: int
    registrants_created: int
    registrants_updated: int
    registrants_unchanged: int
    registrations: int
    registrations_created: int
    registrations_updated: int
    attended: int
    minutes: int
    skipped: tuple[Skip, ...]
    conflicts: tuple[str, ...]
    speakers_matched: int
    speakers_unmatched: tuple[str, ...]
    other_attended: int
    columns: dict[str, str]  # heading -> field
    batch_id: int | None
    dry_run: bool

    @property
    def changed(self) -> bool:
        """True when the import wrote (or would write) anything."""
        return bool(
            self.registrants_created
            or self.registrants_updated
            or self.registrations_created
            or self.registrations_updated
        )

    def as_json(self) -> dict[str, Any]:
        """The report as the CLI prints it with --json."""
        return {
            "file": self.file_name,
            "format": self.format,
            "rows": self.rows,
            "registrants_created": self.registrants_created,
            "registrants_updated": self.registrants_updated,
            "registrants_unchanged": self.registrants_unchanged,
            "registrations": self.registrations,
            "registrations_created": self.registrations_created,
            "registrations_updated": self.registrations_updated,
            "attended": self.attended,
            "minutes": self.minutes,
            "skipped": [{"row": s.line, "reason": s.reason} for s in self.skipped],
            "conflicts": list(self.conflicts),
            "speakers_matched": self.speakers_matched,
            "speakers_unmatched": list(self.speakers_unmatched),
            "other_attended": self.other_attended,
            "batch": self.batch_id,
            "dry_run": self.dry_run,
        }


@dataclass(frozen=True)
class BatchRow:
    """An import as listed in the import history."""

    id: int
    file_name: str
    format: str
    session_id: int | None
    imported_at: datetime
    rows_total: int
    registrants_created: int
    registrants_updated: int
    registrations_created: int
    rows_skipped: int
    undone_at: datetime | None


@dataclass(frozen=True)
class ImportPreview:
    """A file read, parsed and tried against a session without writing: what the import
    dialog shows, and what `import_previewed` imports if the file has not changed since."""

    path: str
    digest: str  # of the bytes previewed; the import is refused if the file changed since
    session_id: int
    format_name: str | None  # as asked for (None: detected)
    columns: dict[int, str] | None  # as asked for (None: recognised from the header)
    parsed: ParsedFile
    first_rows: list[list[str]]  # the first data rows of the people's section
    report: ImportReport  # what the import would do (a dry run)
    mapping_editable: bool  # False where the format's layout fixes the columns
