"""File › Calendar…: a calendar file (.ics) of one session, the whole series, or one
speaker's holds, saved where the user picks."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.bootstrap import App
from desktop_app.domain.errors import UserError
from desktop_app.domain.rows import SessionRow, SpeakerRow
from desktop_app.io.draft_folder import safe_file_name
from desktop_app.services import calendars
from desktop_app.services.calendars import CalendarReport
from desktop_app.services.preferences import load_preferences
from ui.editors.forms import PROBLEM_COLOUR

SESSION, SERIES, SPEAKER = "session", "series", "speaker"
EXPLAINED = (
    "Times are written in UTC, so each calendar shows them in its owner's zone. Save the "
    "file again after a change: calendar programs update their entries instead of adding "
    "new ones."
)


class CalendarDialog(QDialog):
    """Chooses whose calendar to write and writes it."""

    saved = Signal(str)  # the file written

    def __init__(
        self,
        app: App,
        series: tuple[int, str],
        sessions: list[SessionRow],
        speakers: list[SpeakerRow],
        session_id: int | None = None,
        speaker_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._series_id, self._series_title = series
        self.report: CalendarReport | None = None
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle("Calendar file")
        self.setMinimumWidth(520)

        self.session_radio = QRadioButton("One &session")
        self.series_radio = QRadioButton(f"The whole s&eries: {self._series_title}")
        self.speaker_radio = QRadioButton("A s&peaker's holds")
        self.choice = QButtonGroup(self)
        for radio in (self.session_radio, self.series_radio, self.speaker_radio):
            self.choice.addButton(radio)
        self.session_combo = QComboBox()
        self.session_combo.setAccessibleName("Session")
        for row in sessions:
            day = row.start_label.partition(" · ")[0]
            self.session_combo.addItem(f"{row.title} ({day})", row.id)
        self.speaker_combo = QComboBox()
        self.speaker_combo.setAccessibleName("Speaker")
        for speaker in speakers:
            self.speaker_combo.addItem(speaker.name, speaker.id)
        self.series_radio.setEnabled(bool(sessions))
        self.session_radio.setEnabled(bool(sessions))
        self.speaker_radio.setEnabled(bool(speakers))
        if session_id is not None:
            self.session_combo.setCurrentIndex(max(self.session_combo.findData(session_id), 0))
        if speaker_id is not None:
            self.speaker_combo.setCurrentIndex(max(self.speaker_combo.findData(speaker_id), 0))
        first = self.speaker_radio if speaker_id is not None and speakers else self.session_radio
        first.setChecked(True)

        self.what_label = QLabel()
        self.what_label.setWordWrap(True)
        self.what_label.setObjectName("calendarWhat")
        explained = QLabel(EXPLAINED)
        explained.setWordWrap(True)
        self.result_label = QLabel()
        self.result_label.setObjectName("calendarResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.save_button = QPushButton("&Save…")
        self.save_button.setDefault(True)
        self.open_folder_button = QPushButton("&Open folder")
        self.close_button = QPushButton("Close")
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_folder_button.hide()
        self.save_button.clicked.connect(self.choose_file)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.session_radio, 0, 0)
        grid.addWidget(self.session_combo, 0, 1)
        grid.addWidget(self.series_radio, 1, 0, 1, 2)
        grid.addWidget(self.speaker_radio, 2, 0)
        grid.addWidget(self.speaker_combo, 2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Write a calendar file (.ics) of"))
        layout.addLayout(grid)
        layout.addWidget(self.what_label)
        layout.addWidget(explained)
        layout.addStretch(1)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self.choice.buttonToggled.connect(self._update)
        self.session_combo.currentIndexChanged.connect(self._update)
        self.speaker_combo.currentIndexChanged.connect(self._update)
        self._update()

    def whose(self) -> tuple[str, int | None]:
        """What the file is of: (SESSION, id), (SERIES, id) or (SPEAKER, id)."""
        if self.series_radio.isChecked():
            return SERIES, self._series_id
        if self.speaker_radio.isChecked():
            value = self.speaker_combo.currentData()
            return SPEAKER, int(value) if value is not None else None
        value = self.session_combo.currentData()
        return SESSION, int(value) if value is not None else None

    def _update(self) -> None:
        kind, chosen = self.whose()
        self.session_combo.setEnabled(kind == SESSION)
        self.speaker_combo.setEnabled(kind == SPEAKER)
        self.save_button.setEnabled(chosen is not None)
        self.what_label.setText(
            {
                SESSION: "The session as one event, with its join link.",
                SERIES: f"Every session of the series as its own event ({self._count()}).",
                SPEAKER: "For each session the speaker takes part in: the tech check, the "
                "session, and the After Hours when they host it.",
            }[kind]
        )

    def _count(self) -> str:
        count = self.session_combo.count()
        return f"{count} event{'s' if count != 1 else ''}"

    def file_name(self) -> str:
        """The suggested name of the file."""
        kind, _chosen = self.whose()
        shown = {
            SESSION: self.session_combo.currentText().rpartition(" (")[0],
            SERIES: self._series_title,
            SPEAKER: f"{self.speaker_combo.currentText()} - {self._series_title}",
        }[kind]
        return safe_file_name(shown) + ".ics"

    def choose_file(self) -> None:
        """Ask where to save the file."""
        folder = load_preferences().export_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        dialog = QFileDialog(
            self,
            "Save calendar file",
            str(Path(folder or Path.home()) / self.file_name()),
            "Calendar files (*.ics)",
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("ics")
        dialog.fileSelected.connect(lambda path: self.save_to(Path(path)))
        self.file_dialog = dialog
        dialog.open()

    def save_to(self, target: Path) -> None:
        """Write the chosen calendar to target and say what it holds."""
        kind, chosen = self.whose()
        if chosen is None:
            return
        try:
            report = calendars.write_calendar(
                self._app.uow(),
                target,
                session_id=chosen if kind == SESSION else None,
                series_id=chosen if kind == SERIES else None,
                speaker_id=chosen if kind == SPEAKER else None,
            )
        except UserError as error:
            text = str(error)
            self.result_label.setText(
                f"<span style='color:{PROBLEM_COLOUR}'><b>"
                f"{html.escape(text[:1].upper() + text[1:])}</b></span>"
            )
            self.result_label.show()
            return
        self.report = report
        events = f"{report.events} event{'s' if report.events != 1 else ''}"
        self.result_label.setText(
            f"<b>Wrote {events} of {html.escape(report.what)} to "
            f"{html.escape(str(report.path))}</b>. Open it with your calendar program, or "
            "attach it to a mail."
        )
        self.result_label.show()
        self.open_folder_button.show()
        self.saved.emit(str(target))

    def open_folder(self) -> None:
        """Show the saved file's folder in the system's file manager."""
        if self.report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.path.parent)))
