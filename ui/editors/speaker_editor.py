"""The form that edits one speaker, with a headshot thumbnail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, Qt, Signal
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import UserError
from desktop_app.domain.records import SpeakerData
from desktop_app.domain.rows import SpeakerRow
from desktop_app.services.headshots import (
    IMAGE_SUFFIXES,
    headshot_file,
    read_headshot,
    store_headshot,
)
from ui import folders
from ui.editors.forms import ApplyRevertButtons, ChangeTracker, FieldProblems

THUMBNAIL = 96


def qt_can_read(data: bytes) -> bool:
    """Whether Qt decodes these bytes into a picture (the whole of it, not just the header)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer)
    return reader.canRead() and not reader.read().isNull()


class SpeakerEditor(QWidget):
    """Edits one speaker; emits apply_requested with the new data."""

    apply_requested = Signal(object)  # SpeakerData

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._row: SpeakerRow | None = None
        self._headshot = ""
        self.problems = FieldProblems()
        self.tracker = ChangeTracker(self)

        self.name_edit = QLineEdit()
        self.title_edit = QLineEdit()
        self.organisation_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.pronouns_edit = QLineEdit()
        self.pronouns_edit.setPlaceholderText("e.g. she/her")
        self.bio_edit = QPlainTextEdit()
        self.bio_edit.setTabChangesFocus(True)
        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(THUMBNAIL, THUMBNAIL)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet("border: 1px solid palette(mid);")
        self.choose_button = QPushButton("C&hoose headshot…")
        self.clear_button = QPushButton("Remove")
        self.choose_button.clicked.connect(self.choose_headshot)
        self.clear_button.clicked.connect(lambda: self.set_headshot(""))

        headshot_buttons = QVBoxLayout()
        headshot_buttons.addWidget(self.choose_button)
        headshot_buttons.addWidget(self.clear_button)
        headshot_buttons.addStretch(1)
        headshot_row = QHBoxLayout()
        headshot_row.setContentsMargins(0, 0, 0, 0)
        headshot_row.addWidget(self.thumbnail)
        headshot_row.addLayout(headshot_buttons)
        headshot_row.addStretch(1)
        headshot_box = QWidget()
        headshot_box.setLayout(headshot_row)

        form = QFormLayout()
        wrap = self.problems.wrap
        form.addRow("&Name", wrap("name", self.name_edit))
        form.addRow("&Title", self.title_edit)
        form.addRow("&Organisation", self.organisation_edit)
        form.addRow("&Email", wrap("email", self.email_edit))
        form.addRow("&Phone", self.phone_edit)
        form.addRow("P&ronouns", self.pronouns_edit)
        form.addRow("Headshot", wrap("headshot_path", headshot_box))
        form.addRow("&Bio", self.bio_edit)

        # The tab places the buttons and problems outside the scrolling form.
        self.buttons = ApplyRevertButtons(self.tracker, self.apply, lambda: self.load(self._row))
        self.apply_button = self.buttons.apply_button
        self.revert_button = self.buttons.revert_button
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

        self.tracker.watch(
            self.name_edit,
            self.title_edit,
            self.organisation_edit,
            self.email_edit,
            self.phone_edit,
            self.pronouns_edit,
            self.bio_edit,
        )
        self.load(None)

    def load(self, row: SpeakerRow | None) -> None:
        """Fill the form from a speaker (or clear and disable it)."""
        self._row = row
        self.tracker.pause(True)
        self.problems.clear()
        for edit, value in (
            (self.name_edit, row.name if row else ""),
            (self.title_edit, row.title if row else ""),
            (self.organisation_edit, row.organisation if row else ""),
            (self.email_edit, row.email if row else ""),
            (self.phone_edit, row.phone if row else ""),
            (self.pronouns_edit, row.pronouns if row else ""),
        ):
            edit.setText(value)
        self.bio_edit.setPlainText(row.bio if row else "")
        self.set_headshot(row.headshot_path if row else "")
        self.setEnabled(row is not None)
        self.tracker.pause(False)
        self.tracker.reset()

    def version(self) -> int:
        """The version of the record as loaded (what a save names; 0 when none)."""
        return self._row.version if self._row else 0

    def record_id(self) -> int | None:
        """Id of the speaker in the form."""
        return self._row.id if self._row else None

    def data(self) -> SpeakerData:
        """What the form holds."""
        return SpeakerData(
            name=self.name_edit.text(),
            title=self.title_edit.text(),
            organisation=self.organisation_edit.text(),
            email=self.email_edit.text(),
            phone=self.phone_edit.text(),
            pronouns=self.pronouns_edit.text(),
            bio=self.bio_edit.toPlainText(),
            headshot_path=self._headshot,
        )

    def choose_headshot(self) -> None:
        """Pick an image file (non-blocking dialog); it is copied into the data folder."""
        patterns = " ".join(f"*{s}" for s in sorted(IMAGE_SUFFIXES))
        dialog = folders.file_dialog(
            self, folders.HEADSHOT, "Choose a headshot", name_filter=f"Images ({patterns})"
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: self.use_headshot_file(Path(path)))
        self.file_dialog = dialog  # kept so tests can drive it
        dialog.open()

    def use_headshot_file(self, source: Path) -> None:
        """Copy an image into the data folder and show it as the headshot."""
        try:
            picture = read_headshot(source)  # a regular file whose bytes look like an image
            if not qt_can_read(picture.data):
                raise UserError(
                    f"cannot show {picture.name} as a picture (it is damaged or not an "
                    "image); choose another"
                )
            relative = store_headshot(self._data_dir, picture)
        except UserError as error:
            self.problems.show({"headshot_path": str(error)})
            return
        self.set_headshot(relative)

    def set_headshot(self, relative: str) -> None:
        """Show a stored headshot (or a placeholder) and mark the form edited."""
        if relative != self._headshot:
            self._headshot = relative
            self.tracker.touch()
        path = headshot_file(self._data_dir, relative)
        pixmap = QPixmap(str(path)) if path else QPixmap()
        if pixmap.isNull():
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText("No photo" if not relative else "Missing")
        else:
            ratio = self.devicePixelRatioF()
            scaled = pixmap.scaled(
                int(THUMBNAIL * ratio),
                int(THUMBNAIL * ratio),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            scaled.setDevicePixelRatio(ratio)
            self.thumbnail.setPixmap(scaled)
        self.clear_button.setEnabled(bool(relative))

    def apply(self) -> None:
        """Ask for the form to be saved."""
        if self._row is not None:
            self.apply_requested.emit(self.data())
