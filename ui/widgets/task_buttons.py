"""The buttons of a dialog that runs one task on a worker: the task's button (the default),
Cancel while it runs, Open folder once a file is written, and Close."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialogButtonBox, QPushButton


@dataclass(frozen=True)
class TaskButtons:
    """A button box and its four buttons; Cancel and Open folder start hidden."""

    box: QDialogButtonBox
    start: QPushButton
    cancel: QPushButton
    open_folder: QPushButton
    close: QPushButton


def task_buttons(start_text: str, open_text: str = "&Open folder") -> TaskButtons:
    """The buttons, in the platform's order, with start_text on the task's button."""
    start, cancel = QPushButton(start_text), QPushButton("Cancel")
    open_folder, close = QPushButton(open_text), QPushButton("Close")
    start.setDefault(True)
    box = QDialogButtonBox()
    role = QDialogButtonBox.ButtonRole
    for button, button_role in (
        (start, role.AcceptRole),
        (cancel, role.RejectRole),
        (open_folder, role.ActionRole),
        (close, role.RejectRole),
    ):
        box.addButton(button, button_role)
    cancel.hide()  # hidden after adding: the button box shows what it adds
    open_folder.hide()
    return TaskButtons(box, start, cancel, open_folder, close)
