"""The import formats this app reads, as one registry: name, label, detector and parser."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.domain.cycle_collection import without_cycle_collection
from desktop_app.domain.import_rows import ParsedFile
from desktop_app.io.formats.layout import ParseOptions, Sniff, sniff
from desktop_app.io.formats.single_header import (
    is_eventbrite,
    is_google_forms,
    is_zoom_registrations,
    parse_single_header,
)
from desktop_app.io.formats.teams import is_teams, parse_teams
from desktop_app.io.formats.teams import section_title as teams_section
from desktop_app.io.formats.zoom import (
    ZOOM_SECTIONS,
    is_zoom_attendees,
    parse_zoom_attendees,
)
from desktop_app.io.formats.zoom import section_title as zoom_section
from desktop_app.io.refusal import ImportRefused
from desktop_app.io.table_reader import RawTable

__all__ = [
    "FORMATS",
    "PREVIEW_ROWS",
    "ZOOM_SECTIONS",
    "ImportFormat",
    "ParseOptions",
    "detect_format",
    "first_rows",
    "format_by_name",
    "mapping_editable",
    "parse_table",
]
PREVIEW_ROWS = 20


@dataclass(frozen=True)
class ImportFormat:
    """One kind of export the app reads.

    detect tells from a table's first rows whether it is this format; parse turns the
    table into a ParsedFile; mapping_editable says whether the user may re-map columns
    (formats with several sections fix their own columns).
    """

    name: str
    label: str
    detect: Callable[[Sniff], bool]
    parse: Callable[[RawTable, ParseOptions], ParsedFile]
    mapping_editable: bool


def _single(name: str) -> Callable[[RawTable, ParseOptions], ParsedFile]:
    """The parser of a one-header format, which records its own name."""
    return lambda table, options: parse_single_header(table, name, options)


# Detection tries these in order: the generic table, which takes anything, comes last.
FORMATS: tuple[ImportFormat, ...] = (
    ImportFormat(
        "zoom-attendees",
        "Zoom webinar attendee report",
        is_zoom_attendees,
        parse_zoom_attendees,
        mapping_editable=False,
    ),
    ImportFormat(
        "teams",
        "Microsoft Teams attendance report",
        is_teams,
        parse_teams,
        mapping_editable=False,
    ),
    ImportFormat(
        "zoom-registrations",
        "Zoom webinar registration report",
        is_zoom_registrations,
        _single("zoom-registrations"),
        mapping_editable=True,
    ),
    ImportFormat(
        "eventbrite",
        "Eventbrite attendee export",
        is_eventbrite,
        _single("eventbrite"),
        mapping_editable=True,
    ),
    ImportFormat(
        "google-forms",
        "Google Forms responses",
        is_google_forms,
        _single("google-forms"),
        mapping_editable=True,
    ),
    ImportFormat(
        "generic",
        "Spreadsheet with a header row",
        lambda found: True,
        _single("generic"),
        mapping_editable=True,
    ),
)
_BY_NAME = {f.name: f for f in FORMATS}


def format_by_name(name: str) -> ImportFormat:
    """The format called name; ImportRefused naming the formats there are otherwise."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ImportRefused(
            f"'{name}' is not a format this app reads; use one of {', '.join(_BY_NAME)}"
        ) from None


def detect_format(table: RawTable) -> str:
    """The name of the most likely format of a table."""
    found = sniff(table)
    return next(f.name for f in FORMATS if f.detect(found))


def parse_table(
    table: RawTable,
    format_name: str | None = None,
    columns: dict[int, str] | None = None,
    date_orders: dict[int, str] | None = None,
) -> ParsedFile:
    """Parse a table in the given (or detected) format; ImportRefused if it has no people.

    columns, for formats whose mapping is editable, replaces the recognised mapping
    (column index -> field). date_orders (column index -> dates.MONTH_FIRST or
    dates.DAY_FIRST) overrides the order decided from a date column's values; the
    ParsedFile's date_columns say which order each date column was read in and whether
    its values left it ambiguous.
    """
    chosen = format_by_name(format_name or detect_format(table))
    with without_cycle_collection():  # a row object per row, and no cycles
        return chosen.parse(table, ParseOptions(columns, dict(date_orders or {})))


def mapping_editable(format_name: str) -> bool:
    """False where the format's own layout fixes which column holds what."""
    return format_by_name(format_name).mapping_editable


def first_rows(table: RawTable, parsed: ParsedFile, limit: int = PREVIEW_ROWS) -> list[list[str]]:
    """The data rows after the people's header, up to the next section title or the limit."""
    shown: list[list[str]] = []
    for row in table.rows[parsed.header_line :]:
        if zoom_section(row) or teams_section(row):
            break
        if any(row):
            shown.append(row)
        if len(shown) == limit:
            break
    return shown
