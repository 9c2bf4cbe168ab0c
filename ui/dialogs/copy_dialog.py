"""The progress of a whole-database copy (up to a server, or a server's down into a file): a
bar, Cancel while nothing is committed yet, and at the end the offer to open the copy."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ui.workers.background import Job, TaskHandle, run_task

if TYPE_CHECKING:
    from desktop_app.services.copy_db import CopyReport

Buttons = QDialogButtonBox.StandardButton


def _sentence(text: str) -> str:
    """A service's message as a sentence: capital first, full stop last."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


class CopyDialog(QDialog):
    """Runs one copy in the background and shows how far it got; start() begins it."""

    copied = Signal(object)  # CopyReport, once the copy is committed and checked
    failed = Signal(str)  # the one line saying why nothing was copied (or that it was cancelled)
    open_requested = Signal()  # the user wants to open the copy

    def __init__(
        self, title: str, heading: str, open_text: str, parent: QWidget | None = None
    ) -> None:
        """A dialog titled title, saying heading, whose final offer says open_text."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.task: TaskHandle[CopyReport] | None = None
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the rows are counted
        self.bar.setTextVisible(False)
        self.status = QLabel("Connecting and counting the rows…")
        self.status.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()
        self.buttons = QDialogButtonBox()
        self.cancel_button = self.buttons.addButton(Buttons.Cancel)
        self.open_button = self.buttons.addButton(open_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(Buttons.Close)
        self.open_button.hide()
        self.close_button.hide()
        self.cancel_button.clicked.connect(self.reject)
        self.open_button.clicked.connect(self._open)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addSpacing(6)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def start(self, call: Callable[[Job], CopyReport]) -> None:
        """Run call(job) on the background helper (callbacks connected before it starts)."""
        self.task = run_task(
            call,
            on_done=self._copied,
            on_failed=self._failed,
            on_progress=self._progressed,
            parent=self,
        )

    @property
    def running(self) -> bool:
        """True while the copy is under way."""
        return self.task is not None and self.task.running

    def _progressed(self, done: int, total: int) -> None:
        if not self.running:
            return  # a late report after the end
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        if done >= total:
            # Committing and comparing the counts: stopping now could not undo anything.
            self.cancel_button.setEnabled(False)
            self.status.setText(f"{total:,} rows copied; checking the counts on both sides…")
        elif self.cancel_button.isEnabled():
            self.status.setText(f"{done:,} of {total:,} rows copied…")

    def _copied(self, report: CopyReport) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.status.setText(
            f"Copied {report.rows:,} rows in {len(report.tables)} tables in "
            f"{report.seconds:.1f} s; the counts match on both sides."
        )
        self._finish(offer_open=True)
        self.copied.emit(report)

    def _failed(self, text: str) -> None:
        self.bar.hide()  # an empty bar would say "nothing yet", not "nothing at all"
        if self.task is not None and self.task.job.cancelled:
            self.status.setText(_sentence(text))
        else:
            self.status.setText("Nothing was copied.")
            self.problem.setText(_sentence(text))
            self.problem.show()
        self._finish(offer_open=False)
        self.failed.emit(text)

    def _finish(self, offer_open: bool) -> None:
        self.cancel_button.hide()
        self.open_button.setVisible(offer_open)
        self.close_button.show()
        (self.open_button if offer_open else self.close_button).setDefault(True)
        (self.open_button if offer_open else self.close_button).setFocus()
        self.adjustSize()  # room for a long message, whole

    def _open(self) -> None:
        self.accept()
        self.open_requested.emit()

    def reject(self) -> None:
        """Cancel, Escape and the close box: ask a running copy to stop, else close."""
        if not self.running:
            super().reject()
            return
        if self.task is not None and self.cancel_button.isEnabled():
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText("Cancelling… nothing copied so far is kept.")
