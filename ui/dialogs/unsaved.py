"""One rule for closing with unsaved edits: ask Save / Discard / Cancel, never save silently
and never drop edits without asking."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


class UnsavedQuestion(QMessageBox):
    """'Save your changes to X?' with Save (the default), Discard and Cancel (Esc)."""

    def __init__(self, parent: QWidget, subject: str) -> None:
        super().__init__(
            QMessageBox.Icon.Warning,
            "Unsaved changes",
            f"Save your changes to {subject}?",
            parent=parent,
        )
        self.setInformativeText("Discard throws them away; Cancel goes back to editing.")
        buttons = QMessageBox.StandardButton
        self.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        self.setDefaultButton(buttons.Save)
        self.setEscapeButton(buttons.Cancel)
        self.button(buttons.Discard).setText("Discard")

    def answer(self) -> str:
        """'save', 'discard' or 'cancel' (closing the box is Cancel)."""
        clicked = self.clickedButton()
        if clicked is self.button(QMessageBox.StandardButton.Save):
            return "save"
        if clicked is self.button(QMessageBox.StandardButton.Discard):
            return "discard"
        return "cancel"


def ask_unsaved(
    parent: QWidget,
    subject: str,
    on_save: Callable[[], object],
    on_discard: Callable[[], object],
) -> UnsavedQuestion:
    """Open (non-blocking) the question; on_save or on_discard runs on that answer, Cancel
    does nothing. The box is returned so callers (and tests) can keep and answer it."""
    box = UnsavedQuestion(parent, subject)

    def answered(_result: int) -> None:
        choice = box.answer()
        if choice == "save":
            on_save()
        elif choice == "discard":
            on_discard()

    box.finished.connect(answered)
    box.open()
    return box


class GuardedDialog(QDialog):
    """A dialog whose Esc, Cancel, Close and title-bar close ask before losing edits.

    Subclasses say whether there are unsaved edits, what they are edits to, and how to
    save them (saving closes the dialog when it succeeds, and keeps it open with the
    problem shown when it does not).
    """

    unsaved_question: UnsavedQuestion | None = None

    def has_unsaved_edits(self) -> bool:
        """True when closing now would lose something the user typed."""
        raise NotImplementedError

    def unsaved_subject(self) -> str:
        """What the edits are to, for the question ('this registrant')."""
        return "this window"

    def save_and_close(self) -> None:
        """Save the edits; close if they were saved."""
        raise NotImplementedError

    def discard_and_close(self) -> None:
        """Close without saving."""
        QDialog.reject(self)

    def reject(self) -> None:
        # QDialog routes Esc and the title bar's close through reject(), so asking here
        # covers every way out except Save.
        if self.has_unsaved_edits():
            if self.unsaved_question is not None and self.unsaved_question.isVisible():
                return
            self.unsaved_question = ask_unsaved(
                self, self.unsaved_subject(), self.save_and_close, self.discard_and_close
            )
            return
        super().reject()
