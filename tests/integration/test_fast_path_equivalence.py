"""The fast import and export paths write exactly what the first (slow) paths wrote.

The golden files in tests/golden/ were captured from the code before the fast paths
(commit 6d59043): for imports, the parsed rows fed in (so a parser change does not move
them), the reports and every row of registrants, registrations and import_batches (undo
logs included) after a sequence of imports and undos; for exports, every cell of the demo
database's workbooks and CSV files. Set WEBINAR_DESK_GOLDEN=write to capture them again,
only when a change of what is written is intended (and say so in the commit).
"""

from __future__ import annotations

import csv
import gzip
import json
import os
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import text

from desktop_app.bootstrap import App
from desktop_app.domain.enums import ApprovalStatus, Consent
from desktop_app.domain.export_profile import everything_profile, partner_profile
from desktop_app.domain.import_rows import ImportRow, ParsedFile, Skip
from desktop_app.io.formats import parse_table
from desktop_app.io.table_reader import read_table
from desktop_app.services import exports, imports, sessions

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
WRITE = os.environ.get("WEBINAR_DESK_GOLDEN") == "write"
# Instants from this test run (the demo's load included) are masked as "<now>".
LOADED = datetime.now(UTC) - timedelta(minutes=5)
TABLES = ("registrants", "registrations", "import_batches")

# (fixture, session index) in order; "later" is built from the database (updates, conflicts).
IMPORTS: list[tuple[str, int]] = [
    ("zoom/attendee-report-2020-anonymized.csv", 1),
    ("imports/zoom-attendees-2026.csv", 1),
    ("imports/zoom-registrations.csv", 2),
    ("imports/eventbrite.csv", 1),
    ("imports/Form Responses 1.csv", 1),
    ("zoom/attendee-report-2020-anonymized.csv", 1),  # again: nothing changes
    ("imports/Form Responses 1.csv", 2),  # known people, new registrations
    ("imports/zoom-registrations.csv", 0),
    ("later", 1),
    ("later-registrations", 2),
]
UNDO_STEPS = (8, 0)  # undo "later", then the first import


# Helpers -------------------------------------------------------------------------------------


