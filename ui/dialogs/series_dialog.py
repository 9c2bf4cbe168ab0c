"""Dialog for a new series or for editing one: title, organiser, time zones, platform."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import timezones
from desktop_app.domain.records import SeriesData
from desktop_app.domain.rows import SeriesRow
from ui.dialogs.unsaved import GuardedDialog
from ui.editors.forms import FieldProblems


class SeriesDialog(GuardedDialog):
    """Edits a series' fields; emits accepted_data, and the caller saves and closes it.
    Closing with unsaved edits asks Save / Discard / Cancel."""

    accepted_data = Signal(object)  # SeriesData

    def __init__(
        self,
        row: SeriesRow | None,
        parent: QWidget | None = None,
        start: SeriesData | None = None,
    ) -> None:
        """row: the series edited; start: what a new one starts from (the preferences)."""
        super().__init__(parent)
        self.setWindowTitle("Edit series" if row else "New series")
        self.problems = FieldProblems()
        start = start or SeriesData("", home_zone="America/Los_Angeles")
        self.title_edit = QLineEdit(row.title if row else start.title)
        self.organiser_edit = QLineEdit(row.organiser if row else start.organiser)
        zones = timezones.common_zones()
        self.home_combo = QComboBox()
        self.home_combo.setEditable(True)
        self.home_combo.addItems(zones)
        self.home_combo.setCurrentText(row.home_zone if row else start.home_zone)
        completer = QCompleter(zones, self.home_combo)
        completer.setFilterMode(completer.filterMode().MatchContains)
        self.home_combo.setCompleter(completer)
        self.display_edit = QLineEdit(", ".join(row.display_zones if row else start.display_zones))
        self.display_edit.setPlaceholderText("e.g. America/New_York, Europe/Berlin")
        self.platform_edit = QLineEdit(row.default_platform if row else start.default_platform)
        self.description_edit = QPlainTextEdit(row.description if row else "")
        self.description_edit.setTabChangesFocus(True)

        form = QFormLayout()
        wrap = self.problems.wrap
        form.addRow("&Title", wrap("title", self.title_edit))
        form.addRow("&Organiser", self.organiser_edit)
        form.addRow("&Home time zone", wrap("home_zone", self.home_combo))
        form.addRow("Also show &times in", wrap("display_zones", self.display_edit))
        form.addRow("Default &platform", self.platform_edit)
        form.addRow("&Description", self.description_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(lambda: self.accepted_data.emit(self.data()))
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems.message)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        self._as_opened = self.data()
        self._name = row.title if row else ""

    def has_unsaved_edits(self) -> bool:
        return self.data() != self._as_opened

    def unsaved_subject(self) -> str:
        return f"the series “{self._name}”" if self._name else "the new series"

    def save_and_close(self) -> None:
        """Ask the caller to save; it closes the dialog once saved."""
        self.accepted_data.emit(self.data())

    def data(self) -> SeriesData:
        """What the dialog holds."""
        zones = tuple(z.strip() for z in self.display_edit.text().split(",") if z.strip())
        return SeriesData(
            title=self.title_edit.text(),
            organiser=self.organiser_edit.text(),
            description=self.description_edit.toPlainText(),
            home_zone=self.home_combo.currentText(),
            display_zones=zones,
            default_platform=self.platform_edit.text(),
        )
