"""Microsoft Teams attendance reports: the sectioned layout (1. Summary, 2. Participants,
3. In-Meeting Activities), the 2021 one-table layout, and the older event list
(Full Name / User Action / Timestamp)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from desktop_app.domain.date_columns import read_column
from desktop_app.domain.dates import DATE_ORDERS, MONTH_FIRST
from desktop_app.domain.import_rows import CellNote, DateColumn, ImportRow, ParsedFile, Skip
from desktop_app.domain.people import is_normalised_email, normalise_email, split_full_name
from desktop_app.io.columns import map_columns, normalise_heading
from desktop_app.io.formats.layout import ParseOptions, Sniff, find_header, read_dates
from desktop_app.io.formats.meeting import read_meeting
from desktop_app.io.formats.people import (
    data_indexes,
    is_bot,
    keep_speakers_apart,
)
from desktop_app.io.formats.people_reader import read_people
from desktop_app.io.formats.values import MISSING, minutes_of
from desktop_app.io.refusal import ImportRefused
from desktop_app.io.table_reader import RawTable

_SECTIONS = {
    "summary": "summary",
    "participants": "participants",
    "in meeting activities": "activities",
}
_NUMBERED = re.compile(r"\d+ ")
_EVENTS = frozenset({"full name", "user action", "timestamp"})
# Organisers and presenters are the session's speakers, never its registrants.
_ROLES = {"organizer": "host", "organiser": "host", "co organizer": "host", "presenter": "panelist"}


def is_teams(found: Sniff) -> bool:
    """A Teams attendance report: its numbered sections, its summary, or its event list."""
    titles = {"1 summary", "2 participants", "meeting summary"}
    return bool(titles & set(found.firsts)) or any(keys >= _EVENTS for keys in found.keys)


def section_title(row: list[str]) -> str | None:
    """The section a row opens ('participants'...), or None."""
    if not row or not row[0] or any(row[1:]):
        return None
    key = normalise_heading(row[0])
    return _SECTIONS.get(_NUMBERED.sub("", key, count=1) if key[:1].isdigit() else key)


def _columns(header: list[str]) -> tuple[dict[int, str], int | None]:
    """The fields of a Teams table's columns, and the Role column apart (not a job title)."""
    columns = map_columns(header)
    keys = [normalise_heading(h) for h in header]
    role = keys.index("role") if "role" in keys else None
    if role is not None:
        columns.pop(role, None)
    return columns, role


def parse_teams(table: RawTable, options: ParseOptions) -> ParsedFile:
    """Attendees with an email become registrants who attended; organisers and presenters
    go to the speakers; people without an email are counted as other attended."""
    rows = table.rows
    for index, row in enumerate(rows[:30]):
        if {normalise_heading(cell) for cell in row} >= _EVENTS:
            return _parse_events(table, index, options)
    titles = [(kind, i) for i, row in enumerate(rows) if (kind := section_title(row))]
    tables: dict[str, tuple[int, list[int]]] = {}
    for number, (kind, at) in enumerate(titles):
        end = titles[number + 1][1] if number + 1 < len(titles) else len(rows)
        header_at = next((i for i in range(at + 1, end) if any(rows[i])), None)
        if kind != "summary" and header_at is not None:
            tables[kind] = (header_at, data_indexes(rows, header_at + 1, end))
    if "participants" not in tables:  # the 2021 layout: a summary, then one table
        header_at = find_header(rows)
        if header_at is None:
            raise ImportRefused(
                f"{table.name} looks like a Teams attendance report but has no participant "
                "list with an Email column; download the attendance report again from the "
                "meeting's Attendance tab"
            )
        tables["participants"] = (header_at, data_indexes(rows, header_at + 1, len(rows)))
    at, indexes = tables["participants"]
    columns, role = _columns(rows[at])
    if "email" not in columns.values():
        raise ImportRefused(
            f"{table.name}: the participant list (line {at + 1}) has no Email column; "
            "download the attendance report again"
        )
    parsed = ParsedFile(table.name, "teams", at + 1, rows[at], columns, sheet=table.sheet)
    if role is None:
        parsed.layout_notes.append(
            "This Teams report has no 'Role' column, so organisers and presenters cannot "
            "be told from attendees: everyone is taken as an attendee."
        )
    # Minutes are summed over the activity rows when the report has them (one row per
    # join); participants missing from them keep their own totals.
    people: list[tuple[list[int], dict[int, str], int | None, list[str]]] = []
    others = _split(rows, indexes, columns)
    if "activities" in tables:
        act_at, act_indexes = tables["activities"]
        act_columns, act_role = _columns(rows[act_at])
        if "email" in act_columns.values():
            act_people, act_others = _split(rows, act_indexes, act_columns)
            emails = {_email(rows[i], act_columns) for i in act_people}
            own = [i for i in others[0] if _email(rows[i], columns) not in emails]
            people.append((act_people, act_columns, act_role, rows[act_at]))
            others = (own, others[1] if others[1] else act_others)
    people.append((others[0], columns, role, rows[at]))
    dates = read_dates(parsed, rows, [(p[0], p[1]) for p in people], options, MONTH_FIRST)
    for group, group_columns, group_role, header in people:
        for section, members in _by_role(rows, group, group_role).items():
            read_people(parsed, rows, members, group_columns, section, dates, header)
    _count_others(parsed, rows, others[1], columns)
    keep_speakers_apart(parsed)
    reading = dates.get("join_time")
    read_meeting(parsed, rows, at, reading.order if reading else MONTH_FIRST)
    return parsed


