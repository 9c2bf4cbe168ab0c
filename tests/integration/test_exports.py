"""Partner exports: read back with openpyxl and csv; people, columns, safety, atomicity."""

from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.bootstrap import App
from desktop_app.domain.enums import Consent
from desktop_app.domain.errors import UserError, ValidationError
from desktop_app.domain.export_profile import (
    EVERYTHING,
    PARTNERS,
    everything_profile,
    partner_profile,
)
from desktop_app.domain.records import RegistrantData, RegistrationData
from desktop_app.io import registrant_export
from desktop_app.io.registrant_export import sheet_name
from desktop_app.services import export_profiles, exports, registrants, sessions
from tests.integration.test_cli import run

INJECTIONS = [
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "=1+1",
]


def consenting(app: App) -> set[str]:
    return {r.email for r in registrants.list_registrants(app.uow(), 1) if r.consent == Consent.YES}


def test_everything_workbook(demo_app: App, tmp_path: Path) -> None:
    target = tmp_path / "all.xlsx"
    plan = exports.export_registrants(demo_app.uow(), 1, everything_profile(), target)
    assert plan.people == registrants.count_registrants(demo_app.uow(), 1)
    workbook = load_workbook(target)
    assert workbook.sheetnames[0] == "Summary" and workbook.sheetnames[-1] == "All registrants"
    assert len(workbook.sheetnames) == 2 + 4
    assert workbook.properties.creator == "Webinar Desk"
    assert "Procurement with a Purpose" in (workbook.properties.title or "")
    sheet = workbook["All registrants"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["First name", "Last name", "Email"]
    assert "4 Aug: Registered (PT)" in header
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:Y{plan.people + 1}"
    assert sheet.max_row == plan.people + 1
    registered = header.index("4 Aug: Registered (PT)")
    dates = [
        row[registered].value
        for row in sheet.iter_rows(min_row=2)
        if row[registered].value is not None
    ]
    assert dates and all(d.year == 2021 for d in dates)  # real dates, not text
    consent = header.index("Consent to share")
    assert {row[consent].value for row in sheet.iter_rows(min_row=2)} <= {"Yes", "No", "Unknown"}
    for row in sheet.iter_rows():
        assert all(cell.data_type != "f" for cell in row)
    summary = {row[0].value: row[1].value for row in workbook["Summary"].iter_rows()}
    assert summary["People exported"] == plan.people and summary["Profile"] == EVERYTHING
    session_rows = [
        row
        for row in workbook["Summary"].iter_rows(values_only=True)
        if row[0] == "The Supplier’s City"
    ]
    [supplier] = session_rows
    first = sessions.list_sessions(demo_app.uow())[2]
    assert supplier[2:4] == (first.registered, first.attended)
    assert abs(supplier[4] - first.attended / first.registered) < 1e-9


def test_session_sheets_hold_only_their_people(demo_app: App, tmp_path: Path) -> None:
    target = tmp_path / "all.xlsx"
    exports.export_registrants(demo_app.uow(), 1, everything_profile(), target)
    workbook = load_workbook(target, read_only=True)
    for session, name in zip(
        sessions.list_sessions(demo_app.uow()), workbook.sheetnames[1:5], strict=True
    ):
        rows = list(workbook[name].iter_rows(min_row=2, values_only=True))
        assert len(rows) == session.registered
        assert len(name) <= 31


def test_partner_profile_sends_only_consenting_people_and_chosen_columns(
    demo_app: App, tmp_path: Path
) -> None:
    profile = partner_profile("City partners")
    target = tmp_path / "partner.csv"
    plan = exports.export_registrants(demo_app.uow(), 1, profile, target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert rows[0][:5] == ["First name", "Last name", "Organisation", "Job title", "Country"]
    assert "Email" not in rows[0] and plan.personal == ()
    assert len(rows) - 1 == plan.people == len(consenting(demo_app))
    unknown = dataclasses.replace(profile, include_unknown_consent=True)
    more = exports.plan_export(demo_app.uow(), 1, unknown).people
    assert more > plan.people
    anyone = dataclasses.replace(profile, require_consent=False)
    assert exports.plan_export(demo_app.uow(), 1, anyone).people > more


def test_people_choices_sessions_and_partner_lists(demo_app: App, tmp_path: Path) -> None:
    base = dataclasses.replace(everything_profile(), name="x")
    registered = exports.plan_export(
        demo_app.uow(), 1, dataclasses.replace(base, people="registered")
    ).people
    came = exports.plan_export(
        demo_app.uow(), 1, dataclasses.replace(base, people="attended")
    ).people
    assert 0 < came < registered
    kickoff = sessions.list_sessions(demo_app.uow())[0]
    one = exports.plan_export(
        demo_app.uow(), 1, dataclasses.replace(base, people="registered"), session_id=kickoff.id
    )
    assert one.people == kickoff.registered and len(one.sessions) == 1
    nairobi = exports.plan_export(
        demo_app.uow(), 1, dataclasses.replace(base, organisations=("Nairobi",))
    )
    by_domain = exports.plan_export(
        demo_app.uow(), 1, dataclasses.replace(base, email_domains=("nairobi.gov.example",))
    )
    assert 0 < by_domain.people < nairobi.people
    with pytest.raises(UserError, match="not in the series"):
        exports.plan_export(demo_app.uow(), 1, base, session_id=999)


def test_imported_text_is_never_a_formula(app: App, tmp_path: Path) -> None:
    from desktop_app.domain.records import SeriesData, SessionData
    from desktop_app.services import series
    from tests.unit.test_records import START

    series_id = series.create_series(app.uow(), SeriesData("S"))
    session_id = sessions.create_session(app.uow(), series_id, SessionData("T", START))
    for number, payload in enumerate(INJECTIONS):
        person = registrants.create_registrant(
            app.uow(),
            RegistrantData(
                f"p{number}@x.example",
                first_name=payload,
                organisation=payload,
                consent=Consent.YES,
            ),
        )
        registrants.register(app.uow(), person, session_id, RegistrationData())
    workbook_path, csv_path = tmp_path / "x.xlsx", tmp_path / "x.csv"
    exports.export_registrants(app.uow(), series_id, everything_profile(), workbook_path)
    exports.export_registrants(app.uow(), series_id, everything_profile(), csv_path)
    stored = sorted(r.first_name for r in registrants.list_registrants(app.uow()))
    assert all(s.startswith(("=", "+", "-", "@")) for s in stored)
    sheet = load_workbook(workbook_path)["All registrants"]
    firsts = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert sorted(c.value for c in firsts) == stored
    assert all(c.data_type == "s" for c in firsts)
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        values = [row[0] for row in list(csv.reader(handle))[1:]]
    assert sorted(values) == sorted("'" + s for s in stored)


def test_a_failed_export_leaves_no_file_and_keeps_the_old_one(
    demo_app: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "partner.xlsx"
    target.write_bytes(b"last week's export")
    real_maker = registrant_export._row_maker
    calls = {"n": 0}

    def failing_maker(*args: object) -> object:
        make = real_maker(*args)  # type: ignore[arg-type]

        def failing(person: object) -> object:
            calls["n"] += 1
            if calls["n"] > 100:
                raise OSError(28, "No space left on device")
            return make(person)  # type: ignore[arg-type]

        return failing

    monkeypatch.setattr(registrant_export, "_row_maker", failing_maker)
    for name in ("partner.xlsx", "partner.csv"):
        calls["n"] = 0
        with pytest.raises(UserError, match="No space left"):
            exports.export_registrants(demo_app.uow(), 1, everything_profile(), tmp_path / name)
    assert target.read_bytes() == b"last week's export"
    assert not (tmp_path / "partner.csv").exists()
    left = [
        p.name
        for p in tmp_path.iterdir()
        if not p.name.startswith("test.sqlite") and p.name != "backups"  # the day's backup
    ]
    assert left == ["partner.xlsx"]


def test_cancel_leaves_no_file(demo_app: App, tmp_path: Path) -> None:
    with pytest.raises(exports.ExportCancelled):
        exports.export_registrants(
            demo_app.uow(),
            1,
            everything_profile(),
            tmp_path / "x.xlsx",
            keep_going=lambda done, total: False,
        )
    assert list(tmp_path.glob("x.xlsx*")) == [] and list(tmp_path.glob(".x.xlsx*")) == []


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    long = "1 Sep The Supplier’s City: Improving data access [draft]?"
    first, second = sheet_name(long, taken), sheet_name(long, taken)
    assert len(first) <= 31 and len(second) <= 31 and first != second
    assert not any(c in first for c in "[]:*?/\\")
    assert sheet_name("summary", taken) == "summary"
    assert sheet_name("SUMMARY", taken) == "SUMMARY (2)"


def test_profiles_are_saved_listed_and_validated(demo_app: App) -> None:
    assert [p.name for p in export_profiles.list_profiles(demo_app.uow())] == [PARTNERS, EVERYTHING]
    profile = dataclasses.replace(
        partner_profile("City partners"), organisations=("City of",), session_ids=(1, 2)
    )
    assert export_profiles.save_profile(demo_app.uow(), profile) == 1
    stored = export_profiles.get_profile(demo_app.uow(), "city PARTNERS")
    assert stored == profile and stored.version == 1
    with pytest.raises(UserError, match="already exists"):
        export_profiles.save_profile(demo_app.uow(), profile, old_name="Some other profile")
    with pytest.raises(UserError, match="already exists"):
        export_profiles.save_profile(demo_app.uow(), profile)  # a new profile under a used name
    export_profiles.save_profile(
        demo_app.uow(), dataclasses.replace(stored, name="Partners A"), old_name="City partners"
    )
    names = [p.name for p in export_profiles.list_profiles(demo_app.uow())]
    assert names == [PARTNERS, EVERYTHING, "Partners A"]
    assert export_profiles.saved_profile_names(demo_app.uow()) == {"Partners A"}
    with pytest.raises(ValidationError):
        export_profiles.save_profile(demo_app.uow(), dataclasses.replace(profile, columns=()))
    with pytest.raises(ValidationError, match="file name"):
        export_profiles.save_profile(
            demo_app.uow(), dataclasses.replace(profile, file_name_pattern="{secret}")
        )
    export_profiles.delete_profile(demo_app.uow(), "Partners A")
    assert [p.name for p in export_profiles.list_profiles(demo_app.uow())] == [PARTNERS, EVERYTHING]


def test_cli_export_json(demo_app: App, tmp_path: Path) -> None:
    demo_app.close()
    out = tmp_path / "out.xlsx"
    result = run(
        "export", "registrants", str(out), "--json", "--profile", EVERYTHING, db=demo_app.url
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["rows"] == 320 and data["path"] == str(out) and out.exists()
    assert data["personal_columns"] == ["Email"] and data["internal"] is True
    refused = run("export", "registrants", str(tmp_path / "x.pdf"), db=demo_app.url)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr


def test_every_sheet_prints_landscape_one_page_wide_with_headings_and_footer(
    demo_app: App, tmp_path: Path
) -> None:
    target = tmp_path / "Partner & co.xlsx"
    profile = dataclasses.replace(partner_profile("City partners"), organisations=("Open",))
    plan = exports.export_registrants(demo_app.uow(), 1, profile, target, exported_by="Ana Lima")
    workbook = load_workbook(target)
    for sheet in workbook.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        # One page wide (1 is the format's default, so it may be left out), any height.
        assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
        assert sheet.oddFooter.left.text == "Partner && co.xlsx"
        assert sheet.oddFooter.right.text == "Page &P of &N"
        if sheet.title != "Summary":
            assert sheet.print_title_rows == "$1:$1"
    summary = {row[0].value: row for row in workbook["Summary"].iter_rows()}
    assert summary["Exported by"][1].value == "Ana Lima"
    columns = summary["Columns"][1]
    assert columns.alignment.wrap_text and columns.coordinate in workbook["Summary"].merged_cells
    counts = [row[5].value for row in workbook["Summary"].iter_rows(min_row=13)]
    sheets = [workbook[name].max_row - 1 for name in workbook.sheetnames[1:5]]
    registered = [s.registered for s in plan.sessions]
    assert counts == [
        f"{n} of {total} registrants are in this file"
        for n, total in zip(sheets, registered, strict=True)
    ]
    default = exports.export_registrants(demo_app.uow(), 1, profile, tmp_path / "x.xlsx")
    assert default.exported_by == "Webinar Desk"
