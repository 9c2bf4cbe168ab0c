"""The run-of-show editor: live times, edits with undo, reorder, save, export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.services import run_of_show
from ui.dialogs.run_of_show_dialog import RunOfShowDialog
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


def test_closing_saves_edits(demo_app: App, make_window: Build) -> None:
    window, dialog = open_editor(demo_app, make_window)
    model = dialog.model
    model.setData(model.index(2, 3), "Welcome!")
    dialog.close_button.click()
    session_id = window.tab(SessionsTab).selected().id
    assert run_of_show.load_segments(demo_app.uow(), session_id)[2].title == "Welcome!"


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


def test_move_buttons_and_print_buttons(demo_app: App, make_window: Build, qtbot: QtBot) -> None:
    _, dialog = open_editor(demo_app, make_window)
    model = dialog.model
    second, third = model.index(2, 3).data(), model.index(3, 3).data()
    dialog.view.selectRow(2)
    dialog.down_button.click()
    assert (model.index(2, 3).data(), model.index(3, 3).data()) == (third, second)
    dialog.up_button.click()
    assert (model.index(2, 3).data(), model.index(3, 3).data()) == (second, third)
    dialog.output.print_button.click()  # a bare QPrintDialog.open() would raise here
    printing = dialog.output.print_dialog
    qtbot.waitUntil(printing.isVisible)  # no printer here to print on: just close it
    printing.reject()
    dialog.output.preview_button.click()
    qtbot.waitUntil(dialog.output.preview_dialog.isVisible)
    dialog.output.preview_dialog.close()


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