def _email(row: list[str], columns: dict[int, str]) -> str:
    """The row's email, normalised ('' when the row is short)."""
    index = next(i for i, f in columns.items() if f == "email")
    return normalise_email(row[index]) if index < len(row) else ""


def _split(
    rows: list[list[str]], indexes: list[int], columns: dict[int, str]
) -> tuple[list[int], list[int]]:
    """(rows with an email, rows without one: guests and phone callers)."""
    with_email: list[int] = []
    without: list[int] = []
    for index in indexes:
        (with_email if _email(rows[index], columns) not in MISSING else without).append(index)
    return with_email, without


def _by_role(
    rows: list[list[str]], indexes: Sequence[int], role: int | None
) -> dict[str, list[int]]:
    """Row indexes grouped by the section their Role puts them in."""
    groups: dict[str, list[int]] = {}
    for index in indexes:
        row = rows[index]
        text = normalise_heading(row[role]) if role is not None and role < len(row) else ""
        groups.setdefault(_ROLES.get(text, "attendee"), []).append(index)
    return groups


def _count_others(
    parsed: ParsedFile, rows: list[list[str]], indexes: list[int], columns: dict[int, str]
) -> None:
    """People without an email: counted once per name, with their minutes; bots apart."""
    where = {f: i for i, f in columns.items()}
    name_at, minutes_at = where.get("full_name"), where.get("minutes")
    names: set[str] = set()
    parsed.data_rows += len(indexes)
    for index in indexes:
        row = rows[index]
        name = row[name_at] if name_at is not None and name_at < len(row) else ""
        if is_bot(name):
            parsed.bots += 1
            continue
        if name.casefold() not in names or not name:
            parsed.other_attended += 1
            names.add(name.casefold())
        text = row[minutes_at] if minutes_at is not None and minutes_at < len(row) else ""
        parsed.other_minutes += minutes_of(text)[0] or 0


def _parse_events(table: RawTable, header_at: int, options: ParseOptions) -> ParsedFile:
    """The old event list: one row per join or leave; each person's minutes are the time
    between their joins and leaves (a join never left ends with the list)."""
    rows, header = table.rows, table.rows[header_at]
    keys = [normalise_heading(h) for h in header]
    name_at, action_at, time_at = (keys.index(k) for k in ("full name", "user action", "timestamp"))
    email_at = next((i for i, f in map_columns(header).items() if f == "email"), None)
    role_at = keys.index("role") if "role" in keys else None
    columns = {name_at: "full_name", time_at: "join_time"}
    if email_at is not None:
        columns[email_at] = "email"
    parsed = ParsedFile(table.name, "teams", header_at + 1, header, columns, sheet=table.sheet)
    indexes = data_indexes(rows, header_at + 1, len(rows))
    parsed.data_rows = len(indexes)
    order = options.date_orders.get(time_at)
    if order is not None and order not in DATE_ORDERS:
        raise ImportRefused(f"{table.name}: '{order}' is not a date order")
    reading = read_column((_at(rows[i], time_at) for i in indexes), order, MONTH_FIRST)
    parsed.date_columns.append(
        DateColumn(
            time_at,
            header[time_at],
            reading.order,
            reading.ambiguous,
            reading.settled_by,
            order is not None,
        )
    )
    # Sorted on wall time (a file mixing offsets and none must not stop the import).
    events: dict[tuple[str, str], list[tuple[datetime, str, int, datetime]]] = {}
    roles: dict[tuple[str, str], str] = {}
    for index in indexes:
        row = rows[index]
        stamp, action = _at(row, time_at), normalise_heading(_at(row, action_at))
        moment = reading.values.get(stamp)
        if moment is None:
            why = reading.errors.get(stamp, "is not a date")
            parsed.left_empty.append(CellNote(index + 1, header[time_at], stamp, why))
            continue
        if action not in ("joined", "joined before", "left"):
            parsed.left_empty.append(
                CellNote(index + 1, header[action_at], _at(row, action_at), "is not Joined or Left")
            )
            continue
        email = normalise_email(_at(row, email_at)) if email_at is not None else ""
        person = (email if email not in MISSING else "", _at(row, name_at))
        events.setdefault(person, []).append(
            (moment.replace(tzinfo=None), action, index + 1, moment)
        )
        if role_at is not None:
            roles.setdefault(person, _ROLES.get(normalise_heading(_at(row, role_at)), "attendee"))
    end = max((e[0] for person in events.values() for e in person), default=None)
    for (email, name), happened in events.items():
        happened.sort()
        seconds, opened, first_join, last_leave = 0.0, None, None, None
        for moment, action, _, written in happened:
            if action != "left":
                opened = opened or moment
                first_join = first_join or written
            elif opened is not None:
                seconds += (moment - opened).total_seconds()
                opened, last_leave = None, written
        if opened is not None and end is not None:
            seconds += (end - opened).total_seconds()
        minutes = round(seconds / 60)
        line = happened[0][2]
        if is_bot(name, email):
            parsed.bots += 1
        elif not email:
            parsed.other_attended += 1
            parsed.other_minutes += minutes
        elif not is_normalised_email(email):
            parsed.skipped.append(Skip(line, f"'{email}' is not an email address"))
        else:
            first, last = split_full_name(name)
            section = roles.get((email, name), "attendee")
            parsed.rows.append(
                ImportRow(
                    line,
                    section,
                    email,
                    first,
                    last,
                    attended=True,
                    join_time=first_join,
                    leave_time=last_leave,
                    minutes=minutes,
                )
            )
    keep_speakers_apart(parsed)
    return parsed


def _at(row: list[str], index: int | None) -> str:
    """The cell at index, or '' when the column is missing or the row short."""
    return row[index] if index is not None and index < len(row) else ""
