"""Saves PNGs of every tab and the main dialogs at 1280×760 and 1024×640 (run under Xvfb).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/take_screenshots.py
    take_screenshots.py [--dark] [--scale 2] [--out FOLDER] [--sizes 1280x760,1024x640]
                        [--only NAME,...]

Each picture is named NAME-WIDTH.png (sessions-1280.png). A dialog is photographed over
the window, as the user sees it: a dialog taller than the window is cut, as it would be
on a small screen. To add a dialog, append a Shot to DIALOGS: its `open` opens the dialog
from the window and returns it (non-blocking, like the app does).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from copy_shots import COPY_SHOTS
from PySide6.QtCore import QEventLoop, Qt, QTimer, SignalInstance
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QWidget
from window_shots import WINDOW_SHOTS

from desktop_app.bootstrap import App, open_app
from desktop_app.services import demo
from ui.app import make_qt_app
from ui.dialogs.run_of_show_dialog import RunOfShowDialog
from ui.window.main_window import MainWindow

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
SIZES = "1280x760,1024x640"
SETTLE_MS = 250  # layouts, column widths and the attendee index settle after a change


@dataclass(frozen=True)
class Shot:
    """A picture: its name and what to show (return the dialog to grab, or None for the
    window as it is)."""

    name: str
    open: Callable[[MainWindow], QWidget | None]
    close: Callable[[MainWindow], object] = lambda _window: None


def _tab(index: int) -> Callable[[MainWindow], QWidget | None]:
    def show(window: MainWindow) -> QWidget | None:
        window.tabs.setCurrentIndex(index)
        return None

    return show


def _edited_session(window: MainWindow) -> QWidget | None:
    """The Sessions tab with an unsaved edit: the mark beside Apply and on the tab."""
    from ui.tabs.sessions_tab import SessionsTab

    tab = window.tab(SessionsTab)
    window.select_tab(tab)
    tab.editor.title_edit.setText(tab.editor.title_edit.text() + " (draft)")
    tab.editor.tracker.touch()
    return None


def _revert_session(window: MainWindow) -> None:
    from ui.tabs.sessions_tab import SessionsTab

    window.tab(SessionsTab).editor.revert()


def _four_zones(window: MainWindow) -> QWidget | None:
    """The Sessions tab of a series shown in four more zones: the preview wraps."""
    import dataclasses

    from desktop_app.domain.records import SeriesData
    from desktop_app.services import series

    series_id = window.series.current_id()
    assert series_id is not None and window.app is not None
    row = series.get_series(window.app.uow(), series_id)
    zones = ("America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Sydney")
    data = SeriesData(row.title, row.organiser, row.description, row.home_zone, zones)
    window.edits.update_series(series_id, dataclasses.replace(data))
    window.show_tab_at(0)
    return None


def _undo(window: MainWindow) -> None:
    window.edits.stack.undo()


def _preferences(window: MainWindow) -> QWidget | None:
    window.menus.preferences.trigger()
    return window.general.preferences_dialog


def _guide(window: MainWindow) -> QWidget | None:
    window.menus.guide.trigger()
    return window.general.help_dialog


def _shortcuts(window: MainWindow) -> QWidget | None:
    window.menus.shortcuts.trigger()
    return window.general.help_dialog


FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "imports"


def _downloaded(file_name: str) -> Path:
    """A fixture copied to a Downloads folder, where a user's file would be (the dialog
    shows its path, which should not be this repository's)."""
    folder = Path(tempfile.gettempdir()) / "webinar-desk-shots" / "Downloads"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / file_name
    shutil.copyfile(FIXTURES / file_name, target)
    return target


PREVIEW_WAIT_MS = 30_000


def _wait_for(signal: SignalInstance, pending: bool = True, ms: int = PREVIEW_WAIT_MS) -> None:
    """Run the event loop until signal fires (or ms pass) when a worker's result is pending."""
    if pending:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(ms, loop.quit)
        loop.exec()


