"""What an import file holds once parsed, and what an import did: plain rows."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from desktop_app.domain.enums import ApprovalStatus, Consent


@dataclass(slots=True)
class ImportRow:
    """One usable row: a person with what the file says about them (None: not said).

    Not frozen: a 100,000-row report makes as many, and a frozen dataclass costs eight
    times as much to build; nothing changes a row once its parser has handed it over.
    """

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
    sessions: tuple[str, ...] = ()  # sessions a checkbox question names, as answered


@dataclass(frozen=True)
class Skip:
    """A row that could not be used, and why."""

    line: int
    reason: str


@dataclass(frozen=True)
class CellNote:
    """A value that could not be read and was left empty; the person was imported."""

    line: int
    column: str  # the column's heading
    value: str
    reason: str  # e.g. 'is not a date'

    def __str__(self) -> str:
        """The note as the preview lists it: 'row 7, Order Date: ... left empty'."""
        return f"row {self.line}, {self.column}: '{self.value}' {self.reason}; left empty"


@dataclass(frozen=True)
class DateColumn:
    """How one column of dates was read: day or month first, and whether that is a guess."""

    index: int  # column index in ParsedFile.header
    heading: str
    order: str  # dates.MONTH_FIRST or dates.DAY_FIRST
    ambiguous: bool  # no value settles the order: the user may want to switch it
    settled_by: str  # a value that settles the order ('25/10/2026'), or ''
    chosen: bool  # the order was the user's choice (parse_table's date_orders)

    def describe(self) -> str:
        """'Order Date: read month-first (no value settles it)' for a preview."""
        if self.chosen:
            why = "as you chose"
        elif self.settled_by:
            why = f"'{self.settled_by}' settles it"
        elif self.ambiguous:
            why = "no value settles it; switch it if the dates look wrong"
        else:
            why = "no date in it depends on the order"
        return f"{self.heading}: read {self.order} ({why})"


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
    other_attended: int = 0  # Zoom "Other Attended", Teams guests: people without an email
    other_minutes: int = 0
    left_empty: list[CellNote] = field(default_factory=list)
    date_columns: list[DateColumn] = field(default_factory=list)
    layout_notes: list[str] = field(default_factory=list)  # e.g. a known column missing
    bots: int = 0  # note-taker bots (Otter.ai and the like): not people
    meeting_title: str = ""  # the report's Topic / Meeting title, if it has one
    # The report's start as written: naive local wall time (read in the series' home
    # zone, like every date of the file) unless the file states an offset.
    meeting_start: datetime | None = None
    sheet: str = ""  # the workbook sheet read ('' for CSV)
    # A checkbox question naming sessions ("Which sessions will you attend?"): its
    # heading, and its answers in the order first met; each row's are in ImportRow.sessions.
    sessions_heading: str = ""
    session_choices: list[str] = field(default_factory=list)

    def choosing(self, choice: str) -> ParsedFile:
        """The file as seen by one session: only the rows whose answer names choice."""
        return replace(self, rows=[row for row in self.rows if choice in row.sessions])


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
    # The same file (same digest) already imported into the session and not undone: an
    # import answers with this at once instead of importing again (unless forced).
    already_imported: BatchRow | None = None

    @property
    def already_imported_note(self) -> str:
        """'… was already imported on 3 Sep 2026 as batch 12 …', or '' when it was not."""
        batch = self.already_imported
        if batch is None:
            return ""
        when = batch.imported_at.astimezone()  # shown in this computer's time
        what = (
            "importing it again would change what follows"
            if self.dry_run
            else ("nothing was imported")
        )
        return (
            f"{self.file_name} was already imported into this session on "
            f"{when.day} {when:%b %Y} as batch {batch.id}; {what}"
        )

    left_empty: tuple[CellNote, ...] = ()
    date_columns: tuple[DateColumn, ...] = ()
    layout_notes: tuple[str, ...] = ()
    bots: int = 0

    @property
    def nobody(self) -> bool:
        """True when no row of the file names a person this import could take."""
        return self.registrations == 0

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
            "already_imported": None
            if self.already_imported is None
            else {
                "batch": self.already_imported.id,
                "imported_at": self.already_imported.imported_at.isoformat(),
            },
            "left_empty": [
                {"row": n.line, "column": n.column, "value": n.value, "reason": n.reason}
                for n in self.left_empty
            ],
            "date_columns": [
                {"column": d.heading, "order": d.order, "ambiguous": d.ambiguous}
                for d in self.date_columns
            ],
            "layout_notes": list(self.layout_notes),
            "bots": self.bots,
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
    # The other batches of the same file imported at once into other sessions (a checkbox
    # question naming sessions): they are undone together.
    together: tuple[int, ...] = ()


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
    sheets: tuple[str, ...] = ()  # a workbook's sheets (parsed.sheet is the one read)
