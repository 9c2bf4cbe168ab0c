"""The import dialog's progress bar and buttons, and which of them show while it is busy."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QProgressBar, QPushButton


class ImportControls:
    """The bar and the button box at the foot of the import dialog (the dialog wires clicks)."""

    def __init__(self) -> None:
        self.progress = QProgressBar()
        self.progress.hide()
        self._progress_shown = 0

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton("&Import")
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.close_button = QPushButton("Close")
        # Shown when the file was already imported into the session (answered unread).
        self.again_button = QPushButton("&Read it again")
        self.again_button.setToolTip("Read the file and say what importing it again would change")
        self.again_button.hide()
        self.buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.hide()  # hidden after adding: the button box shows what it adds

    def show_busy(self, busy: bool, importing: bool, text: str = "") -> None:
        """A running bar saying text while busy; while importing only Cancel shows,
        otherwise Close (Cancel would mean nothing)."""
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.progress.setFormat(text)
            self.import_button.setEnabled(False)
        self.cancel_button.setVisible(busy and importing)
        self.close_button.setVisible(not (busy and importing))
        self.import_button.setVisible(not (busy and importing))

    def start_counting(self) -> None:
        """Turn the running bar into one that counts from 0 to 100 %."""
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self._progress_shown = 0

    def move(self, done: int, total: int) -> None:
        """One bar from 0 to 100 %: it never runs back, whatever each step counts."""
        if total <= 0:
            return
        percent = min(100, done * 100 // total)
        self._progress_shown = max(self._progress_shown, percent)
        self.progress.setValue(self._progress_shown)
