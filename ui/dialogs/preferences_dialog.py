"""Edit › Preferences…: who the user is, paper, the export folder and zones for new series."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import timezones
from desktop_app.domain.errors import UserError, ValidationError
from desktop_app.domain.preferences import PAPER_SIZES, Preferences
from ui import folders
from ui.dialogs.unsaved import GuardedDialog
from ui.editors.forms import FieldProblems


class PreferencesDialog(GuardedDialog):
    """Shows the saved preferences; Save checks and stores them, then closes; closing with
    unsaved edits asks Save / Discard / Cancel."""

    saved = Signal(object)  # Preferences, as stored

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.problems = FieldProblems()
        self.name_edit = QLineEdit(prefs.staff_name)
        self.name_edit.setPlaceholderText("Printed on exports as “Exported by”")
        self.organisation_edit = QLineEdit(prefs.organisation)
        self.email_edit = QLineEdit(prefs.staff_email)
        self.paper_combo = QComboBox()
        self.paper_combo.addItems(list(PAPER_SIZES))
        self.paper_combo.setCurrentText(prefs.paper_size)
        self.folder_edit = QLineEdit(prefs.export_folder)
        self.folder_edit.setPlaceholderText("Your Documents folder")
        self.browse_button = QPushButton("Choose…")
        self.browse_button.clicked.connect(self.choose_folder)
        self.file_dialog: QFileDialog | None = None
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        folder_box = QWidget()
        folder_box.setLayout(folder_row)
        zones = timezones.common_zones()
        self.home_combo = QComboBox()
        self.home_combo.setEditable(True)
        self.home_combo.addItems(zones)
        self.home_combo.setCurrentText(prefs.home_zone)
        completer = QCompleter(zones, self.home_combo)
        completer.setFilterMode(completer.filterMode().MatchContains)
        self.home_combo.setCompleter(completer)
        self.display_edit = QLineEdit(", ".join(prefs.display_zones))
        self.display_edit.setPlaceholderText("e.g. America/New_York, Europe/Berlin")

        form = QFormLayout()
        wrap = self.problems.wrap
        form.addRow("Your &name", self.name_edit)
        form.addRow("&Organisation", self.organisation_edit)
        form.addRow("Your &email", wrap("staff_email", self.email_edit))
        form.addRow("&Paper size", wrap("paper_size", self.paper_combo))
        form.addRow("E&xport folder", folder_box)
        zones_note = QLabel("New series start with these zones; each series can change them.")
        zones_note.setWordWrap(True)
        form.addRow("", zones_note)
        form.addRow("&Home time zone", wrap("home_zone", self.home_combo))
        form.addRow("Also show &times in", wrap("display_zones", self.display_edit))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems.message)
        layout.addWidget(self.buttons)
        self.resize(540, self.sizeHint().height())
        self._as_opened = self.preferences()

    def has_unsaved_edits(self) -> bool:
        return self.preferences() != self._as_opened

    def unsaved_subject(self) -> str:
        return "your preferences"

    def save_and_close(self) -> None:
        self.save()

    def preferences(self) -> Preferences:
        """What the dialog holds (checked on save)."""
        zones = tuple(z.strip() for z in self.display_edit.text().split(",") if z.strip())
        return Preferences(
            staff_name=self.name_edit.text(),
            staff_email=self.email_edit.text(),
            organisation=self.organisation_edit.text(),
            paper_size=self.paper_combo.currentText(),
            export_folder=self.folder_edit.text(),
            home_zone=self.home_combo.currentText(),
            display_zones=zones,
        )

    def save(self, folder: Path | None = None) -> None:
        """Check and store the preferences (folder: where, for tests), then close."""
        from desktop_app.services.preferences import save_preferences

        try:
            stored = save_preferences(self.preferences(), folder)
        except ValidationError as error:
            self.problems.show(error.problems)
            return
        except UserError as error:
            self.problems.say(str(error))
            return
        if stored.export_folder and stored.export_folder != self._as_opened.export_folder:
            # A new default folder is where the next export starts, whatever came before.
            folders.remember(folders.EXPORT, stored.export_folder, is_folder=True)
        self.saved.emit(stored)
        self.accept()

    def choose_folder(self) -> None:
        """Pick the folder exports are offered in."""
        start = self.folder_edit.text() or str(Path.home())
        dialog = QFileDialog(self, "Default export folder", start)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(self.folder_edit.setText)
        self.file_dialog = dialog
        dialog.open()
