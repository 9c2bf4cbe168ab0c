"""Values that cannot be read are left empty with a note, never lose the person; the notes
reach the report, the CLI and --json; date orders and sheets can be chosen."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop_app.bootstrap import App
from desktop_app.domain.dates import DAY_FIRST, MONTH_FIRST
from desktop_app.domain.errors import UserError
from desktop_app.io.formats import parse_table
from desktop_app.io.table_reader import read_table
from desktop_app.services import imports, registrants
from tests.integration.test_cli import run
from tests.integration.test_imports import dump, session_id, write

BAD = (
    "Email,Registration Time,Join Time,Time in Session (minutes),Consent to share\n"
    "a@bad.example,9999-12-31 23:59:59,0001-01-01T00:00:00+05:00,inf,Yes\n"
    "b@bad.example,2026-10-01 09:00,2026-10-07 13:00,1e400,Perhaps\n"
    "c@bad.example,31/31/26,not a time,99999999999999999999,No\n"
    "d@bad.example,2026-10-01 09:00 XYZ,,-5,\n"
)


def test_unreadable_values_are_left_empty_and_everyone_is_imported(
    demo_app: App, tmp_path: Path
) -> None:
    report = imports.import_file(
        demo_app.uow(), write(tmp_path, "bad.csv", BAD), session_id(demo_app)
    )
    assert report.registrations == 4 and report.skipped == ()
    assert [str(n) for n in report.left_empty] == [
        "row 2, Registration Time: '9999-12-31 23:59:59' is outside the years 1900–2199; "
        "left empty",
        "row 2, Join Time: '0001-01-01T00:00:00+05:00' is outside the years 1900–2199; left empty",
        "row 2, Time in Session (minutes): 'inf' is not a number of minutes; left empty",
        "row 3, Time in Session (minutes): '1e400' is not a number of minutes; left empty",
        "row 3, Consent to share: 'Perhaps' is not a yes or no answer; left empty",
        "row 4, Registration Time: '31/31/26' is not a date; left empty",
        "row 4, Join Time: 'not a time' is not a date in a style this app knows; left empty",
        "row 4, Time in Session (minutes): '99999999999999999999' minutes is more than a "
        "week (10,080 minutes); left empty",
        "row 5, Registration Time: '2026-10-01 09:00 XYZ' names a time zone ('XYZ') this "
        "app does not know; left empty",
        "row 5, Time in Session (minutes): '-5' is a negative number of minutes; left empty",
    ]
    a = registrants.find_by_email(demo_app.uow(), "a@bad.example")
    assert a is not None and a.consent == "yes"
    [registration] = registrants.list_registrations(demo_app.uow(), registrant_id=a.id)
    assert registration.registered_at is None and registration.first_join is None
    b = registrants.find_by_email(demo_app.uow(), "b@bad.example")
    assert b is not None
    [registration] = registrants.list_registrations(demo_app.uow(), registrant_id=b.id)
    assert registration.first_join == datetime(2026, 10, 7, 20, 0, tzinfo=UTC)
    assert registration.attended and registration.minutes == 0


def test_the_cli_lists_what_was_left_empty(demo_app: App, tmp_path: Path) -> None:
    demo_app.close()
    path = write(tmp_path, "bad.csv", BAD)
    text = run("import", str(path), "--session", "2", "--dry-run", db=demo_app.url)
    assert text.returncode == 0, text.stderr
    assert "Left empty: row 4, Registration Time: '31/31/26' is not a date; left empty" in (
        text.stdout
    )
    data = json.loads(run("import", str(path), "--session", "2", "--json", db=demo_app.url).stdout)
    assert len(data["left_empty"]) == 10
    assert data["left_empty"][5] == {
        "row": 4,
        "column": "Registration Time",
        "value": "31/31/26",
        "reason": "is not a date",
    }
    assert data["registrants_created"] == 4


def test_a_file_whose_every_row_is_skipped_says_so(demo_app: App, tmp_path: Path) -> None:
    content = "Email,Name\nnot-an-email,Ann\n,Bo\n"
    path = write(tmp_path, "nobody.csv", content)
    report = imports.import_file(demo_app.uow(), path, session_id(demo_app), dry_run=True)
    assert report.nobody and len(report.skipped) == 2
    demo_app.close()
    result = run("import", str(path), "--session", "2", db=demo_app.url)
    assert "Nobody to import" in result.stdout
    assert "already in the database" not in result.stdout


def test_the_date_order_of_a_column_can_be_switched(demo_app: App, tmp_path: Path) -> None:
    content = "Email,Registered\nann@x.example,05/06/2026\nbo@x.example,06/06/2026\n"
    path = write(tmp_path, "dates.csv", content)
    parsed = parse_table(read_table(path))
    [column] = parsed.date_columns
    assert (column.index, column.order, column.ambiguous, column.chosen) == (
        1,
        MONTH_FIRST,
        True,
        False,
    )
    assert "switch it" in column.describe()
    switched = parse_table(read_table(path), date_orders={1: DAY_FIRST})
    assert (switched.date_columns[0].order, switched.date_columns[0].chosen) == (DAY_FIRST, True)
    assert switched.rows[0].registered_at == datetime(2026, 6, 5)
    preview = imports.preview_import(
        demo_app.uow(), path, session_id(demo_app), date_orders={1: DAY_FIRST}
    )
    assert preview.parsed.date_columns[0].chosen
    imports.import_previewed(demo_app.uow(), preview)
    ann = registrants.find_by_email(demo_app.uow(), "ann@x.example")
    assert ann is not None
    [registration] = registrants.list_registrations(demo_app.uow(), registrant_id=ann.id)
    assert registration.registered_at == datetime(2026, 6, 5, 7, 0, tzinfo=UTC)
    with pytest.raises(UserError, match="'sideways' is not a date order"):
        parse_table(read_table(path), date_orders={1: "sideways"})


def test_a_column_is_read_in_the_order_its_values_settle(tmp_path: Path) -> None:
    content = "Email,Registered\nann@x.example,03/04/2026\nbo@x.example,25/04/2026\n"
    parsed = parse_table(read_table(write(tmp_path, "dmy.csv", content)))
    assert [r.registered_at for r in parsed.rows] == [datetime(2026, 4, 3), datetime(2026, 4, 25)]
    assert parsed.date_columns[0].settled_by == "25/04/2026"


def test_the_sheet_with_the_emails_is_read(demo_app: App, tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.title = "Read me"
    workbook.active.append(["Registrations for the kickoff are on the next sheet"])
    sheet = workbook.create_sheet("Registrations")
    sheet.append(["Email", "First Name"])
    sheet.append(["kim@x.example", "Kim"])
    other = workbook.create_sheet("Waitlist")
    other.append(["Email", "First Name"])
    other.append(["lee@x.example", "Lee"])
    path = tmp_path / "two-sheets.xlsx"
    workbook.save(path)
    table = read_table(path)
    assert (table.sheets, table.sheet) == (
        ("Read me", "Registrations", "Waitlist"),
        "Registrations",
    )
    assert parse_table(table).sheet == "Registrations"
    preview = imports.preview_import(demo_app.uow(), path, session_id(demo_app))
    assert preview.sheets == ("Read me", "Registrations", "Waitlist")
    assert preview.parsed.sheet == "Registrations"
    report = imports.import_file(demo_app.uow(), path, session_id(demo_app), sheet="Waitlist")
    assert report.registrations == 1
    assert registrants.find_by_email(demo_app.uow(), "lee@x.example") is not None
    assert registrants.find_by_email(demo_app.uow(), "kim@x.example") is None
    before = dump(demo_app)
    with pytest.raises(UserError, match="has no sheet 'Gone'; its sheets are Read me"):
        imports.import_file(demo_app.uow(), path, session_id(demo_app), sheet="Gone")
    assert dump(demo_app) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('Email,Name\nann@x.example,Ann\nbo@x.example,"Bo\n', "line 3, field 2: a quote opens"),
        (
            'Email,Name,Org\nann@x.example,"Ann, OCP\nbo@x.example,Bo,X\ncy@x.example,Cy,"Y"\n',
            "line 2, field 2: a quote opens a field there that runs on to line 4",
        ),
        ('Email,Name\nann@x.example,"Ann"x\n', "line 2, field 2: text follows a closing quote"),
    ],
)
def test_a_stray_quote_is_refused_with_its_line(
    demo_app: App, tmp_path: Path, content: str, message: str
) -> None:
    before = dump(demo_app)
    with pytest.raises(UserError, match=message) as refused:
        imports.import_file(demo_app.uow(), write(tmp_path, "q.csv", content), session_id(demo_app))
    assert str(refused.value).startswith("q.csv, line")
    assert "cut short" not in str(refused.value)
    assert dump(demo_app) == before


def test_a_multi_line_answer_is_not_a_stray_quote(tmp_path: Path) -> None:
    content = 'Email,Anything else?\nann@x.example,"Two lines,\nof thanks"\nbo@x.example,\n'
    parsed = parse_table(read_table(write(tmp_path, "ok.csv", content)))
    assert [r.email for r in parsed.rows] == ["ann@x.example", "bo@x.example"]


def test_the_cli_reads_a_date_column_in_the_order_given(demo_app: App, tmp_path: Path) -> None:
    path = write(tmp_path, "dates.csv", "Email,Name,Registered\nann@example.org,Ann,03/04/2026\n")
    demo_app.close()
    asked = ("import", str(path), "--session", "2", "--dry-run", "--json")
    guessed = json.loads(run(*asked, db=demo_app.url).stdout)["date_columns"]
    assert guessed == [{"column": "Registered", "order": MONTH_FIRST, "ambiguous": True}]
    switched = run(*asked, "--date-order", "registered=day-first", db=demo_app.url)
    assert switched.returncode == 0, switched.stderr
    assert json.loads(switched.stdout)["date_columns"][0]["order"] == DAY_FIRST
    unknown = run(*asked, "--date-order", "Paid=day-first", db=demo_app.url)
    assert unknown.returncode == 1
    assert unknown.stderr.strip() == (
        "webinar-desk: error: dates.csv has no column of dates headed 'Paid' "
        "(its date columns: Registered)"
    )


def test_a_missing_file_says_what_to_check(demo_app: App, tmp_path: Path) -> None:
    demo_app.close()
    result = run("import", str(tmp_path / "gone.csv"), "--session", "2", db=demo_app.url)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "webinar-desk: error: gone.csv does not exist; check the file's name and its folder"
    )
