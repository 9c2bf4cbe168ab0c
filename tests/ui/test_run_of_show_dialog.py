"""The run-of-show editor: live times, edits with undo, reorder, save, export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from desktop_app.bootstrap import App
from desktop_app.services import run_of_show
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def open_editor(app: App, build: Build, row: int = 1) -> tuple[MainWindow, object]:
    window = build(app)
    window.sessions_tab.view.selectRow(row)
    window.print_action.trigger()
    return window, window.sessions_tab.run_of_show_dialog


def test_times_update_as_you_edit_and_undo(
    demo_app: App, make_window: Build, qtmodeltester: ModelTester
) -> None:
    _, dialog = open_editor(demo_app, make_window)
    model = dialog.model  # type: ignore[attr-defined]
    qtmodeltester.check(model)
    assert "Fits the session exactly" in dialog.verdict.text()  # type: ignore[attr-defined]
    titles = [model.index(r, 3).data() for r in range(model.rowCount())]
    welcome = titles.index("Welcome and housekeeping")
    assert model.index(welcome + 1, 0).data() == "10:05–10:07"
    assert model.index(welcome + 1, 1).data() == "13:05–13:07"
    assert model.setData(model.index(welcome, 2), 10)  # duration 5 -> 10
    assert model.index(welcome + 1, 0).data() == "10:10–10:12"
    assert "Runs 5 minutes over" in dialog.verdict.text()  # type: ignore[attr-defined]
    assert model.setData(model.index(welcome, 4), "Ann Lee")  # owner
    dialog.undo_action.trigger()  # type: ignore[attr-defined]
    dialog.undo_action.trigger()  # type: ignore[attr-defined]
    assert model.index(welcome + 1, 0).data() == "10:05–10:07"
    dialog.redo_action.trigger()  # type: ignore[attr-defined]
    assert model.index(welcome + 1, 0).data() == "10:10–10:12"


def test_insert_delete_reorder_then_save(demo_app: App, make_window: Build) -> None:
    window, dialog = open_editor(demo_app, make_window)
    model = dialog.model  # type: ignore[attr-defined]
    count = model.rowCount()
    dialog.view.selectRow(2)  # type: ignore[attr-defined]
    dialog.add_button.click()  # type: ignore[attr-defined]
    assert model.rowCount() == count + 1 and model.index(3, 3).data() == "New segment"
    dialog.delete_button.click()  # type: ignore[attr-defined]
    assert model.rowCount() == count
    first = model.index(2, 3).data()
    model.dropMimeData(
        model.mimeData([model.index(2, 3)]), Qt.DropAction.MoveAction, 5, 0, QModelIndex()
    )
    assert model.index(4, 3).data() == first
    dialog.save_button.click()  # type: ignore[attr-defined]
    session_id = window.sessions_tab.selected().id
    saved = run_of_show.load_segments(demo_app.uow(), session_id)
    assert [s.title for s in saved] == [model.index(r, 3).data() for r in range(count)]


def test_closing_saves_edits(demo_app: App, make_window: Build) -> None:
    window, dialog = open_editor(demo_app, make_window)
    model = dialog.model  # type: ignore[attr-defined]
    model.setData(model.index(2, 3), "Welcome!")
    dialog.close_button.click()  # type: ignore[attr-defined]
    session_id = window.sessions_tab.selected().id
    assert run_of_show.load_segments(demo_app.uow(), session_id)[2].title == "Welcome!"


def test_export_pdf_html_xlsx_from_the_editor(
    demo_app: App, make_window: Build, tmp_path: Path
) -> None:
    _, dialog = open_editor(demo_app, make_window)
    for name in ("ros.pdf", "ros.html", "ros.xlsx"):
        dialog.export_to(tmp_path / name)  # type: ignore[attr-defined]
        assert (tmp_path / name).stat().st_size > 0
    assert (tmp_path / "ros.pdf").read_bytes().startswith(b"%PDF")
    assert "Procurement for the People" in (tmp_path / "ros.html").read_text()


def test_cue_is_chosen_from_the_usual_cues(demo_app: App, make_window: Build) -> None:
    from PySide6.QtWidgets import QStyleOptionViewItem

    _, dialog = open_editor(demo_app, make_window)
    view, model = dialog.view, dialog.model  # type: ignore[attr-defined]
    index = model.index(3, 2 + 3)  # two time columns, then Min, Segment, Who, Cue
    delegate = view.itemDelegateForColumn(5)
    editor = delegate.createEditor(view.viewport(), QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    assert editor.findText("Start recording") >= 0 and editor.isEditable()
    editor.setCurrentText("Start recording")
    delegate.setModelData(editor, model, index)
    assert model.index(3, 5).data() == "Start recording"
    editor.deleteLater()
