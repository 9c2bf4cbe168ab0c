"""Merging two registrants who are one person: choose the email address to keep."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.rows import RegistrantRow
from desktop_app.domain.wording import plural


def describe(row: RegistrantRow, registrations: int) -> str:
    """'ann@example.org — Ann Smith, City of Tacoma (3 registrations)'."""
    name = f"{row.first_name} {row.last_name}".strip()
    who = ", ".join(part for part in (name, row.organisation) if part)
    return f"{row.email} — {who or 'no name'} ({plural(registrations, 'registration')})"


class MergeDialog(QDialog):
    """Two people side by side; emits merge_requested(keep_id, other_id, email)."""

    merge_requested = Signal(int, int, str)

    def __init__(
        self,
        people: tuple[RegistrantRow, RegistrantRow],
        registrations: tuple[int, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge registrants")
        self.people = people
        intro = QLabel("These two registrants will become one person. Keep the email address:")
        intro.setWordWrap(True)
        self.choices = QButtonGroup(self)
        self.radios: list[QRadioButton] = []
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for n, (row, count) in enumerate(zip(people, registrations, strict=True)):
            radio = QRadioButton(describe(row, count))
            self.choices.addButton(radio, n)
            self.radios.append(radio)
            layout.addWidget(radio)
        self.radios[0].setChecked(True)
        after = QLabel(
            "The person kept keeps their details; empty ones are filled from the other. "
            "Every registration moves over (two for the same session become one). "
            "Edit › Undo separates them again."
        )
        after.setWordWrap(True)
        layout.addWidget(after)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = QPushButton("&Merge")
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.buttons.accepted.connect(self._merge)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def choose(self, email: str) -> None:
        """Choose the address to keep (what clicking its line does)."""
        for radio, row in zip(self.radios, self.people, strict=True):
            radio.setChecked(row.email == email)

    def _merge(self) -> None:
        kept = max(self.choices.checkedId(), 0)
        keep, other = self.people[kept], self.people[1 - kept]
        self.merge_requested.emit(keep.id, other.id, keep.email)
        self.accept()
