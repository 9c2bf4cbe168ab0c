"""The import preview's answer-to-session table for a form whose checkbox question names
sessions: which session each answer means, and whether to use it at all."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QWidget

from desktop_app.domain.rows import SessionRow

LEAVE_OUT = "(not imported)"


class SessionChoices(QGroupBox):
    """Ticked: each person is registered for the sessions their answer names (one picker
    per answer); unticked: the whole file goes into the one session chosen above."""

    changed = Signal()  # the user ticked or unticked it, or chose another session

    def __init__(self, sessions: list[SessionRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self.setCheckable(True)
        self.grid = QGridLayout(self)
        self.combos: dict[str, QComboBox] = {}
        self.toggled.connect(self.changed)
        self.hide()

    def show_choices(
        self, heading: str, choices: list[str], sessions: dict[str, int | None], used: bool
    ) -> None:
        """One picker per answer (kept when the answers are the same), set to sessions."""
        self.blockSignals(True)
        self.setTitle(f"Register each person for the sessions they ticked in “{heading}”")
        self.setChecked(used)
        if list(self.combos) != choices:
            while self.grid.count():
                item = self.grid.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.deleteLater()
            self.combos = {}
            for row, choice in enumerate(choices):
                combo = QComboBox()
                combo.addItem(LEAVE_OUT, None)
                for session in self._sessions:
                    combo.addItem(f"{session.title} — {session.start_label}", session.id)
                combo.setAccessibleName(f"Session for the answer {choice}")
                combo.currentIndexChanged.connect(self.changed)
                self.grid.addWidget(QLabel(f"“{html.escape(choice)}”"), row, 0)
                self.grid.addWidget(combo, row, 1)
                self.combos[choice] = combo
            self.grid.setColumnStretch(1, 1)
        for choice, combo in self.combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(sessions.get(choice)), 0))
            combo.blockSignals(False)
        self.blockSignals(False)
        self.show()

    def sessions(self) -> dict[str, int | None]:
        """The session chosen for each answer (None: not imported)."""
        return {choice: combo.currentData() for choice, combo in self.combos.items()}
