"""Export from the window: profiles, preview with personal columns, export on a worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.domain.export_profile import EVERYTHING, PARTNERS
from desktop_app.services import exports
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def test_preview_flags_personal_columns_and_exports(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    window.files.show_export()
    dialog = window.files.export_dialog
    assert dialog.profile_combo.currentText() == PARTNERS  # the safe one, unless chosen
    assert not dialog.delete_button.isEnabled()  # built in
    dialog.profile_combo.setCurrentText(EVERYTHING)
    assert "320 people" in dialog.preview.text()
    assert "Personal data:" in dialog.preview.text() and "Email" in dialog.preview.text()
    target = tmp_path / "everything.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_to(target)
    assert dialog.open_folder_button.isVisible()
    assert load_workbook(target)["All registrants"].max_row == 321


def test_a_new_partner_profile_is_saved_and_used(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    window.files.show_export()
    dialog = window.files.export_dialog
    dialog.new_profile()
    editor = dialog.profile_dialog
    editor.name_edit.setText("Nairobi partners")
    editor.organisations_edit.setText("Nairobi")
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert not editor.isVisible()
    assert dialog.profile_combo.currentText() == "Nairobi partners"
    assert "Personal data" not in dialog.preview.text()  # the partner default has no email
    profile = exports.get_profile(demo_app.uow(), "Nairobi partners")
    expected = exports.plan_export(demo_app.uow(), 1, profile).people
    assert f"{expected:,} people" in dialog.preview.text()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(".csv"))
    target = tmp_path / "nairobi.csv"
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_to(target)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == expected + 1 and all("Nairobi" in line for line in lines[1:])


def test_profile_editor_marks_a_missing_name(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    window.files.show_export()
    dialog = window.files.export_dialog
    dialog.new_profile()
    editor = dialog.profile_dialog
    editor.name_edit.clear()
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    assert "needs a name" in editor.problems.text_of("name")
    assert editor.isVisible()
