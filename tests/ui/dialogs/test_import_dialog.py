"""Import from the window: preview, mapping, import on a worker, history with Undo import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.services import imports, registrants, sessions, stats
from tests.integration.test_imports import REAL_ZOOM
from ui.dialogs.import_dialog import ImportDialog
from ui.tabs.sessions_tab import SessionsTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def wait_preview(qtbot: QtBot, dialog: ImportDialog) -> None:
    """Wait for the preview the dialog is computing (it signals when it shows it)."""
    with qtbot.waitSignal(dialog.preview_ready, timeout=60_000):
        pass


def test_preview_then_import_then_undo_from_history(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    target = sessions.list_sessions(demo_app.uow())[1]
    before = stats.stats(demo_app.uow())
    window.files.import_file(REAL_ZOOM, target.id)
    dialog = window.files.import_dialog
    assert dialog is not None
    wait_preview(qtbot, dialog)
    assert "Zoom webinar attendee report" in dialog.summary.text()
    assert "459 new registrants" in dialog.summary.text()
    assert dialog.rows_model.rowCount() == 20  # the first attendee rows
    assert dialog.rows_model.index(0, 3).data() == "attendee130@email.com"
    assert stats.stats(demo_app.uow()) == before  # the preview wrote nothing
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.import_button.click()
    after = stats.stats(demo_app.uow())
    assert after.registrants == before.registrants + 459
    assert window.tab(SessionsTab).model.row_at(1).registered == target.registered + 459
    window.files.show_import_history()
    history = window.files.history_dialog
    assert history.model.rowCount() == 1
    history.view.selectRow(0)
    history.ask_undo()
    with qtbot.waitSignal(history.undone):
        history.question.button(QMessageBox.StandardButton.Yes).click()
    assert stats.stats(demo_app.uow()) == before
    assert not history.undo_button.isEnabled()


def test_refused_file_is_explained_and_nothing_changes(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    bad = tmp_path / "notes.csv"
    bad.write_text("Name,Organisation\nAnn,OCP\n")
    window.files.import_file(bad, 1)
    dialog = window.files.import_dialog
    assert dialog is not None
    wait_preview(qtbot, dialog)
    assert "cannot be imported" in dialog.summary.text()
    assert "no email column" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_mapping_a_column_by_hand(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    odd = tmp_path / "odd.csv"
    odd.write_text("E-mail,Wer\nlee@seoul.example,Lee Min\n")
    window.files.import_file(odd, 1)
    dialog = window.files.import_dialog
    assert dialog is not None
    wait_preview(qtbot, dialog)
    assert dialog.mapping_box.combos[1].currentText() == "(ignore)"
    combo = dialog.mapping_box.combos[1]
    combo.setCurrentIndex(combo.findData("full_name"))
    assert dialog._columns == {0: "email", 1: "full_name"}

    wait_preview(qtbot, dialog)
    assert "cannot be imported" not in dialog.summary.text(), dialog.summary.text()
    assert dialog.preview is not None and dialog.preview.parsed.columns.get(1) == "full_name"
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.import_button.click()
    report = imports.list_batches(demo_app.uow())[0]
    assert report.registrants_created == 1
    lee = registrants.find_by_email(demo_app.uow(), "lee@seoul.example")
    assert lee is not None and (lee.first_name, lee.last_name) == ("Lee", "Min")


def test_dropping_a_file_on_a_session_imports_into_it(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    view = window.tab(SessionsTab).view
    row_rect = view.visualRect(view.model().index(2, 1))
    spot = view.viewport().mapTo(window, row_rect.center())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(REAL_ZOOM))])
    event = QDropEvent(
        QPointF(spot),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    dialog = window.files.import_dialog
    assert dialog is not None
    assert dialog.session_combo.currentData() == window.tab(SessionsTab).model.row_at(2).id
    wait_preview(qtbot, dialog)


def test_a_zoom_report_fixes_the_mapping(demo_app: App, make_window: Build, qtbot: QtBot) -> None:
    window = make_window(demo_app)
    window.files.import_file(REAL_ZOOM, sessions.list_sessions(demo_app.uow())[1].id)
    dialog = window.files.import_dialog
    assert dialog is not None
    wait_preview(qtbot, dialog)
    mapping = dialog.mapping_box
    assert mapping.title() == "Columns (fixed by the layout of a Zoom webinar attendee report)"
    assert mapping.combos and not any(c.isEnabled() for c in mapping.combos.values())


def test_a_file_changed_since_the_preview_is_not_imported(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    sheet = tmp_path / "partners.csv"
    sheet.write_text("Email,Name\nlee@seoul.example,Lee Min\n")
    window.files.import_file(sheet, 1)
    dialog = window.files.import_dialog
    assert dialog is not None
    wait_preview(qtbot, dialog)
    before = stats.stats(demo_app.uow())
    sheet.write_text("Email,Name\nlee@seoul.example,Lee Min\nkim@seoul.example,Kim Ji\n")
    assert dialog.import_task is None
    dialog.import_button.click()
    assert dialog.import_task is not None
    with qtbot.waitSignal(dialog.import_task.failed, timeout=20_000):
        pass
    assert "changed since the preview" in dialog.summary.text()
    assert "Nothing was imported" in dialog.summary.text()
    assert stats.stats(demo_app.uow()) == before


def test_a_file_already_imported_is_said_at_once_and_read_again_on_request(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    target = sessions.list_sessions(demo_app.uow())[1]
    first = imports.import_file(demo_app.uow(), REAL_ZOOM, target.id)
    before = stats.stats(demo_app.uow())
    window.files.import_file(REAL_ZOOM, target.id)
    dialog = window.files.import_dialog
    assert dialog is not None
    wait_preview(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.parsed is None  # not read
    assert f"as batch {first.batch_id}; it was not read again" in dialog.summary.text()
    assert "new registrants" not in dialog.summary.text()
    assert dialog.again_button.isVisible() and not dialog.import_button.isEnabled()
    assert dialog.rows_model.rowCount() == 0
    dialog.again_button.click()
    wait_preview(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.parsed is not None
    assert "importing it again would change what follows" in dialog.summary.text()
    assert "459 unchanged" in dialog.summary.text()
    assert dialog.rows_model.rowCount() == 20 and not dialog.again_button.isVisible()
    assert not dialog.import_button.isEnabled()  # the same file: nothing would change
    assert stats.stats(demo_app.uow()) == before
