"""Export from the window: profiles, preview with personal columns, export on a worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from desktop_app.domain.export_profile import EVERYTHING, PARTNERS
from desktop_app.services import export_profiles, exports, registrants
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
    profile = export_profiles.get_profile(demo_app.uow(), "Nairobi partners")
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


class UrlCatcher(QObject):
    """Stands in for the desktop's file manager."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_one_status_line_and_open_folder_only_for_the_file_just_written(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    window.files.show_export()
    dialog = window.files.export_dialog
    assert dialog is not None
    preview = dialog.preview.text()
    first = tmp_path / "first" / "partners.xlsx"
    first.parent.mkdir()
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_to(first)
    assert dialog.status.text() == f"<b>Written:</b> {first}"
    assert dialog.preview.text() == preview  # the preview is not pushed down by messages
    assert dialog.open_folder_button.isVisible()
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        dialog.open_folder_button.click()
        # A failure: the message replaces the last one, and there is no folder to open.
        missing = tmp_path / "gone" / "partners.xlsx"
        dialog.export_to(missing)
        assert dialog.export_task is not None
        with qtbot.waitSignal(dialog.export_task.failed, timeout=20_000):
            pass  # the failure arrives through the event loop
        assert "No file was written." in dialog.status.text()
        assert "Written:" not in dialog.status.text() and dialog.status.text().count("<b>") == 1
        assert not dialog.open_folder_button.isVisible()
        second = tmp_path / "second" / "partners.csv"
        second.parent.mkdir()
        with qtbot.waitSignal(dialog.exported, timeout=20_000):
            dialog.export_to(second)
        assert dialog.status.text() == f"<b>Written:</b> {second}"
        dialog.open_folder_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(u.toLocalFile()) for u in catcher.urls] == [first.parent, second.parent]


def test_the_file_dialog_starts_in_the_preferences_folder(
    demo_app: App, make_window: Build, tmp_path: Path
) -> None:
    window = make_window(demo_app)
    chosen = tmp_path / "For partners"
    chosen.mkdir()
    window.menus.preferences.trigger()
    prefs = window.general.preferences_dialog
    assert prefs is not None
    prefs.folder_edit.setText(str(chosen))
    prefs.buttons.button(prefs.buttons.StandardButton.Save).click()
    window.files.show_export()
    dialog = window.files.export_dialog
    assert dialog is not None
    dialog.choose_file()
    assert Path(dialog.file_dialog.directory().absolutePath()) == chosen
    assert dialog.file_dialog.selectedFiles()[0].endswith(".xlsx")
    dialog.file_dialog.reject()


def test_export_the_people_selected_on_the_attendees_tab(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    from desktop_app.domain.preferences import Preferences
    from desktop_app.services.preferences import save_preferences
    from ui.tabs.attendees_tab import AttendeesTab

    save_preferences(Preferences(staff_name="Ana Ruiz"))
    window = make_window(demo_app)
    tab = window.tab(AttendeesTab)
    window.tabs.setCurrentWidget(tab)
    assert not tab.export_action.isEnabled()
    assert tab.export_action in tab.view.actions()  # on the list's right-click menu
    for row in (0, 2, 4):
        tab.view.selectionModel().select(
            tab.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    chosen = tab.selected_ids()
    assert len(chosen) == 3 and tab.export_action.isEnabled()
    tab.export_action.trigger()
    dialog = window.files.export_dialog
    assert dialog is not None and dialog.windowTitle() == "Export the selected registrants"
    dialog.profile_combo.setCurrentText(EVERYTHING)
    assert "<b>3 people</b>" in dialog.preview.text()
    target = tmp_path / "three.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_to(target)
    book = load_workbook(target)
    emails = {row[2] for row in book["All registrants"].iter_rows(min_row=2, values_only=True)}
    people = {registrants.get_registrant(demo_app.uow(), i).email for i in chosen}
    assert emails == people
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True) if row[0]}
    assert summary["Exported by"] == "Ana Ruiz"  # from Preferences, not the login name


def test_exported_by_without_a_name_in_preferences_is_not_the_login(
    demo_app: App, make_window: Build, qtbot: QtBot, tmp_path: Path
) -> None:
    import getpass

    window = make_window(demo_app)
    window.files.show_export()
    dialog = window.files.export_dialog
    assert dialog is not None
    target = tmp_path / "partners.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_to(target)
    summary = {
        row[0]: row[1] for row in load_workbook(target)["Summary"].iter_rows(values_only=True)
    }
    assert summary["Exported by"] == exports.DEFAULT_EXPORTER != getpass.getuser()