def _load(name: str) -> Any:
    with gzip.open(GOLDEN / name, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def _save(name: str, data: Any) -> None:
    GOLDEN.mkdir(exist_ok=True)
    # mtime=0 keeps the compressed bytes the same for the same content.
    with (
        open(GOLDEN / name, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as zipped,
    ):
        zipped.write(json.dumps(data, indent=0, ensure_ascii=False, sort_keys=True).encode())


def _first_difference(old: Any, new: Any, where: str = "") -> str | None:
    """Where two JSON-like values first differ, for a readable failure."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            if key not in old or key not in new:
                return f"{where}/{key}: only in {'new' if key in new else 'old'}"
            found = _first_difference(old[key], new[key], f"{where}/{key}")
            if found:
                return found
        return None
    if isinstance(old, list) and isinstance(new, list):
        for n, (a, b) in enumerate(zip(old, new, strict=False)):
            found = _first_difference(a, b, f"{where}[{n}]")
            if found:
                return found
        if len(old) != len(new):
            return f"{where}: {len(old)} items before, {len(new)} now"
        return None
    return None if old == new else f"{where}: {old!r} before, {new!r} now"


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, bytes):
        return value.decode()
    return value


# Imports -------------------------------------------------------------------------------------


def _parsed_to_json(parsed: ParsedFile) -> dict[str, Any]:
    names = [f.name for f in fields(ImportRow)]
    return {
        "name": parsed.name,
        "format": parsed.format,
        "header_line": parsed.header_line,
        "header": parsed.header,
        "columns": {str(k): v for k, v in parsed.columns.items()},
        "rows": [
            {n: _jsonable(getattr(row, n)) for n in names if getattr(row, n) not in (None, "")}
            for row in parsed.rows
        ],
        "skipped": [[s.line, s.reason] for s in parsed.skipped],
        "data_rows": parsed.data_rows,
        "other_attended": parsed.other_attended,
        "other_minutes": parsed.other_minutes,
    }


def _parsed_from_json(data: dict[str, Any]) -> ParsedFile:
    def row(values: dict[str, Any]) -> ImportRow:
        out: dict[str, Any] = {}
        for name, value in values.items():
            if isinstance(value, dict):
                value = datetime.fromisoformat(value["datetime"])
            elif name == "consent":
                value = Consent(value)
            elif name == "approval":
                value = ApprovalStatus(value)
            out[name] = value
        return ImportRow(**out)

    return ParsedFile(
        name=data["name"],
        format=data["format"],
        header_line=data["header_line"],
        header=data["header"],
        columns={int(k): v for k, v in data["columns"].items()},
        rows=[row(r) for r in data["rows"]],
        skipped=[Skip(line, reason) for line, reason in data["skipped"]],
        data_rows=data["data_rows"],
        other_attended=data["other_attended"],
        other_minutes=data["other_minutes"],
    )


def _later_file(app: App, fixture: str, tmp_path: Path) -> Path:
    """A partner file that changes known people: fields, consent both ways, blanks."""
    with app.engine.connect() as connection:
        demo = connection.execute(
            text("SELECT email FROM registrants ORDER BY id LIMIT 12")
        ).scalars()
        zoom = connection.execute(
            text("SELECT email FROM registrants WHERE email LIKE 'attendee%' ORDER BY id LIMIT 8")
        ).scalars()
        emails = [*demo, *zoom]
    path = tmp_path / f"{fixture}.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        if fixture == "later":
            writer.writerow(
                ["Email", "First Name", "Organisation", "City", "Consent to share", "Sector"]
            )
            answers = ["Yes", "No", "", "Maybe"]
            for n, email in enumerate(emails):
                writer.writerow(
                    [
                        email.upper() if n % 3 == 0 else email,
                        f"Renamed{n}" if n % 2 else "",
                        f"New Org {n % 5}",
                        "",
                        answers[n % 4],
                        "Public" if n % 4 == 1 else "",
                    ]
                )
            writer.writerow([emails[0], "Twice", "", "Accra", "No", ""])
        else:
            writer.writerow(["Email", "Registration Time", "Status", "Attended", "Minutes"])
            for n, email in enumerate(emails):
                writer.writerow(
                    [
                        email,
                        f"2021-08-0{1 + n % 5} 1{n % 10}:15:00",
                        ["approved", "pending", "cancelled", ""][n % 4],
                        ["Yes", "No", ""][n % 3],
                        str(n * 7) if n % 3 == 0 else "",
                    ]
                )
    return path


def _dump(app: App, started: datetime, ended: datetime) -> dict[str, Any]:
    """Every row of the import tables; instants taken during the run become '<now>'."""

    def cell(value: Any) -> Any:
        # A server hands back typed values; SQLite (where the golden files were written)
        # text and integers: compare in SQLite's terms.
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, datetime):
            value = value.isoformat(" ", "microseconds")
        if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == " ":
            try:
                moment = datetime.fromisoformat(value).replace(tzinfo=UTC)
            except ValueError:
                return value
            if started <= moment <= ended:
                return "<now>"
        return value

    def undo_log(raw: str | dict[str, Any]) -> Any:
        log = json.loads(raw) if isinstance(raw, str) else raw
        for key in ("updated_registrants", "updated_registrations"):
            for values in log.get(key, {}).values():
                for name, value in values.items():
                    if isinstance(value, str) and value[:2] == "20" and "T" in value:
                        moment = datetime.fromisoformat(value)
                        if started <= moment <= ended:
                            values[name] = "<now>"
        return log

    with app.engine.connect() as connection:
        result: dict[str, Any] = {}
        for table in TABLES:
            rows = connection.execute(text(f"SELECT * FROM {table} ORDER BY id")).mappings()
            result[table] = [
                {k: (undo_log(v) if k == "undo_log" else cell(v)) for k, v in row.items()}
                for row in rows
            ]
    return result


def _import_scenario(demo_app: App, tmp_path: Path) -> dict[str, Any]:
    golden = None if WRITE else _load("imports.json.gz")
    steps = []
    ids = [s.id for s in sessions.list_sessions(demo_app.uow())]
    batches: list[int | None] = []
    for number, (fixture, session_index) in enumerate(IMPORTS):
        if golden is not None:
            parsed_json = golden["steps"][number]["parsed"]
            digest = golden["steps"][number]["digest"]
        else:
            if fixture.startswith("later"):
                path = _later_file(demo_app, fixture, tmp_path)
            else:
                path = FIXTURES / fixture
            table = read_table(path)
            parsed_json = _parsed_to_json(parse_table(table))
            digest = table.sha256
        # force: the first path had no "already imported" answer; it planned every file.
        report = imports.import_parsed(
            demo_app.uow(),
            _parsed_from_json(parsed_json),
            digest,
            ids[session_index],
            force=True,
        )
        batches.append(report.batch_id)
        answer = report.as_json()
        assert answer.pop("already_imported") is None  # a key the first path did not have
        steps.append({"parsed": parsed_json, "digest": digest, "report": answer})
    for step in UNDO_STEPS:
        batch = batches[step]
        assert batch is not None
        imports.undo_import(demo_app.uow(), batch)
    ended = datetime.now(UTC) + timedelta(seconds=1)
    return {"steps": steps, "dump": _dump(demo_app, LOADED, ended)}


def test_imports_write_what_the_first_path_wrote(demo_app: App, tmp_path: Path) -> None:
    now = _import_scenario(demo_app, tmp_path)
    if WRITE:
        _save("imports.json.gz", now)
    before = _load("imports.json.gz")
    assert before["steps"][0]["report"]["registrants_created"] == 469
    assert len(before["dump"]["import_batches"]) >= 8
    # Columns and report keys added since the capture (later migrations, new notes) are
    # not part of what the first path wrote: compare what it knew.
    for step_before, step_now in zip(before["steps"], now["steps"], strict=True):
        step_now["report"] = {k: step_now["report"][k] for k in step_before["report"]}
    for table in TABLES:
        known = set(before["dump"][table][0])
        now["dump"][table] = [
            {k: v for k, v in row.items() if k in known} for row in now["dump"][table]
        ]
    for row_before, row_now in zip(
        before["dump"]["import_batches"], now["dump"]["import_batches"], strict=False
    ):  # undo-log entries added since (the versions an import left records at)
        row_now["undo_log"] = {
            k: v for k, v in row_now["undo_log"].items() if k in row_before["undo_log"]
        }
    difference = _first_difference(before, now)
    assert difference is None, difference


# Exports -------------------------------------------------------------------------------------


def _cell_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    return value


def _workbook_json(path: Path) -> dict[str, Any]:
    """Every sheet's values and types, number formats, widths, freeze, filter, bold rows."""
    workbook = load_workbook(path)
    sheets: dict[str, Any] = {}
    for sheet in workbook.worksheets:
        rows = []
        formats: dict[str, str] = {}
        bold_rows = set()
        for row in sheet.iter_rows():
            rows.append([[_cell_json(c.value), c.data_type] for c in row])
            for c in row:
                if c.number_format != "General" and c.value is not None:
                    formats[c.coordinate] = c.number_format
                if c.font.bold and c.value is not None:
                    bold_rows.add(c.row)
        sheets[sheet.title] = {
            "rows": rows,
            "formats": formats,
            "bold_rows": sorted(bold_rows),
            "freeze": sheet.freeze_panes,
            "filter": sheet.auto_filter.ref,
            # Per column, whether written one by one or as a range of equal columns.
            "widths": {
                get_column_letter(n): int(d.width)
                for d in sheet.column_dimensions.values()
                if d.width
                for n in range(d.min, d.max + 1)
            },
        }
    return {"sheet_names": workbook.sheetnames, "sheets": sheets}


def _summary_masked(book: dict[str, Any]) -> None:
    """The Summary's moment and login name differ per run."""
    for row in book["sheets"]["Summary"]["rows"]:
        if row and row[0][0] in ("Exported at (this computer's time)", "Exported by"):
            row[1] = ["<varies>", row[1][1]]


def _export_profiles() -> list[tuple[str, Any]]:
    partner = replace(
        partner_profile("Partners"),
        columns=(
            ("email", "E-mail"),
            ("last_name", "Surname"),
            ("registered_at", "Signed up"),
            ("minutes", "Minutes"),
            ("first_name", "Given name"),
            ("consent", "Consent"),
            ("attended", "Came?"),
        ),
        people="attended",
        include_unknown_consent=True,
        session_ids=(2, 3, 4),
    )
    domains = replace(
        partner_profile("Cities"), organisations=("City",), email_domains=("gov.example",)
    )
    return [("everything", everything_profile()), ("partner", partner), ("cities", domains)]


def _export_scenario(demo_app: App, tmp_path: Path) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, profile in _export_profiles():
        for suffix in (".xlsx", ".csv"):
            target = tmp_path / f"{name}{suffix}"
            exports.export_registrants(demo_app.uow(), 1, profile, target)
            if suffix == ".xlsx":
                book = _workbook_json(target)
                _summary_masked(book)
                result[f"{name}{suffix}"] = book
            else:
                result[f"{name}{suffix}"] = target.read_bytes().decode("utf-8")
    one = tmp_path / "one-session.xlsx"
    kickoff = sessions.list_sessions(demo_app.uow())[0].id
    exports.export_registrants(demo_app.uow(), 1, everything_profile(), one, session_id=kickoff)
    book = _workbook_json(one)
    _summary_masked(book)
    result["one-session.xlsx"] = book
    return result


def _blank_cells_alike(book: Any) -> None:
    """An empty cell is empty whether written as an empty string (openpyxl) or not at all
    (xlsxwriter): no value, no type."""
    if isinstance(book, dict):
        for sheet in book.get("sheets", {}).values():
            for row in sheet["rows"]:
                for cell in row:
                    if cell[0] is None:
                        cell[1] = "blank"


def _without_internal_line(summary: dict[str, Any]) -> None:
    """Take out the "INTERNAL" line that profiles without consent have had since issue 12
    (row 2), moving what is below it up a row."""
    internal = [n for n, row in enumerate(summary["rows"], start=1) if row[0][0] == "INTERNAL"]
    if not internal:
        return
    (line,) = internal
    del summary["rows"][line - 1]
    summary["bold_rows"] = [n - (n > line) for n in summary["bold_rows"] if n != line]
    formats = {}
    for coordinate, number_format in summary["formats"].items():
        column, row = coordinate[0], int(coordinate[1:])
        formats[f"{column}{row - (row > line)}"] = number_format
    summary["formats"] = formats


def _summary_as_first_written(book: Any) -> list[str]:
    """The Summary's columns A to E as the first path wrote them; column F ("12 of 178
    registrants are in this file", issue 11) is new and returned apart."""
    if not isinstance(book, dict):
        return []
    summary = book["sheets"]["Summary"]
    _without_internal_line(summary)
    added = [row[5][0] for row in summary["rows"] if len(row) > 5 and row[5][0] is not None]
    summary["rows"] = [row[:5] for row in summary["rows"]]
    summary["widths"].pop("F", None)
    return added


def test_exports_write_what_the_first_path_wrote(demo_app: App, tmp_path: Path) -> None:
    now = _export_scenario(demo_app, tmp_path)
    if WRITE:
        _save("exports.json.gz", now)
    before = _load("exports.json.gz")
    assert len(before["everything.xlsx"]["sheets"]["All registrants"]["rows"]) == 321
    for book in (*before.values(), *now.values()):
        _blank_cells_alike(book)
    # "In this file" counts the rows of each session's sheet, out of its registrants.
    partner = before["partner.xlsx"]["sheets"]
    registered = [row[2][0] for row in partner["Summary"]["rows"][12:]]
    in_sheets = [len(partner[name]["rows"]) - 1 for name in list(partner)[:3]]
    assert (registered, in_sheets) == ([161, 178, 175], [121, 117, 111])  # sheets A-Z here
    assert _summary_as_first_written(now["partner.xlsx"]) == [
        "In this file",
        "111 of 161 registrants are in this file",
        "121 of 178 registrants are in this file",
        "117 of 175 registrants are in this file",
    ]
    for name in now:
        _summary_as_first_written(now[name])
    difference = _first_difference(before, now)
    assert difference is None, difference
