"""Asks which of the two instants a wall time means on the night the clocks go back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import timezones


def reading_text(moment_fold: int, error: timezones.AmbiguousLocalTime) -> str:
    """'01:30 BST (first)': the wall time with the zone's name for one of its readings."""
    moment = error.readings[moment_fold]
    local = timezones.utc_to_local(moment, error.zone_name)
    name = timezones.offset_label(moment, error.zone_name).split(" (")[0]
    return f"{local:%H:%M} {name} ({'first' if moment_fold == 0 else 'second'})"


class TwiceChooser(QWidget):
    """A sentence and two buttons naming both readings; emits chosen(0 or 1)."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.first_button = QPushButton()
        self.second_button = QPushButton()
        self.group = QButtonGroup(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for fold, button in enumerate((self.first_button, self.second_button)):
            button.setCheckable(True)
            self.group.addButton(button, fold)
            row.addWidget(button)
        row.addStretch(1)
        self.group.idClicked.connect(self.chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self.hide()

    def offer(self, error: timezones.AmbiguousLocalTime, fold: int | None) -> None:
        """Show the choice for a wall time that happens twice (fold: the one chosen)."""
        self.group.setExclusive(False)  # lets both be unchecked until one is chosen
        for n, button in enumerate((self.first_button, self.second_button)):
            button.setText(reading_text(n, error))
            button.setChecked(fold == n)
        self.group.setExclusive(True)
        self.label.setText(
            f"{error.local:%H:%M} happens twice on {timezones.day_label(error.local.date())}: "
            "the clocks go back that night. Which one?"
        )
        self.show()