def _mail(window: MainWindow) -> QWidget | None:
    """The Mail dialog on the selected session, the sender filled in as Preferences would."""
    from ui.tabs.sessions_tab import SessionsTab

    tab = window.tab(SessionsTab)
    window.select_tab(tab)
    tab.mail_panel.mail_button.click()
    dialog = tab.mail_dialog
    assert dialog is not None
    dialog.choices.from_name_edit.setText("Mia Okafor")
    dialog.choices.from_email_edit.setText("mia.okafor@ocp.example")
    dialog.refresh()
    _wait_for(dialog.preview_ready, dialog.planner.pending)
    return dialog


def _close_mail(window: MainWindow) -> None:
    from ui.tabs.sessions_tab import SessionsTab

    dialog = window.tab(SessionsTab).mail_dialog
    if dialog is not None:
        dialog.close()


def _mail_template(window: MainWindow) -> QWidget | None:
    """The template editor over the Mail dialog, with a placeholder left empty."""
    dialog = _mail(window)
    assert dialog is not None
    dialog.choices.edit_template_button.click()
    editor = dialog.templates.editor
    editor.body_edit.appendPlainText("The recording will be here: {recording_link}")
    editor.refresh()
    _wait_for(editor.preview_shown, editor.planner.pending)
    return editor


DRAFTS: list[tempfile.TemporaryDirectory[str]] = []  # where the history's drafts went


def _mail_history(window: MainWindow) -> QWidget | None:
    """Mail history of a session after a confirmation and a reminder."""
    from desktop_app.domain.mail_kinds import MailAddress, MailKind
    from desktop_app.services import draft_batches
    from desktop_app.services.mail_drafts import DraftRequest, write_drafts
    from ui.changes import MAIL, change
    from ui.tabs.sessions_tab import SessionsTab

    tab = window.tab(SessionsTab)
    window.select_tab(tab)
    # The last session, so that the other pictures still show the first one undrafted.
    tab.view.selectRow(tab.model.rowCount() - 1)
    session = tab.selected()
    assert session is not None
    app = window.edits.app
    if not draft_batches.list_batches(app.uow(), session.id):
        if not DRAFTS:
            DRAFTS.append(tempfile.TemporaryDirectory())
        folder = Path(DRAFTS[0].name)
        sender = MailAddress("Mia Okafor", "mia.okafor@ocp.example")
        for kind, when, name in (
            (MailKind.CONFIRMATION, "", "Confirmations"),
            (MailKind.REMINDER, "day-before", "Reminders"),
        ):
            request = DraftRequest(kind, session.id, sender, when=when)
            write_drafts(app.uow(), request, folder / name)
        window.edits.announce(change(MAIL, session=[session.id]))
    tab.mail_panel.history_button.click()
    return tab.mail_history_dialog


def _first_session(window: MainWindow) -> None:
    from ui.tabs.sessions_tab import SessionsTab

    window.tab(SessionsTab).view.selectRow(0)


def _calendar(window: MainWindow) -> QWidget | None:
    window.show_tab_at(0)
    window.menus.calendar.trigger()
    from ui.tabs.sessions_tab import SessionsTab

    return window.tab(SessionsTab).calendar_dialog


def _import_preview(file_name: str) -> Callable[[MainWindow], QWidget | None]:
    """The import preview of a real fixture file into the second session, once read."""

    def show(window: MainWindow) -> QWidget | None:
        from desktop_app.services import sessions

        assert window.app is not None
        target = sessions.list_sessions(window.app.uow())[1]
        window.files.import_file(_downloaded(file_name), target.id)
        dialog = window.files.import_dialog
        assert dialog is not None
        _wait_for(dialog.preview_ready)
        return dialog

    return show


