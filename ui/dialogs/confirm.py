"""Small dialogs shared by the tabs: the question asked before deleting anything."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from ui.icons import icon


class DeleteQuestion(QMessageBox):
    """'Delete …?' with a Delete button (the trash icon, never a green OK) and Cancel, the
    default, so that Enter or Esc never deletes."""

    def __init__(
        self, parent: QWidget, title: str, question: str, consequences: str, verb: str = "Delete"
    ) -> None:
        super().__init__(QMessageBox.Icon.Question, title, question, parent=parent)
        self.setInformativeText(f"{consequences} Edit › Undo brings them back.")
        # A button of our own: a standard Yes/OK button carries the style's green tick.
        self.delete_button = QPushButton(icon("delete"), verb)
        self.addButton(self.delete_button, QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def deleted(self) -> bool:
        """True when the answer was Delete."""
        return self.clickedButton() is self.delete_button


def ask_to_delete(
    parent: QWidget,
    title: str,
    question: str,
    consequences: str,
    on_yes: Callable[[], object],
    verb: str = "Delete",
) -> DeleteQuestion:
    """Open (non-blocking) a Delete / Cancel question; on_yes runs if Delete is chosen.

    The box is returned so that callers (and tests) can keep and answer it.
    """
    box = DeleteQuestion(parent, title, question, consequences, verb)
    box.finished.connect(lambda _result: box.deleted() and on_yes())
    box.open()
    return box
