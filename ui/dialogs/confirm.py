"""Small dialogs shared by the tabs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_to_delete(
    parent: QWidget, title: str, question: str, consequences: str, on_yes: Callable[[], object]
) -> QMessageBox:
    """Open (non-blocking) a Delete / Cancel question; on_yes runs if Delete is chosen.

    Cancel is the default so that Enter never deletes; the box is returned so that
    callers (and tests) can keep and answer it.
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setInformativeText(f"{consequences} Edit › Undo brings them back.")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText("Delete")
    box.finished.connect(lambda result: result == QMessageBox.StandardButton.Yes and on_yes())
    box.open()
    return box