def _import_by_answers(window: MainWindow) -> QWidget | None:
    """A form whose question names sessions, each answer given a session of the demo."""
    from desktop_app.services import sessions
    from ui.dialogs.import_dialog import ImportDialog

    dialog = _import_preview("google-forms-responses.csv")(window)
    assert isinstance(dialog, ImportDialog) and window.app is not None
    rows = sessions.list_sessions(window.app.uow())
    box = dialog.choices_box
    for combo, row in zip(box.combos.values(), (rows[0], rows[2]), strict=False):
        combo.setCurrentIndex(combo.findData(row.id))
    box.setChecked(True)  # one preview for all three changes
    _wait_for(dialog.preview_ready)
    return dialog


def _import_history(window: MainWindow) -> QWidget | None:
    """Import history after one import (taken back again when the picture is taken)."""
    from desktop_app.services import imports, sessions

    assert window.app is not None
    target = sessions.list_sessions(window.app.uow())[1]
    imports.import_file(window.app.uow(), _downloaded("zoom-attendees-2026.csv"), target.id)
    window.files.show_import_history()
    return window.files.history_dialog


def _undo_last_import(window: MainWindow) -> None:
    from desktop_app.services import imports

    assert window.app is not None
    latest = imports.list_batches(window.app.uow())[0]
    if latest.undone_at is None:
        imports.undo_import(window.app.uow(), latest.id)


def _export(window: MainWindow) -> QWidget | None:
    window.menus.export.trigger()
    return window.files.export_dialog


def _profile(window: MainWindow) -> QWidget | None:
    """The profile editor of the default partner profile, over the export dialog."""
    window.menus.export.trigger()
    export = window.files.export_dialog
    assert export is not None
    export.edit_profile()
    return export.profile_dialog


def _close_export(window: MainWindow) -> None:
    if window.files.export_dialog is not None:
        window.files.export_dialog.close()


def _registrant(window: MainWindow) -> QWidget | None:
    from ui.tabs.attendees_tab import AttendeesTab

    tab = window.tab(AttendeesTab)
    window.select_tab(tab)
    settle()
    tab.edit_registrant(tab.model.index(0, 0))
    return tab.registrant_dialog


def _run_of_show(window: MainWindow) -> QWidget | None:
    from ui.tabs.sessions_tab import SessionsTab

    tab = window.tab(SessionsTab)
    window.select_tab(tab)
    tab.view.selectRow(1)
    window.menus.print.trigger()
    return tab.run_of_show_dialog


def _print_preview(window: MainWindow) -> QWidget | None:
    """The print preview of a run of show, over its editor."""
    editor = _run_of_show(window)
    assert isinstance(editor, RunOfShowDialog)
    settle()
    editor.output.preview_button.click()
    return editor.output.preview_dialog


def _close_run_of_show(window: MainWindow) -> None:
    from ui.tabs.sessions_tab import SessionsTab

    dialog = window.tab(SessionsTab).run_of_show_dialog
    if dialog is not None:
        dialog.close()


TABS = [Shot("sessions", _tab(0)), Shot("speakers", _tab(1)), Shot("attendees", _tab(2))]
# Other helpers add their dialogs here.
DIALOGS = [
    Shot("session-unsaved", _edited_session, _revert_session),
    Shot("session-zones", _four_zones, _undo),
    Shot("preferences", _preferences),
    Shot("guide", _guide),
    Shot("shortcuts", _shortcuts),
    *(Shot(name, show, close) for name, show, close in COPY_SHOTS),
    *(Shot(name, show, close) for name, show, close in WINDOW_SHOTS),
    Shot("mail", _mail),
    Shot("mail-template", _mail_template, _close_mail),
    Shot("calendar", _calendar),
    Shot("mail-history", _mail_history, _first_session),
    Shot("import-preview", _import_preview("zoom-attendees-2026.csv")),
    Shot("import-by-answers", _import_by_answers),
    Shot("import-history", _import_history, _undo_last_import),
    Shot("export", _export),
    Shot("export-profile", _profile, _close_export),
    Shot("registrant", _registrant),
    Shot("run-of-show", _run_of_show),
    Shot("print-preview", _print_preview, _close_run_of_show),
]


