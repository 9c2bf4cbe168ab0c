"""The corpus: one file per layout, written the way each tool writes it, imported exactly.

Dates are checked as UTC instants; the demo series' home zone is America/Los_Angeles,
so a naive 14:03 in September is 21:03 UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.bootstrap import App
from desktop_app.domain.dates import DAY_FIRST, MONTH_FIRST
from desktop_app.domain.import_rows import ImportReport
from desktop_app.domain.records import SpeakerData
from desktop_app.domain.rows import RegistrantRow, RegistrationRow
from desktop_app.io.formats import parse_table
from desktop_app.io.table_reader import read_table
from desktop_app.services import imports, registrants, speakers
from tests.integration.test_imports import FIXTURES, session_id


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def person(app: App, email: str) -> tuple[RegistrantRow, RegistrationRow]:
    """A registrant and their one registration in the session the tests import into."""
    found = registrants.find_by_email(app.uow(), email)
    assert found is not None, email
    [registration] = [
        r
        for r in registrants.list_registrations(app.uow(), registrant_id=found.id)
        if r.session_id == session_id(app)
    ]
    return found, registration


def load(app: App, name: str) -> ImportReport:
    return imports.import_file(app.uow(), FIXTURES / name, session_id(app))


def notes(report: ImportReport) -> list[str]:
    return [str(note) for note in report.left_empty]


def test_google_forms_download(demo_app: App) -> None:
    report = load(demo_app, "google-forms-responses.csv")
    assert report.format == "google-forms" and report.rows == 5
    assert (report.registrations, report.registrants_created, report.attended) == (3, 3, 0)
    assert [(s.line, s.reason) for s in report.skipped] == [
        (5, "'not an email' is not an email address")
    ]
    assert notes(report) == [
        "row 4, May we share your details with partner organisations?: 'Maybe later' is "
        "not a yes or no answer; left empty"
    ]
    amara, registration = person(demo_app, "amara.okafor@lagos.example")
    assert amara.consent == "no"  # the later answer (row 6) is the newer one
    assert registration.registered_at == utc(2026, 8, 1, 16, 14, 2)  # GMT-7, not home zone
    jonas, registration = person(demo_app, "jonas.berg@malmo.example")
    assert (jonas.consent, jonas.organisation) == ("no", "Malmö Stad")
    assert registration.registered_at == utc(2026, 8, 2, 6, 2, 45)
    priya, registration = person(demo_app, "priya.nair@kochi.example")
    assert priya.consent == "unknown"
    assert registration.registered_at == utc(2026, 8, 2, 1, 0, 0)  # GMT+5:30


def test_google_forms_checkbox_names_sessions() -> None:
    parsed = parse_table(read_table(FIXTURES / "google-forms-responses.csv"))
    assert parsed.sessions_heading == "Which sessions will you attend?"
    assert parsed.session_choices == ["Kickoff", "Deep dive: open contracting"]
    kickoff = parsed.choosing("Kickoff")
    assert [r.email for r in kickoff.rows] == [
        "amara.okafor@lagos.example",
        "jonas.berg@malmo.example",
        "amara.okafor@lagos.example",
    ]
    deep_dive = parsed.choosing("Deep dive: open contracting")
    assert {r.email for r in deep_dive.rows} == {
        "amara.okafor@lagos.example",
        "priya.nair@kochi.example",
    }


def test_eventbrite_saved_by_excel(demo_app: App) -> None:
    report = load(demo_app, "eventbrite-through-excel.csv")
    assert report.format == "eventbrite" and report.rows == 7
    assert (report.registrations, report.attended, report.minutes) == (7, 1, 0)
    assert report.skipped == ()
    assert notes(report) == ["row 8, Order Date: '31/31/26 10:00' is not a date; left empty"]
    [order_date] = report.date_columns
    assert (order_date.order, order_date.ambiguous, order_date.settled_by) == (
        MONTH_FIRST,
        False,
        "9/14/26 9:30",
    )
    _, registration = person(demo_app, "wanjiru@nairobi.example")
    assert registration.registered_at == utc(2026, 9, 2, 21, 3)
    assert registration.attended and registration.approval_status == "approved"
    statuses = {
        email: person(demo_app, email)[1].approval_status
        for email in (
            "priya@pune.example",
            "luis@recife.example",
            "chloe@lyon.example",
            "mateo@cordoba.example",
            "soren@aarhus.example",
            "aiyana@rapidcity.example",
        )
    }
    assert statuses == {
        "priya@pune.example": "approved",  # Attending
        "luis@recife.example": "cancelled",  # Not Attending
        "chloe@lyon.example": "cancelled",  # Refunded
        "mateo@cordoba.example": "cancelled",  # Cancelled
        "soren@aarhus.example": "cancelled",  # Transferred
        "aiyana@rapidcity.example": "approved",
    }
    soren, _ = person(demo_app, "soren@aarhus.example")
    assert (soren.first_name, soren.last_name) == ("Søren", "Møller")  # Windows-1252
    aiyana, registration = person(demo_app, "aiyana@rapidcity.example")
    assert registration.registered_at is None and aiyana.consent == "unknown"


def test_teams_attendance_report(demo_app: App) -> None:
    speakers.create_speaker(
        demo_app.uow(), SpeakerData("Denisa Livingston", email="denisa@dine.example")
    )
    report = load(demo_app, "teams-attendance-report-2026.csv")
    assert report.format == "teams" and report.format_label == "Microsoft Teams attendance report"
    assert (report.registrations, report.attended, report.minutes) == (2, 2, 82)
    assert (report.other_attended, report.bots) == (2, 1)  # a phone caller, a guest; Otter
    assert report.speakers_matched == 1 and report.speakers_unmatched == ("ngozi@lagos.example",)
    assert report.skipped == () and report.left_empty == ()
    assert [(d.heading, d.order, d.ambiguous) for d in report.date_columns] == [
        ("First Join", MONTH_FIRST, True),
        ("Last Leave", MONTH_FIRST, True),
    ]
    maria, registration = person(demo_app, "mj.garcia@bogota.example")
    assert (maria.first_name, maria.last_name) == ("María José", "García")  # "García, María José"
    assert registration.attended and registration.minutes == 52  # 19m 20s + 33m 10s
    assert registration.first_join == utc(2026, 9, 2, 21, 1, 10)
    assert registration.last_leave == utc(2026, 9, 2, 22, 2, 10)
    sean, registration = person(demo_app, "sean@dublin.example")
    assert registration.minutes == 30 and sean.last_name == "O'Brien"
    for organiser_or_presenter in ("ngozi@lagos.example", "denisa@dine.example"):
        assert registrants.find_by_email(demo_app.uow(), organiser_or_presenter) is None


def test_teams_report_names_its_meeting() -> None:
    parsed = parse_table(read_table(FIXTURES / "teams-attendance-report-2026.csv"))
    assert parsed.meeting_title == "Procurement for the People: open contracting deep dive"
    assert parsed.meeting_start == datetime(2026, 9, 2, 14, 0, 14)  # naive: home-zone time


def test_teams_old_event_list(demo_app: App) -> None:
    report = load(demo_app, "teams-attendance-list-2020.csv")
    assert report.format == "teams" and report.rows == 8
    # No email in this layout: everyone is counted, nobody can be added.
    assert (report.registrations, report.other_attended) == (0, 4)
    assert report.nobody and not report.changed
    parsed = parse_table(read_table(FIXTURES / "teams-attendance-list-2020.csv"))
    # Ngozi never left: until the list's last event (66:58); Denisa 65:30; María
    # 19:20 + 35:50; Seán 30:00.
    assert parsed.other_minutes == 67 + 66 + 55 + 30


def test_teams_event_list_with_emails(demo_app: App, tmp_path: Path) -> None:
    rows = [
        "Full Name\tUser Action\tTimestamp\tEmail",
        "Okafor, Ngozi\tJoined\t02/09/2026, 13:58:02\tngozi@lagos.example",
        "Okafor, Ngozi\tLeft\t02/09/2026, 14:30:00\tngozi@lagos.example",
        "Okafor, Ngozi\tJoined\t02/09/2026, 14:40:00\tngozi@lagos.example",
        "Okafor, Ngozi\tLeft\t13/09/2026, 15:00:00\tngozi@lagos.example",
        "Guest\tJoined\t02/09/2026, 14:00:00\t",
    ]
    path = tmp_path / "meetingAttendanceList.csv"
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-16"))
    report = imports.import_file(demo_app.uow(), path, session_id(demo_app))
    assert (report.registrations, report.attended, report.other_attended) == (1, 1, 1)
    assert report.date_columns[0].order == DAY_FIRST  # 13/09/2026 settles it
    _, registration = person(demo_app, "ngozi@lagos.example")
    assert registration.first_join == utc(2026, 9, 2, 20, 58, 2)
    assert registration.last_leave == utc(2026, 9, 13, 22, 0)


def test_partner_list_with_spanish_headings(demo_app: App) -> None:
    report = load(demo_app, "socios-inscripciones.csv")
    assert report.format == "generic" and report.rows == 4
    assert (report.registrations, report.registrants_created) == (4, 4)
    assert notes(report) == ["row 7, Fecha de inscripción: '31/02/2026' is not a date; left empty"]
    [column] = report.date_columns
    assert (column.order, column.ambiguous, column.settled_by) == (DAY_FIRST, False, "13/09/2026")
    expected = {
        "ana@cdmx.example": (utc(2026, 9, 13, 7), "yes"),
        "jorge@bogota.example": (utc(2026, 9, 2, 7), "no"),
        "lucia@quito.example": (utc(2026, 9, 5, 7), "unknown"),
        "martin@rosario.example": (None, "yes"),
    }
    found = {}
    for email in expected:
        someone, registration = person(demo_app, email)
        found[email] = (registration.registered_at, someone.consent)
    assert found == expected
    ana, _ = person(demo_app, "ana@cdmx.example")
    assert (ana.first_name, ana.last_name, ana.country) == ("Ana María", "de la Cruz", "México")


def test_zoom_with_source_name_bots_and_a_panelist_among_attendees(demo_app: App) -> None:
    report = load(demo_app, "zoom-attendees-source-name-bots.csv")
    assert report.format == "zoom-attendees"
    # María (2 rows), Seán, Kwame; Denisa is a panelist and stays one; Otter.ai is no one.
    assert (report.registrations, report.attended, report.minutes) == (3, 2, 100)
    assert (report.bots, report.other_attended) == (2, 1)
    assert report.skipped == () and report.left_empty == ()
    assert "Source Name" not in report.columns
    assert registrants.find_by_email(demo_app.uow(), "denisa@dine.example") is None
    assert report.speakers_unmatched == ("ana.host@ocp.example", "denisa@dine.example")
    registration_time = report.date_columns[0]
    assert (registration_time.heading, registration_time.order) == (
        "Registration Time",
        MONTH_FIRST,
    )
    assert registration_time.ambiguous  # 10/01..10/03: month-first puts them days apart
    maria, registration = person(demo_app, "mj.garcia@bogota.example")
    assert maria.consent == "unknown" and maria.organisation == ""
    assert (registration.minutes, registration.attended) == (55, True)
    assert registration.registered_at == utc(2026, 10, 1, 16)
    assert registration.first_join == utc(2026, 10, 7, 20, 0, 31)
    assert registration.last_leave == utc(2026, 10, 7, 21, 0)
    _, registration = person(demo_app, "sean@dublin.example")
    assert not registration.attended and registration.minutes == 0
    _, registration = person(demo_app, "kwame@accra.example")
    assert registration.minutes == 45 and registration.registered_at == utc(2026, 10, 3, 23, 15)


def test_zoom_report_names_its_webinar() -> None:
    parsed = parse_table(read_table(FIXTURES / "zoom-attendees-source-name-bots.csv"))
    assert parsed.meeting_title == "Procurement for the People: kickoff"
    assert parsed.meeting_start == datetime(2026, 10, 7, 13, 0)


@pytest.mark.parametrize(
    ("name", "layout", "people"),
    [
        ("google-forms-responses.csv", "google-forms", 3),
        ("eventbrite-through-excel.csv", "eventbrite", 7),
        ("teams-attendance-report-2026.csv", "teams", 2),
        ("teams-attendance-list-2020.csv", "teams", 0),
        ("socios-inscripciones.csv", "generic", 4),
        ("zoom-attendees-source-name-bots.csv", "zoom-attendees", 3),
    ],
)
def test_each_file_is_detected(name: str, layout: str, people: int) -> None:
    parsed = parse_table(read_table(FIXTURES / name))
    assert parsed.format == layout
    assert len({r.email for r in parsed.rows if r.section not in ("host", "panelist")}) == people


def test_teams_2021_summary_then_one_table(demo_app: App, tmp_path: Path) -> None:
    rows = [
        "Meeting Summary",
        "Total Number of Participants\t3",
        "Meeting Title\tSupplier day",
        "Meeting Start Time\t13/10/2026, 09:00:00",
        "Meeting End Time\t13/10/2026, 10:30:00",
        "",
        "Full Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole\tParticipant ID (UPN)",
        "Okafor, Ngozi\t13/10/2026, 08:55:00\t13/10/2026, 10:30:00\t1h 35m\t"
        "ngozi@lagos.example\tOrganizer\tngozi@lagos.example",
        "Kamau, Wanjiru\t13/10/2026, 09:02:00\t13/10/2026, 10:01:30\t59m 30s\t"
        "wanjiru@nairobi.example\tAttendee\t",
        "Guest caller\t13/10/2026, 09:10:00\t13/10/2026, 09:20:00\t10m\t\tAttendee\t",
    ]
    path = tmp_path / "Supplier day - Attendance report.csv"
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-16"))
    parsed = parse_table(read_table(path))
    assert (parsed.format, parsed.meeting_title) == ("teams", "Supplier day")
    assert parsed.meeting_start == datetime(2026, 10, 13, 9, 0)
    report = imports.import_file(demo_app.uow(), path, session_id(demo_app))
    assert (report.registrations, report.attended, report.minutes) == (1, 1, 60)
    assert report.other_attended == 1 and report.speakers_unmatched == ("ngozi@lagos.example",)
    assert report.date_columns[0].order == DAY_FIRST
    _, registration = person(demo_app, "wanjiru@nairobi.example")
    assert registration.first_join == utc(2026, 10, 13, 16, 2)


def test_a_known_format_missing_a_column_says_so(demo_app: App, tmp_path: Path) -> None:
    content = (
        "Order #,Order Date,First Name,Last Name,Email,Ticket Status\n"
        "1,2026-09-30 14:02:11,Ann,Lee,ann@x.example,Checked In\n"
    )
    path = tmp_path / "eventbrite-renamed.csv"
    path.write_text(content, encoding="utf-8")
    report = imports.import_file(demo_app.uow(), path, session_id(demo_app))
    assert report.format == "eventbrite" and report.registrations == 1
    assert report.layout_notes == (
        "This Eventbrite attendee export has no 'Attendee Status' column (renamed or "
        "removed?), so nobody is marked as checked in, and refunded or cancelled tickets "
        "count as registrations. The columns below show what was used instead.",
    )
    assert report.columns == {
        "Order Date": "registered_at",
        "First Name": "first_name",
        "Last Name": "last_name",
        "Email": "email",
    }


@pytest.mark.parametrize(
    ("timestamp", "email"),
    [
        ("Marca temporal", "Dirección de correo electrónico"),
        ("Zeitstempel", "E-Mail-Adresse"),
        ("Horodateur", "Adresse e-mail"),
        ("Carimbo de data/hora", "Endereço de e-mail"),
    ],
)
def test_google_forms_in_other_languages(tmp_path: Path, timestamp: str, email: str) -> None:
    path = tmp_path / "Respuestas de formulario 1.csv"
    path.write_text(f"{timestamp},{email},Name\n13/10/2026 9:14:02,ann@x.example,Ann\n")
    parsed = parse_table(read_table(path))
    assert parsed.format == "google-forms"
    assert parsed.rows[0].registered_at == datetime(2026, 10, 13, 9, 14, 2)
