"""The series picker and what acts on whole series: new, edit, delete, and the demo series
(with the page a new database shows instead of the tabs)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.wording import plural
from ui.changes import EVERYTHING, SERIES, Change
from ui.dialogs.confirm import DeleteQuestion, ask_to_delete
from ui.dialogs.series_dialog import SeriesDialog
from ui.editors.forms import attempt
from ui.icons import icon
from ui.workers.background import Job, TaskHandle, run_task

if TYPE_CHECKING:
    from desktop_app.bootstrap import App
    from desktop_app.domain.records import SeriesData
    from ui.window.shell import Shell


class SeriesCommands(QObject):
    """Owns the series picker; shows the chosen series through the window."""

    listed = Signal(bool)  # the picker was refilled; True when there is any series
    demo_running = Signal(bool)
    demo_present = Signal(bool)  # whether anything the demo brought is still there

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shell = shell
        self.picker = QComboBox()
        self.picker.setMinimumContentsLength(30)
        self.picker.setAccessibleName("Series")
        self.picker.currentIndexChanged.connect(self._picked)
        self.empty_page = self._empty_page()
        self.demo_bar = self._demo_bar()
        self._demo_ids: set[int] = set()  # the series the demo brought
        self.series_dialog: SeriesDialog | None = None
        self.delete_box: DeleteQuestion | None = None
        self.error_box: QMessageBox | None = None
        self.demo_task: TaskHandle[object] | None = None

    @property
    def _app(self) -> App:
        app = self._shell.app
        assert app is not None, "series commands are enabled only on an open database"
        return app

    # The picker ------------------------------------------------------------------------

    def reload(self) -> None:
        """Refill the picker, keeping the selected series when it still exists; show it."""
        from desktop_app.services import series

        previous = self.current_id()
        rows = series.list_series(self._app.uow())
        self.picker.blockSignals(True)
        self.picker.clear()
        for row in rows:
            self.picker.addItem(row.title, row.id)
        self._demo_ids = {row.id for row in rows if row.is_demo}
        found = self.picker.findData(previous) if previous is not None else -1
        self.picker.setCurrentIndex(found if found >= 0 else (0 if rows else -1))
        self.picker.blockSignals(False)
        self.listed.emit(bool(rows))
        self.check_demo()
        self._picked()

    def follow(self, change: Change) -> bool:
        """Refill the picker if a series came, went or was renamed (also by undo); True
        when it did, and so showed the current series again."""
        if not change.touches(SERIES):
            if change.reshaped:
                self.check_demo()
            return False
        from desktop_app.services import series

        listed = [(self.picker.itemData(i), self.picker.itemText(i)) for i in range(self.count())]
        if listed == [(row.id, row.title) for row in series.list_series(self._app.uow())]:
            if change.reshaped:
                self.check_demo()
            return False
        self.reload()  # (which checks the demo)
        return True

    def count(self) -> int:
        """How many series the picker lists."""
        return self.picker.count()

    def current_id(self) -> int | None:
        """Id of the series being shown, if any."""
        value = self.picker.currentData()
        return int(value) if value is not None else None

    def select(self, series_id: int) -> None:
        """Show a series by id."""
        found = self.picker.findData(series_id)
        if found >= 0:
            self.picker.setCurrentIndex(found)

    def _picked(self) -> None:
        if self._shell.app is not None and self._shell.save_pending_edits():
            self._shell.show_series(self.current_id())
            self._show_demo_bar()

    # Series ------------------------------------------------------------------------------

    def new_series(self) -> None:
        """Ask for a new series' details, save it and show it."""
        self._open_dialog(None)

    def edit_series(self) -> None:
        """Edit the current series' details."""
        if self.current_id() is not None:
            self._open_dialog(self.current_id())

    def _open_dialog(self, series_id: int | None) -> None:
        from desktop_app.services import series

        row = series.get_series(self._app.uow(), series_id) if series_id is not None else None
        start = None
        if row is None:  # a new series starts from the preferences
            from desktop_app.domain.preferences import series_defaults
            from desktop_app.services.preferences import load_preferences

            start = series_defaults(load_preferences())
        dialog = SeriesDialog(row, self._shell.widget(), start)
        seen = row.version if row is not None else 0  # a save over a newer one is refused
        dialog.accepted_data.connect(lambda data: self._save(dialog, series_id, data, seen))
        self.series_dialog = dialog
        dialog.open()

    def _save(
        self, dialog: SeriesDialog, series_id: int | None, data: SeriesData, seen: int
    ) -> None:
        saved: list[int] = []

        def save() -> None:
            if series_id is None:
                saved.append(self._shell.edits.create_series(data))
            else:
                self._shell.edits.update_series(series_id, data, seen)
                saved.append(series_id)

        if attempt(dialog.problems, save):
            dialog.accept()
            self.select(saved[0])

    def delete_series(self) -> None:
        """Ask, saying what goes with it, then delete the current series."""
        series_id = self.current_id()
        if series_id is None:
            return
        from desktop_app.services import snapshots

        snap = snapshots.capture(self._app.uow(), "series", [series_id])
        self.delete_box = ask_to_delete(
            self._shell.widget(),
            "Delete series",
            f"Delete the series “{self.picker.currentText()}”?",
            f"Its {plural(snap.count('sessions'), 'session')} "
            f"{'goes' if snap.count('sessions') == 1 else 'go'} with it, with "
            f"{plural(snap.count('registrations'), 'registration')} and "
            f"{plural(snap.count('session_speakers'), 'speaker part')}; registrants and "
            "speakers stay.",
            lambda: self._shell.edits.delete_series(series_id),
        )

    # The demo ----------------------------------------------------------------------------

    def load_demo(self) -> None:
        """Add the demo series on a worker thread, then show it."""
        from desktop_app.services import demo

        app = self._app
        self.demo_running.emit(True)
        self._shell.status.set_busy(True, "Loading the demo series…")

        def work(_job: Job) -> object:
            return demo.load_demo(app.uow())

        self.demo_task = run_task(
            work, on_done=self._demo_loaded, on_failed=self._demo_failed, parent=self
        )

    def _demo_loaded(self, result: object) -> None:
        self._demo_finished()
        self._shell.edits.announce(EVERYTHING)
        self.select(getattr(result, "series_id", -1))
        self._shell.status.show_status("Demo series loaded.")

    def _demo_failed(self, text: str) -> None:
        self._demo_finished()
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Demo series", text, parent=self._shell.widget()
        )
        self.error_box = box
        box.open()

    def check_demo(self) -> None:
        """Say whether there is a demo to remove, and who is left in no series."""
        from desktop_app.services import demo_removal, orphans

        present = demo_removal.demo_present(self._app.uow())
        self.demo_present.emit(present)
        people, speakers = orphans.counts(self._app.uow())
        lost = [plural(people, "registrant")] if people else []
        lost += [plural(speakers, "speaker")] if speakers else []
        self.orphans_label.setText(f"{' and '.join(lost)} from earlier series are in none now.")
        self.orphans_box.setVisible(bool(lost))
        self.empty_remove_button.setVisible(present)
        self._show_demo_bar()

    def _show_demo_bar(self) -> None:
        self.demo_bar.setVisible(self.current_id() in self._demo_ids)

    def remove_demo(self) -> None:
        """Ask, then take away the demo series and everything it brought (undoable)."""
        self.delete_box = ask_to_delete(
            self._shell.widget(),
            "Remove the demo series",
            "Remove the demo series?",
            "Its sessions go, with the demo's speakers and registrants, except any you have "
            "since added to a series of your own. Nothing you added yourself is removed.",
            self._remove_demo,
            verb="Remove",
        )

    def _remove_demo(self) -> None:
        removal = self._shell.edits.remove_demo()
        gone = [
            plural(removal.sessions, "session"),
            plural(removal.speakers, "speaker"),
            plural(removal.registrants, "registrant"),
        ]
        self._shell.status.show_status(f"Removed the demo: {', '.join(gone)}.")

    def delete_in_no_series(self) -> None:
        """Ask, then delete every registrant and speaker who is in no series."""
        self.delete_box = ask_to_delete(
            self._shell.widget(),
            "Delete the people in no series",
            "Delete everyone who is in no series?",
            self.orphans_label.text(),
            self._delete_in_no_series,
        )

    def _delete_in_no_series(self) -> None:
        people, speakers = self._shell.edits.delete_in_no_series()
        self._shell.status.show_status(
            f"Deleted {plural(people, 'registrant')} and {plural(speakers, 'speaker')}."
        )

    def _demo_bar(self) -> QWidget:
        """A line above the tabs while the demo series is shown: how to take it away."""
        bar = QFrame()
        bar.setObjectName("demoBar")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(
            "This is the demo series: its people are made up. Remove it when you have seen "
            "enough; your own series stay."
        )
        text.setWordWrap(True)
        self.bar_remove_button = QPushButton(icon("delete"), "Remove the demo series…")
        self.bar_remove_button.clicked.connect(self.remove_demo)
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(text, 1)
        layout.addWidget(self.bar_remove_button)
        bar.hide()
        return bar

    def _demo_finished(self) -> None:
        self._shell.status.set_busy(False)
        self.demo_running.emit(False)

    def _empty_page(self) -> QWidget:
        """What a new database shows: an offer to load the demo series."""
        heading = QLabel("No webinar series yet")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        heading.setFont(font)
        # Explicit line breaks: a word-wrapped label in a centred layout gets too little height.
        text = QLabel(
            "Try Webinar Desk with the demo series “Procurement with a Purpose”:\n"
            "four sessions, thirteen speakers and a few hundred registrants."
        )
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.demo_button = QPushButton("Load the demo series")
        self.demo_button.setDefault(True)
        self.demo_button.clicked.connect(self.load_demo)
        self.demo_running.connect(lambda running: self.demo_button.setEnabled(not running))
        self.empty_new_button = QPushButton("Start a new series…")
        self.empty_new_button.clicked.connect(self.new_series)
        # What an earlier series left behind is offered for clearing out here too.
        self.orphans_label = QLabel()
        self.empty_delete_button = QPushButton(icon("delete"), "Delete them…")
        self.empty_delete_button.clicked.connect(self.delete_in_no_series)
        self.empty_remove_button = QPushButton(icon("delete"), "Remove what the demo left…")
        self.empty_remove_button.clicked.connect(self.remove_demo)
        self.empty_remove_button.hide()
        self.orphans_box = QWidget()
        orphans_row = QHBoxLayout(self.orphans_box)
        orphans_row.addWidget(self.orphans_label)
        orphans_row.addWidget(self.empty_delete_button)
        self.orphans_box.hide()
        card = QWidget()
        card_layout = QVBoxLayout(card)
        card_layout.setSpacing(12)
        for widget in (heading, text, self.demo_button, self.empty_new_button):
            card_layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        card_layout.addSpacing(24)
        card_layout.addWidget(self.orphans_box, 0, Qt.AlignmentFlag.AlignHCenter)
        card_layout.addWidget(self.empty_remove_button, 0, Qt.AlignmentFlag.AlignHCenter)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page