def dark_palette() -> QPalette:
    """A dark palette like the ones desktops use in dark mode."""
    palette = QPalette()
    role, colour = QPalette.ColorRole, QColor
    for name, value in (
        (role.Window, "#2d2d30"),
        (role.WindowText, "#e8e8e8"),
        (role.Base, "#1e1e1e"),
        (role.AlternateBase, "#262629"),
        (role.Text, "#e8e8e8"),
        (role.Button, "#3a3a3d"),
        (role.ButtonText, "#e8e8e8"),
        (role.Highlight, "#2f6fb0"),
        (role.HighlightedText, "#ffffff"),
        (role.PlaceholderText, "#8a8a8a"),
        (role.ToolTipBase, "#3a3a3d"),
        (role.ToolTipText, "#e8e8e8"),
        (role.Mid, "#555555"),
        (role.Light, "#505053"),
        (role.Dark, "#1a1a1a"),
    ):
        palette.setColor(name, colour(value))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#7a7a7a"))
    return palette


def settle(ms: int = SETTLE_MS) -> None:
    """Let Qt lay out and paint for a moment (a plain event loop, no busy waiting)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab(window: MainWindow) -> QPixmap:
    """What the screen shows where the window is, dialogs on top included."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    frame = window.frameGeometry()
    return screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())


def open_window(app: App, width: int, height: int) -> MainWindow:
    """A main window of this size at the top left of the screen."""
    window = MainWindow(app)
    window.move(0, 0)
    window.resize(width, height)
    window.show()
    settle(2 * SETTLE_MS)
    return window


def photograph(window: MainWindow, shot: Shot, target: Path) -> None:
    """Show a shot, save the picture, close what it opened."""
    dialog = shot.open(window)
    if dialog is not None:
        dialog.move(window.geometry().center() - dialog.rect().center())
    settle()
    grab(window).save(str(target))
    if dialog is not None:
        dialog.close()
    shot.close(window)
    settle(50)


def main() -> int:
    """Open the demo in a fresh database and photograph every tab and dialog at each size."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--dark", action="store_true", help="use the dark colour scheme")
    parser.add_argument("--scale", default="1", help="device pixel ratio, e.g. 2 for 200%%")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--sizes", default=SIZES, help="window sizes, e.g. 1280x760,1024x640")
    parser.add_argument("--only", default="", help="names of the shots to take, e.g. guide,empty")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    os.environ["QT_SCALE_FACTOR"] = args.scale
    # Remembered window state and preferences go to a throw-away folder, not the user's.
    settings = tempfile.TemporaryDirectory()
    os.environ["XDG_CONFIG_HOME"] = settings.name
    os.environ["WEBINAR_DESK_CONFIG_DIR"] = settings.name
    if args.dark:
        QApplication.setStyle("Fusion")  # the Fusion style follows the colour scheme
    qt_app = make_qt_app()
    if args.dark:
        # Xvfb has no platform theme to follow, so stand in for a desktop's dark palette.
        qt_app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        qt_app.setPalette(dark_palette())
    only = {name for name in args.only.split(",") if name}
    wanted = [s for s in [*TABS, *DIALOGS] if not only or s.name in only]
    sizes = [tuple(int(n) for n in size.split("x")) for size in args.sizes.split(",")]
    saved: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        empty = open_app(str(Path(folder) / "empty.sqlite"))
        app = open_app(str(Path(folder) / "demo.sqlite"))
        demo.load_demo(app.uow())
        for width, height in sizes:
            if not only or "empty" in only:
                window = open_window(empty, width, height)
                photograph(window, Shot("empty", lambda _w: None), out / f"empty-{width}.png")
                saved.append(f"empty-{width}.png")
                window.close()
            window = open_window(app, width, height)
            for shot in wanted:
                name = f"{shot.name}-{width}.png"
                photograph(window, shot, out / name)
                saved.append(name)
            window.close()
            settle(50)
        empty.close()
        app.close()
    print(f"saved {', '.join(saved)} in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
