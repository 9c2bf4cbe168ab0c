"""Importing the files staff really get: every format, the rules, refusals and undo."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

import pytest
from openpyxl import Workbook
from sqlalchemy import text

from desktop_app.bootstrap import App
from desktop_app.domain.errors import UserError
from desktop_app.domain.records import SpeakerData
from desktop_app.io.table_reader import ImportRefused
from desktop_app.services import imports, registrants, sessions, speakers, stats
from tests.integration.test_cli import run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
REAL_ZOOM = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "zoom"
    / "attendee-report-2020-anonymized.csv"
)


def dump(app: App) -> dict[str, list[tuple[object, ...]]]:
    with app.engine.connect() as connection:
        return {
            name: connection.execute(text(f"SELECT * FROM {name} ORDER BY id")).all()
            for name in ("registrants", "registrations", "import_batches")
        }


def session_id(app: App, index: int = 1) -> int:
    return sessions.list_sessions(app.uow())[index].id


def write(tmp_path: Path, name: str, content: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return path


# The real Zoom report ---------------------------------------------------------------------


@pytest.fixture
def real_zoom() -> Path:
    return REAL_ZOOM


def test_real_zoom_report_gives_the_published_facts(demo_app: App, real_zoom: Path) -> None:
    before = stats.stats(demo_app.uow())
    report = imports.import_file(demo_app.uow(), real_zoom, session_id(demo_app))
    assert report.format == "zoom-attendees"
    # 469 registrant emails, of which 10 were "upgraded to panelist" and appear in the
    # Panelist Details too: they stay speakers, so 459 registrants (counted with csv alone).
    assert (report.registrations, report.attended, report.minutes) == (459, 445, 63069)
    assert report.registrants_created == 459 and report.other_attended == 4
    assert report.speakers_unmatched and "attendee327@email.com" in report.speakers_unmatched
    assert registrants.find_by_email(demo_app.uow(), "attendee327@email.com") is None
    after = stats.stats(demo_app.uow())
    assert after.registrants == before.registrants + 459
    assert after.minutes == before.minutes + 63069
    # Re-joins were merged: attendee52 has three rows, 38 + 2 + 434 minutes.
    person = registrants.find_by_email(demo_app.uow(), "ATTENDEE52@email.com")
    assert person is not None
    [registration] = [
        r
        for r in registrants.list_registrations(demo_app.uow(), registrant_id=person.id)
        if r.session_id == session_id(demo_app)
    ]
    assert registration.minutes == 474 and registration.attended
    assert registration.first_join == datetime(2020, 3, 28, 16, 20, 36, tzinfo=UTC)  # PDT
    assert registration.last_leave == datetime(2020, 3, 29, 0, 8, 12, tzinfo=UTC)


def test_importing_twice_changes_nothing(demo_app: App, real_zoom: Path) -> None:
    first = imports.import_file(demo_app.uow(), real_zoom, session_id(demo_app))
    before = dump(demo_app)
    again = imports.import_file(demo_app.uow(), real_zoom, session_id(demo_app), force=True)
    assert not again.changed and again.batch_id is None
    assert again.registrants_unchanged == 459 and again.already_imported is None
    assert dump(demo_app) == before
    # Without force the same file is answered at once, without planning anything.
    answer = imports.import_file(demo_app.uow(), real_zoom, session_id(demo_app))
    assert answer.already_imported is not None and answer.already_imported.id == first.batch_id
    assert answer.registrants_unchanged == 0 and not answer.changed
    today = datetime.now(UTC).astimezone()
    assert answer.already_imported_note == (
        f"attendee-report-2020-anonymized.csv was already imported into this session on "
        f"{today.day} {today:%b %Y} as batch {first.batch_id}; nothing was imported"
    )
    dry = imports.import_file(demo_app.uow(), real_zoom, session_id(demo_app), dry_run=True)
    assert dry.already_imported is not None and not dry.planned
    assert dry.already_imported_note.endswith(f"as batch {first.batch_id}; it was not read again")
    # Asked to import it again, a dry run says what that would change.
    asked = imports.import_file(
        demo_app.uow(), real_zoom, session_id(demo_app), dry_run=True, force=True
    )
    assert asked.already_imported is not None and asked.registrants_unchanged == 459
    assert "importing it again would change" in asked.already_imported_note
    assert dump(demo_app) == before
    # Another session, or the batch undone: imported as usual.
    other = imports.import_file(demo_app.uow(), real_zoom, session_id(demo_app, 2))
    assert other.already_imported is None and other.registrations_created == 459
    imports.undo_import(demo_app.uow(), first.batch_id or 0)
    back = imports.import_file(demo_app.uow(), real_zoom, session_id(demo_app))
    assert back.already_imported is None and back.registrations_created == 459


def test_a_file_already_imported_is_answered_before_it_is_read(
    demo_app: App, real_zoom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = imports.import_file(demo_app.uow(), real_zoom, session_id(demo_app))
    before = dump(demo_app)

    def unread(*_args: object, **_kw: object) -> NoReturn:
        raise AssertionError("the file was read although its digest had answered")

    monkeypatch.setattr(imports, "read_table", unread)
    answer = imports.import_file(demo_app.uow(), real_zoom, session_id(demo_app))
    assert answer.already_imported is not None and answer.already_imported.id == first.batch_id
    assert (answer.format, answer.rows, answer.planned) == ("zoom-attendees", first.rows, False)
    assert answer.format_label == first.format_label
    preview = imports.preview_import(demo_app.uow(), real_zoom, session_id(demo_app))
    assert preview.parsed is None and preview.first_rows == []
    assert preview.report.already_imported == answer.already_imported
    assert preview.digest == imports.file_digest(real_zoom)
    with pytest.raises(ImportRefused, match="preview it again before importing it again"):
        imports.import_previewed(demo_app.uow(), preview)
    monkeypatch.undo()
    # Asked again, the preview reads the file and says what importing it again would do;
    # importing that preview makes no new batch (nothing changes) and writes nothing.
    again = imports.preview_import(demo_app.uow(), real_zoom, session_id(demo_app), again=True)
    assert again.parsed is not None and len(again.first_rows) == 20
    assert again.report.already_imported == answer.already_imported
    assert again.report.planned and again.report.registrants_unchanged == 459
    report = imports.import_previewed(demo_app.uow(), again)
    assert report.already_imported is None and report.batch_id is None and not report.changed
    assert dump(demo_app) == before


def test_cli_says_a_file_was_already_imported(demo_app: App, real_zoom: Path) -> None:
    demo_app.close()
    args = ("import", str(real_zoom), "--session", "2")
    assert run(*args, db=demo_app.url).returncode == 0
    again = run(*args, db=demo_app.url)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("attendee-report-2020-anonymized.csv was already imported")
    assert "as batch 1; nothing was imported. To import it again, add --again." in again.stdout
    dry = run(*args, "--dry-run", "--json", db=demo_app.url)
    assert json.loads(dry.stdout)["already_imported"]["batch"] == 1
    said = run(*args, "--dry-run", db=demo_app.url).stdout
    assert "as batch 1; it was not read again. To see what importing it again would" in said
    asked = run(*args, "--dry-run", "--again", db=demo_app.url).stdout
    assert "as batch 1; importing it again would change what follows:" in asked
    assert "459 unchanged" in asked
    forced = run(*args, "--again", "--json", db=demo_app.url)
    data = json.loads(forced.stdout)
    assert data["already_imported"] is None and data["registrants_unchanged"] == 459


def test_an_import_is_undone_as_a_whole(demo_app: App, real_zoom: Path) -> None:
    before = dump(demo_app)
    report = imports.import_file(demo_app.uow(), real_zoom, session_id(demo_app))
    assert report.batch_id is not None
    imports.undo_import(demo_app.uow(), report.batch_id)
    after = dump(demo_app)
    assert after["registrants"] == before["registrants"]
    assert after["registrations"] == before["registrations"]
    assert imports.list_batches(demo_app.uow())[0].undone_at is not None
    with pytest.raises(UserError, match="already undone"):
        imports.undo_import(demo_app.uow(), report.batch_id)


def test_dry_run_and_cancel_write_nothing(demo_app: App, real_zoom: Path) -> None:
    before = dump(demo_app)
    report = imports.import_file(demo_app.uow(), real_zoom, session_id(demo_app), dry_run=True)
    assert report.registrants_created == 459 and report.dry_run
    with pytest.raises(imports.ImportCancelled):
        imports.import_file(
            demo_app.uow(), real_zoom, session_id(demo_app), keep_going=lambda done, total: False
        )
    assert dump(demo_app) == before


# Other layouts ----------------------------------------------------------------------------


def test_newer_zoom_layout_with_questions_and_trailing_commas(
    demo_app: App, tmp_path: Path
) -> None:
    speakers.create_speaker(
        demo_app.uow(), SpeakerData("Denisa Livingston", email="denisa@dine.example")
    )
    path = FIXTURES / "zoom-attendees-2026.csv"
    report = imports.import_file(demo_app.uow(), path, session_id(demo_app))
    assert report.format == "zoom-attendees"
    assert (report.registrations, report.attended, report.minutes) == (2, 1, 55)
    assert [(s.line, s.reason) for s in report.skipped] == [
        (16, "'not-an-email' is not an email address")
    ]
    assert report.speakers_matched == 1 and report.speakers_unmatched == ("ana.host@ocp.example",)
    assert report.other_attended == 1
    maria = registrants.find_by_email(demo_app.uow(), "mj.garcia@bogota.example")
    assert maria is not None and maria.consent == "yes" and maria.first_name == "María José"
    sean = registrants.find_by_email(demo_app.uow(), "sean@dublin.example")
    assert sean is not None and sean.last_name == "O'Brien" and sean.consent == "no"
    assert registrants.find_by_email(demo_app.uow(), "ana.host@ocp.example") is None


def test_zoom_registration_report(demo_app: App, tmp_path: Path) -> None:
    path = FIXTURES / "zoom-registrations.csv"
    report = imports.import_file(demo_app.uow(), path, session_id(demo_app, 2))
    assert report.format == "zoom-registrations"
    assert report.registrations == 2 and report.attended == 0
    bjorn = registrants.find_by_email(demo_app.uow(), "bjorn@koeln.example")
    assert bjorn is not None and (bjorn.city, bjorn.organisation) == ("Köln", "Stadt Köln")
    [registration] = registrants.list_registrations(demo_app.uow(), registrant_id=bjorn.id)
    assert registration.approval_status == "pending" and not registration.attended


def test_eventbrite_attendee_export(demo_app: App, tmp_path: Path) -> None:
    path = FIXTURES / "eventbrite.csv"
    report = imports.import_file(demo_app.uow(), path, session_id(demo_app))
    assert report.format == "eventbrite" and report.registrations == 3
    assert report.attended == 1  # Checked In
    luis = registrants.find_by_email(demo_app.uow(), "luis@recife.example")
    assert luis is not None
    [registration] = registrants.list_registrations(demo_app.uow(), registrant_id=luis.id)
    assert registration.approval_status == "cancelled"
    assert registration.registered_at == datetime(2026, 9, 30, 23, 0, tzinfo=UTC)


def test_google_forms_with_consent(demo_app: App, tmp_path: Path) -> None:
    path = FIXTURES / "Form Responses 1.csv"
    report = imports.import_file(demo_app.uow(), path, session_id(demo_app))
    assert report.format == "google-forms" and report.registrations == 2
    assert [(s.line, s.reason) for s in report.skipped] == [(4, "no email address")]
    chloe = registrants.find_by_email(demo_app.uow(), "chloe@lyon.example")
    assert chloe is not None
    assert (chloe.first_name, chloe.last_name, chloe.consent) == ("Chloé", "Lefèvre", "yes")
    assert chloe.consent_source == "Form Responses 1.csv"


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8-sig", ";"),
        ("utf-16", "\t"),
        ("cp1252", ";"),
        ("utf-8", "\t"),
        ("utf-8", ","),
    ],
)
def test_partner_spreadsheets_in_any_encoding_and_delimiter(
    demo_app: App, tmp_path: Path, encoding: str, delimiter: str
) -> None:
    rows = [
        ["Teilnehmerliste Partner e.V.", "", "", ""],
        ["Stand: 01.10.2026", "", "", ""],
        ["", "", "", ""],
        ["Vorname", "Nachname", "E-Mail", "Organisation"],
        ["Jürgen", "Weiß", "juergen@partner.example", "Stadtwerke Köln"],
        ["Zoë", "N'Diaye", "zoe@partner.example", "Cité « Verte »"],
    ]
    content = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    path = write(tmp_path, "partner.csv", content, encoding)
    report = imports.import_file(demo_app.uow(), path, session_id(demo_app))
    assert report.format == "generic" and report.registrations == 2
    zoe = registrants.find_by_email(demo_app.uow(), "zoe@partner.example")
    assert zoe is not None and zoe.organisation == "Cité « Verte »"
    assert zoe.last_name == "N'Diaye"


def test_spanish_headings_and_a_full_name_column(demo_app: App, tmp_path: Path) -> None:
    content = (
        "Nombre completo,Correo electrónico,Organización,País\n"
        "Ana María de la Cruz,ana@cdmx.example,Gobierno de la CDMX,México\n"
    )
    report = imports.import_file(
        demo_app.uow(), write(tmp_path, "socios.csv", content), session_id(demo_app)
    )
    ana = registrants.find_by_email(demo_app.uow(), "ana@cdmx.example")
    assert report.registrations == 1 and ana is not None
    assert (ana.first_name, ana.last_name, ana.country) == ("Ana María", "de la Cruz", "México")


def test_xlsx_with_title_rows_and_real_date_cells(demo_app: App, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Registrations exported from the partner CRM"])
    sheet.append([])
    sheet.append(["First Name", "Last Name", "Email", "Company", "Registered"])
    sheet.append(
        [
            "Oksana",
            "Melnyk",
            "oksana@kyiv.example",
            "Kyiv City Council",
            datetime(2026, 10, 1, 9, 30),
        ]
    )
    sheet.append(
        [
            "Taras",
            "Bondarenko",
            "taras@lviv.example",
            '=HYPERLINK("x")',
            datetime(2026, 10, 2, 14, 0),
        ]
    )
    path = tmp_path / "partner.xlsx"
    workbook.save(path)
    report = imports.import_file(demo_app.uow(), path, session_id(demo_app))
    assert report.format == "generic" and report.registrations == 2
    oksana = registrants.find_by_email(demo_app.uow(), "oksana@kyiv.example")
    assert oksana is not None
    [registration] = registrants.list_registrations(demo_app.uow(), registrant_id=oksana.id)
    assert registration.registered_at == datetime(2026, 10, 1, 16, 30, tzinfo=UTC)  # 9:30 PDT


def test_text_stays_as_written(demo_app: App, tmp_path: Path) -> None:
    content = (
        "Email,First Name,Last Name,Organisation,Job Title\n"
        "x@risky.example,=cmd|' /C calc'!A0,@SUM(1),+1 555 0100,-minus\n"
    )
    imports.import_file(demo_app.uow(), write(tmp_path, "risky.csv", content), session_id(demo_app))
    person = registrants.find_by_email(demo_app.uow(), "x@risky.example")
    assert person is not None
    assert (person.first_name, person.last_name, person.organisation, person.job_title) == (
        "=cmd|' /C calc'!A0",
        "@SUM(1)",
        "+1 555 0100",
        "-minus",
    )


# Rules ------------------------------------------------------------------------------------


def test_a_later_file_updates_never_blanks_and_reports_conflicts(
    demo_app: App, tmp_path: Path
) -> None:
    first = (
        "Email,First Name,Organisation,City,May we share your details with partners?\n"
        "  Kim@Example.org ,Kim,Old Org,Accra,Yes\n"
    )
    second = "E-mail,Organisation,Consent to share with partners\nkim@example.org,New Org,No\n"
    imports.import_file(demo_app.uow(), write(tmp_path, "one.csv", first), session_id(demo_app))
    report = imports.import_file(
        demo_app.uow(), write(tmp_path, "two.csv", second), session_id(demo_app)
    )
    assert report.registrants_updated == 1 and report.registrants_created == 0
    assert len(report.conflicts) == 1 and "kim@example.org" in report.conflicts[0]
    kim = registrants.find_by_email(demo_app.uow(), "kim@example.org")
    assert kim is not None
    assert (kim.first_name, kim.city, kim.organisation, kim.consent) == (
        "Kim",
        "Accra",
        "New Org",
        "no",
    )
    assert kim.consent_source == "two.csv"
    imports.undo_import(demo_app.uow(), report.batch_id or 0)
    kim = registrants.find_by_email(demo_app.uow(), "kim@example.org")
    assert kim is not None and (kim.organisation, kim.consent) == ("Old Org", "yes")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "is empty"),
        ("blank.csv", b"\n\n  \n", "is empty"),
        ("binary.csv", bytes(range(256)) * 20, "not a spreadsheet or CSV"),
        ("cut.csv", b'Email,Name\n"a@b.example,"Ann\n', "line 2, field 1"),
        ("cut.xlsx", b"PK\x03\x04" + b"\x00" * 300, "not a readable XLSX"),
        ("old.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 300, "old Excel .xls"),
        ("no-email.csv", b"Name,Organisation\nAnn,OCP\n", "no email column"),
    ],
)
def test_unreadable_files_are_refused_in_one_line(
    demo_app: App, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    before = dump(demo_app)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError, match=message) as refused:
        imports.import_file(demo_app.uow(), path, session_id(demo_app))
    assert name in str(refused.value) and "\n" not in str(refused.value)
    assert dump(demo_app) == before


def test_cli_import_json_and_exit_codes(demo_app: App, real_zoom: Path, tmp_path: Path) -> None:
    demo_app.close()
    db = demo_app.url
    result = run("import", str(real_zoom), "--session", "2", "--json", db=db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {
        k: data[k]
        for k in ("format", "rows", "registrants_created", "registrations", "attended", "minutes")
    } == {
        "format": "zoom-attendees",
        "rows": 1014,
        "registrants_created": 459,
        "registrations": 459,
        "attended": 445,
        "minutes": 63069,
    }
    assert data["skipped"] == [] and isinstance(data["registrants_updated"], int)
    bad = tmp_path / "bad.csv"
    bad.write_text("Name\nAnn\n")
    refused = run("import", str(bad), "--session", "2", db=db)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    history = json.loads(run("imports", "--json", db=db).stdout)
    assert len(history) == 1 and history[0]["rows"] == 1014
    assert run("undo-import", str(history[0]["id"]), db=db).returncode == 0


def test_unknown_session_is_a_plain_error(demo_app: App, real_zoom: Path) -> None:
    with pytest.raises(UserError, match="no session with id 999"):
        imports.import_file(demo_app.uow(), real_zoom, 999)


def test_a_corrected_column_mapping_is_used(demo_app: App, tmp_path: Path) -> None:
    content = "Contact,Who,Where\nlee@seoul.example,Lee Min,Seoul City Hall\n"
    path = write(tmp_path, "odd.csv", content)
    with pytest.raises(UserError, match="no email column"):
        imports.import_file(demo_app.uow(), path, session_id(demo_app))
    # "Contact" holds emails but is not recognised: the user maps it by hand.
    report = imports.import_file(
        demo_app.uow(),
        path,
        session_id(demo_app),
        columns={0: "email", 1: "full_name", 2: "organisation"},
    )
    lee = registrants.find_by_email(demo_app.uow(), "lee@seoul.example")
    assert report.registrations == 1 and lee is not None
    assert (lee.first_name, lee.last_name, lee.organisation) == ("Lee", "Min", "Seoul City Hall")
    with pytest.raises(UserError, match="no column is mapped to Email"):
        imports.import_file(demo_app.uow(), path, session_id(demo_app), columns={1: "full_name"})


def as_variant(source: Path, variant: str, tmp_path: Path) -> Path:
    """The same export saved another way: XLSX, UTF-16 tab-separated, or ; with a BOM."""
    import csv

    with source.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    if variant == "xlsx":
        workbook = Workbook()
        for row in rows:
            workbook.active.append(row)
        path = tmp_path / f"{source.stem}.xlsx"
        workbook.save(path)
        return path
    delimiter, encoding = {"utf16-tab": ("\t", "utf-16"), "bom-semicolon": (";", "utf-8-sig")}[
        variant
    ]
    path = tmp_path / f"{source.stem}-{variant}.csv"
    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


@pytest.mark.parametrize("variant", ["xlsx", "utf16-tab", "bom-semicolon"])
@pytest.mark.parametrize(
    ("fixture", "format_name", "people", "attended"),
    [
        ("zoom-attendees-2026.csv", "zoom-attendees", 2, 1),
        ("zoom-registrations.csv", "zoom-registrations", 2, 0),
        ("eventbrite.csv", "eventbrite", 3, 1),
        ("Form Responses 1.csv", "google-forms", 2, 0),
    ],
)
def test_every_format_saved_in_other_ways(
    demo_app: App,
    tmp_path: Path,
    variant: str,
    fixture: str,
    format_name: str,
    people: int,
    attended: int,
) -> None:
    path = as_variant(FIXTURES / fixture, variant, tmp_path)
    report = imports.import_file(demo_app.uow(), path, session_id(demo_app))
    assert (report.format, report.registrations, report.attended) == (format_name, people, attended)
