"""The import preview picks the report's session, the sheet and the date order, and shows one
progress bar with only the buttons that mean something."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.domain.dates import DAY_FIRST, MONTH_FIRST
from desktop_app.domain.records import SessionData
from desktop_app.domain.timezones import day_label
from desktop_app.services import imports, registrants, sessions
from tests.integration.test_imports import REAL_ZOOM
from ui.dialogs.import_dialog import HISTORY_MENU, ImportDialog
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"


def wait_preview(qtbot: QtBot, dialog: ImportDialog) -> None:
    with qtbot.waitSignal(dialog.preview_ready, timeout=60_000):
        pass


def open_import(window: MainWindow, qtbot: QtBot, path: Path, session_id: int) -> ImportDialog:
    window.files.import_file(path, session_id)
    dialog = window.files.import_dialog
    assert dialog is not None
    wait_preview(qtbot, dialog)
    return dialog


def test_the_report_proposes_its_session_and_a_wrong_date_is_warned(
    demo_app: App, qtbot: QtBot
) -> None:
    old = sessions.list_sessions(demo_app.uow())
    series_id = old[0].series_id
    # The Zoom report's topic is "Procurement for the People", started 10/07/2026 13:00.
    new_id = sessions.create_session(
        demo_app.uow(),
        series_id,
        SessionData("Procurement for the People, again", datetime(2026, 10, 7, 10)),
    )
    rows = sessions.list_sessions(demo_app.uow(), series_id)
    dialog = ImportDialog(demo_app, FIXTURES / "zoom-attendees-2026.csv", rows, old[0].id)
    qtbot.addWidget(dialog)
    wait_preview(qtbot, dialog)
    assert dialog.session_combo.currentData() == new_id
    assert dialog.preview is not None and dialog.preview.session_id == new_id
    assert dialog.session_note.isVisibleTo(dialog)
    assert dialog.session_note.text() == "This is the report's session (same date and title)."
    # Choosing the 2021 session by hand is allowed, with a plain warning.
    dialog.session_combo.setCurrentIndex(dialog.session_combo.findData(old[1].id))
    wait_preview(qtbot, dialog)
    assert dialog.preview.session_id == old[1].id
    assert dialog.session_note.text() == (
        "This report is from Wed 7 Oct 2026; the chosen session is on Wed 18 Aug 2021. "
        "Check that this is the session."
    )
    assert "color" in dialog.session_note.styleSheet()


def test_a_report_from_another_day_is_warned_about(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    target = sessions.list_sessions(demo_app.uow())[1]
    dialog = open_import(window, qtbot, REAL_ZOOM, target.id)
    assert dialog.session_combo.currentData() == target.id  # nothing better to propose
    assert dialog.session_note.text().startswith(
        "This report is from Sat 28 Mar 2020; the chosen session is on Wed 18 Aug 2021."
    )


def workbook(path: Path) -> Path:
    book = Workbook()
    notes = book.active
    notes.title = "Read me"
    notes.append(["Exported for the partners"])
    people = book.create_sheet("Registrations")
    people.append(["Email", "Name"])
    people.append(["lee@seoul.example", "Lee Min"])
    other = book.create_sheet("Waiting list")
    other.append(["Email", "Name"])
    other.append(["kim@seoul.example", "Kim Ji"])
    other.append(["ana@lisboa.example", "Ana Lima"])
    book.save(path)
    return path


def test_a_workbook_offers_its_sheets(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    dialog = open_import(window, qtbot, workbook(tmp_path / "partners.xlsx"), 1)
    combo = dialog.sheet_combo
    assert dialog.form.isRowVisible(combo)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Read me",
        "Registrations",
        "Waiting list",
    ]
    assert combo.currentText() == "Registrations"  # the first with an email column
    combo.setCurrentText("Waiting list")
    wait_preview(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.parsed.sheet == "Waiting list"
    assert dialog.preview.report.registrations == 2
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.import_button.click()
    assert registrants.find_by_email(demo_app.uow(), "kim@seoul.example") is not None
    assert registrants.find_by_email(demo_app.uow(), "lee@seoul.example") is None


def test_a_csv_shows_no_sheet_choice(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    sheet = tmp_path / "one.csv"
    sheet.write_text("Email,Name\nlee@seoul.example,Lee Min\n")
    dialog = open_import(window, qtbot, sheet, 1)
    assert not dialog.form.isRowVisible(dialog.sheet_combo)


def test_an_ambiguous_date_column_can_be_switched(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    sheet = tmp_path / "dates.csv"
    sheet.write_text("Email,Registration Time\nlee@seoul.example,03/04/2026 10:00\n")
    dialog = open_import(window, qtbot, sheet, 1)
    mapping = dialog.dates_box
    combo = mapping.order_combos[1]
    assert combo.currentData() == MONTH_FIRST
    assert "read month-first (no value settles it" in mapping.date_notes[1].text()
    combo.setCurrentIndex(combo.findData(DAY_FIRST))
    wait_preview(qtbot, dialog)
    assert dialog.preview is not None
    [column] = dialog.preview.parsed.date_columns
    assert (column.order, column.chosen) == (DAY_FIRST, True)
    assert "read day-first (as you chose)" in dialog.dates_box.date_notes[1].text()
    assert dialog.dates_box.order_combos[1].currentData() == DAY_FIRST
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.import_button.click()
    lee = registrants.find_by_email(demo_app.uow(), "lee@seoul.example")
    assert lee is not None
    [registration] = registrants.list_registrations(demo_app.uow(), registrant_id=lee.id)
    assert registration.registered_at is not None
    assert (registration.registered_at.month, registration.registered_at.day) == (4, 3)


def test_one_progress_bar_and_only_the_buttons_that_mean_something(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    dialog = open_import(window, qtbot, REAL_ZOOM, sessions.list_sessions(demo_app.uow())[1].id)
    assert dialog.import_button.isVisible() and dialog.close_button.isVisible()
    assert not dialog.cancel_button.isVisible()
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    dialog.import_button.click()
    # Importing: Cancel alone (Close beside it would do the same, confusingly).
    assert dialog.cancel_button.isVisible()
    assert not dialog.close_button.isVisible() and not dialog.import_button.isVisible()
    assert dialog.progress.format() == "Importing… %p%"
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        pass
    assert values == sorted(values) and values[-1] == 100  # once, 0 to 100 %, never back
    assert dialog.close_button.isVisible()
    assert not dialog.cancel_button.isVisible() and not dialog.import_button.isVisible()
    # The confirmation names the menu item that exists.
    assert HISTORY_MENU in dialog.summary.text()
    menu, item = HISTORY_MENU.split(" › ")
    file_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == menu
    )
    assert item in [a.text().replace("&", "") for a in file_menu.actions()]
    assert imports.list_batches(demo_app.uow())


def test_counts_read_in_good_english() -> None:
    from desktop_app.domain.import_rows import ImportReport
    from ui.dialogs.import_summary import describe

    def report(other: int) -> ImportReport:
        return ImportReport(
            "f.csv",
            "zoom",
            "Zoom",
            1,
            1,
            0,
            0,
            1,
            1,
            0,
            1,
            30,
            (),
            (),
            0,
            (),
            other,
            {},
            None,
            True,
        )

    assert "1 attendee without an email is counted" in describe(report(1))
    assert "3 attendees without an email are counted" in describe(report(3))
    assert "1 row," in describe(report(0)) and "1 person for this session" in describe(report(0))


def test_import_history_names_the_session_and_shows_labels(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    target = sessions.list_sessions(demo_app.uow())[1]
    dialog = open_import(window, qtbot, REAL_ZOOM, target.id)
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.import_button.click()
    window.files.show_import_history()
    history = window.files.history_dialog
    assert history is not None
    model = history.model
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = dict(zip(headings, (model.index(0, c).data() for c in range(len(headings))), strict=True))
    assert row["Session"] == "Procurement for the People\nWed 18 Aug 2021"
    # The format's label, not its key ('zoom_attendee').
    assert row["File and format"] == f"{REAL_ZOOM.name}\nZoom webinar attendee report"
    assert row["Undone"] == ""
    history.view.selectRow(0)
    history.undo(history.selected().id)
    undone = history.model.index(0, headings.index("Undone")).data()
    assert undone.startswith(day_label(datetime.now().date()))  # "Wed 2 Sep 2026 14:05"


FORM = FIXTURES / "google-forms-responses.csv"
KICKOFF, DEEP_DIVE = "Kickoff", "Deep dive: open contracting"


def test_a_checkbox_question_registers_people_for_each_session_they_ticked(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    rows = sessions.list_sessions(demo_app.uow())
    dialog = open_import(window, qtbot, FORM, rows[0].id)
    box = dialog.choices_box
    # No session of the demo is called "Kickoff": the answers are shown, not yet used.
    assert box.isVisibleTo(dialog) and not box.isChecked()
    assert list(box.combos) == [KICKOFF, DEEP_DIVE]
    assert "Which sessions will you attend?" in box.title()
    assert dialog.session_combo.isEnabled()
    assert "for this session" in dialog.summary.text()
    box.setChecked(True)
    wait_preview(qtbot, dialog)
    assert "Choose a session for at least one answer" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    box.combos[KICKOFF].setCurrentIndex(box.combos[KICKOFF].findData(rows[0].id))
    wait_preview(qtbot, dialog)
    box.combos[DEEP_DIVE].setCurrentIndex(box.combos[DEEP_DIVE].findData(rows[2].id))
    wait_preview(qtbot, dialog)
    text = dialog.summary.text()
    assert f"<b>{KICKOFF}</b> → {rows[0].title}: 2 people, 2 new registrants" in text
    assert f"<b>{DEEP_DIVE}</b> → {rows[2].title}: 2 people, 1 new registrant" in text
    assert not dialog.session_combo.isEnabled()  # the answers decide, not the one session
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as signal:
        dialog.import_button.click()
    assert sorted(signal.args[1]) == sorted([rows[0].id, rows[2].id])
    amara = registrants.find_by_email(demo_app.uow(), "amara.okafor@lagos.example")
    assert amara is not None
    assert {
        r.session_id for r in registrants.list_registrations(demo_app.uow(), registrant_id=amara.id)
    } == {rows[0].id, rows[2].id}
    # Taken back together from Import history.
    window.files.show_import_history()
    history = window.files.history_dialog
    assert history is not None and history.model.rowCount() == 2
    history.view.selectRow(0)
    history.ask_undo()
    assert "2 sessions" in history.question.informativeText()
    with qtbot.waitSignal(history.undone):
        history.question.button(QMessageBox.StandardButton.Yes).click()
    assert registrants.find_by_email(demo_app.uow(), "amara.okafor@lagos.example") is None
    assert all(b.undone_at is not None for b in imports.list_batches(demo_app.uow()))


def test_answers_named_like_sessions_are_used_at_once(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    series_id = sessions.list_sessions(demo_app.uow())[0].series_id
    kickoff = sessions.create_session(
        demo_app.uow(), series_id, SessionData("Kickoff", datetime(2026, 9, 2, 10))
    )
    window = make_window(demo_app)
    dialog = open_import(window, qtbot, FORM, kickoff)
    box = dialog.choices_box
    assert box.isChecked() and box.combos[KICKOFF].currentData() == kickoff
    assert box.combos[DEEP_DIVE].currentData() is None  # no such session: not imported
    assert "1 person ticked none of the sessions chosen above" in dialog.summary.text()
    assert "priya.nair@kochi.example" in dialog.summary.text()
