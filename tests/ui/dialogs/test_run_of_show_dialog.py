"""The run-of-show editor: live times, edits with undo, reorder, save, export."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.domain.records import SeriesData, SessionData
from desktop_app.services import run_of_show, series, sessions
from ui.dialogs.run_of_show_dialog import RunOfShowDialog
from ui.dialogs.run_of_show_output import PREVIEW_SIZE
from ui.tabs.sessions_tab import SessionsTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def open_editor(app: App, build: Build, row: int = 1) -> tuple[MainWindow, RunOfShowDialog]:
    window = build(app)
    window.tab(SessionsTab).view.selectRow(row)
    window.menus.print.trigger()
    return window, window.tab(SessionsTab).run_of_show_dialog


def test_times_update_as_you_edit_and_undo(
    demo_app: App, make_window: Build, qtmodeltester: ModelTester
) -> None:
    _, dialog = open_editor(demo_app, make_window)
    model = dialog.model
    qtmodeltester.check(model)
    assert "Fits the session exactly" in dialog.verdict.text()
    titles = [model.index(r, 3).data() for r in range(model.rowCount())]
    welcome = titles.index("Welcome and housekeeping")
    assert model.index(welcome + 1, 0).data() == "10:05–10:07"
    assert model.index(welcome + 1, 1).data() == "13:05–13:07"
    assert model.setData(model.index(welcome, 2), 10)  # duration 5 -> 10
    assert model.index(welcome + 1, 0).data() == "10:10–10:12"
    assert "Runs 5 minutes over" in dialog.verdict.text()
    assert model.setData(model.index(welcome, 4), "Ann Lee")  # owner
    dialog.undo_action.trigger()
    dialog.undo_action.trigger()
    assert model.index(welcome + 1, 0).data() == "10:05–10:07"
    dialog.redo_action.trigger()
    assert model.index(welcome + 1, 0).data() == "10:10–10:12"


def test_insert_delete_reorder_then_save(demo_app: App, make_window: Build) -> None:
    window, dialog = open_editor(demo_app, make_window)
    model = dialog.model
    count = model.rowCount()
    dialog.view.selectRow(2)
    dialog.add_button.click()
    assert model.rowCount() == count + 1 and model.index(3, 3).data() == "New segment"
    dialog.delete_button.click()
    assert model.rowCount() == count
    first = model.index(2, 3).data()
    model.dropMimeData(
        model.mimeData([model.index(2, 3)]), Qt.DropAction.MoveAction, 5, 0, QModelIndex()
    )
    assert model.index(4, 3).data() == first
    dialog.save_button.click()
    session_id = window.tab(SessionsTab).selected().id
    saved = run_of_show.load_segments(demo_app.uow(), session_id)
    assert [s.title for s in saved] == [model.index(r, 3).data() for r in range(count)]


def test_closing_with_edits_asks_and_save_saves(demo_app: App, make_window: Build) -> None:
    window, dialog = open_editor(demo_app, make_window)
    session_id = window.tab(SessionsTab).selected().id
    before = run_of_show.load_segments(demo_app.uow(), session_id)
    dialog.model.setData(dialog.model.index(2, 3), "Welcome!")
    dialog.close_button.click()
    question = dialog.unsaved_question
    assert question is not None and question.isVisible() and dialog.isVisible()
    assert run_of_show.load_segments(demo_app.uow(), session_id) == before  # nothing silent
    question.button(QMessageBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert run_of_show.load_segments(demo_app.uow(), session_id)[2].title == "Welcome!"


def test_discard_throws_edits_away_and_cancel_keeps_editing(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window, dialog = open_editor(demo_app, make_window)
    session_id = window.tab(SessionsTab).selected().id
    before = run_of_show.load_segments(demo_app.uow(), session_id)
    dialog.model.setData(dialog.model.index(2, 3), "An experiment")
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)  # Esc asks too
    assert dialog.unsaved_question is not None
    dialog.unsaved_question.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.isVisible() and dialog.model.index(2, 3).data() == "An experiment"
    dialog.close()  # the title bar's close asks as well
    dialog.unsaved_question.button(QMessageBox.StandardButton.Discard).click()
    assert not dialog.isVisible()
    assert run_of_show.load_segments(demo_app.uow(), session_id) == before


def test_closing_without_edits_does_not_ask(demo_app: App, make_window: Build) -> None:
    _, dialog = open_editor(demo_app, make_window)
    dialog.close_button.click()
    assert not dialog.isVisible() and dialog.unsaved_question is None


def test_export_pdf_html_xlsx_from_the_editor(
    demo_app: App, make_window: Build, tmp_path: Path
) -> None:
    _, dialog = open_editor(demo_app, make_window)
    for name in ("ros.pdf", "ros.html", "ros.xlsx"):
        dialog.output.export_to(tmp_path / name)
        assert (tmp_path / name).stat().st_size > 0
    assert (tmp_path / "ros.pdf").read_bytes().startswith(b"%PDF")
    assert "Procurement for the People" in (tmp_path / "ros.html").read_text()


def test_cue_is_chosen_from_the_usual_cues(demo_app: App, make_window: Build) -> None:
    from PySide6.QtWidgets import QStyleOptionViewItem

    _, dialog = open_editor(demo_app, make_window)
    view, model = dialog.view, dialog.model
    index = model.index(3, 2 + 3)  # two time columns, then Min, Segment, Who, Cue
    delegate = view.itemDelegateForColumn(5)
    editor = delegate.createEditor(view.viewport(), QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    assert editor.findText("Start recording") >= 0 and editor.isEditable()
    editor.setCurrentText("Start recording")
    delegate.setModelData(editor, model, index)
    assert model.index(3, 5).data() == "Start recording"
    editor.deleteLater()


def test_move_buttons(demo_app: App, make_window: Build) -> None:
    _, dialog = open_editor(demo_app, make_window)
    model = dialog.model
    second, third = model.index(2, 3).data(), model.index(3, 3).data()
    dialog.view.selectRow(2)
    dialog.down_button.click()
    assert (model.index(2, 3).data(), model.index(3, 3).data()) == (third, second)
    dialog.up_button.click()
    assert (model.index(2, 3).data(), model.index(3, 3).data()) == (second, third)


def test_print_button_prints_to_a_pdf_printer(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    _, dialog = open_editor(demo_app, make_window)
    dialog.model.setData(dialog.model.index(2, 3), "Welcome, as printed")
    dialog.output.print_button.click()  # a bare QPrintDialog.open() would raise here
    printing = dialog.output.print_dialog
    assert printing is not None
    qtbot.waitUntil(printing.isVisible)
    # No printer is installed here: the dialog offers printing to a PDF file.
    printer = dialog.output.printer
    assert printer is not None and printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    target = tmp_path / "printed.pdf"
    printing.findChild(QLineEdit, "filename").setText(str(target))
    printing.accept()
    text = pdf_text(target)
    assert "Welcome, as printed" in text and "Procurement for the People" in text
    assert "Page 1 of" in text


def test_ctrl_p_in_the_editor_opens_the_print_dialog(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    _, dialog = open_editor(demo_app, make_window)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    # A shortcut "animates" the button's click, which lands a moment later.
    qtbot.waitUntil(lambda: dialog.output.print_dialog is not None)
    printing = dialog.output.print_dialog
    assert printing is not None
    qtbot.waitUntil(printing.isVisible)
    printing.reject()


def test_print_preview_opens_at_fit_width(demo_app: App, make_window: Build, qtbot: QtBot) -> None:
    window, dialog = open_editor(demo_app, make_window)
    dialog.output.preview_button.click()
    preview = dialog.output.preview_dialog
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
    # As wide as a page reads well, or the window or screen where that is smaller.
    screen = preview.screen().availableGeometry().width()
    assert preview.width() == min(PREVIEW_SIZE[0], screen, window.width()) > 600
    preview.close()


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_export_writes_what_is_shown_and_refuses_other_names(
    demo_app: App, make_window: Build, tmp_path: Path
) -> None:
    _, dialog = open_editor(demo_app, make_window)
    dialog.model.setData(dialog.model.index(2, 3), "Welcome, unsaved")
    dialog.output.export_to(tmp_path / "ros.html")
    assert "Welcome, unsaved" in (tmp_path / "ros.html").read_text()
    assert dialog.source.text() == f"Exported to {tmp_path / 'ros.html'}."
    dialog.output.export_to(tmp_path / "ros.txt")
    assert ".pdf, .html or .xlsx" in dialog.warning.text()
    assert not (tmp_path / "ros.txt").exists()


def late_night_session(app: App) -> int:
    """A session at 02:30 in London on Sun 29 Mar 2026: Saturday evening in New York."""
    series_id = series.create_series(
        app.uow(),
        SeriesData("Night owls", home_zone="Europe/London", display_zones=("America/New_York",)),
    )
    return sessions.create_session(
        app.uow(), series_id, SessionData("Small hours", datetime(2026, 3, 29, 2, 30))
    )


def test_other_zones_show_the_day_they_are_on(
    app: App, qtbot: QtBot, qtmodeltester: ModelTester, tmp_path: Path
) -> None:
    dialog = RunOfShowDialog(app, late_night_session(app))
    qtbot.addWidget(dialog)
    model = dialog.model
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (0, 1)] == ["BST", "ET"]
    first_on_air = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data().startswith("02:30")
    )
    assert model.index(first_on_air, 1).data().startswith("Sat 21:30–")
    assert "Sat" not in model.index(first_on_air, 0).data()  # the home zone's own day
    dialog.output.export_to(tmp_path / "ros.html")
    html = (tmp_path / "ros.html").read_text()
    assert "Sat 21:30" in html
    # A web page has no pages: the printed time once at the end, no page footer.
    assert html.count("Printed") == 1 and "Page 1 of" not in html
    dialog.output.export_to(tmp_path / "ros.pdf")
    assert "Sat 21:30" in pdf_text(tmp_path / "ros.pdf")
