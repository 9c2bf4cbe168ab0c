"""File › Open server database… (and Copy this database to a server…): the URL of the
team's PostgreSQL database."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

HINT = (
    "The URL your team uses, e.g. postgresql://webinars@db.office.example/webinars "
    "(add ?sslmode=require and other options as the server asks). The password is not "
    "part of it: keep it in ~/.pgpass or the system keyring (see docs/team-server.md)."
)


class ServerDialog(QDialog):
    """Asks for a server database URL; emits chosen(url) when it looks like one."""

    chosen = Signal(str)

    def __init__(
        self,
        current: str = "",
        parent: QWidget | None = None,
        *,
        title: str = "Open server database",
        action: str = "",
        hint: str = HINT,
    ) -> None:
        """A dialog titled title whose accept button says action (Open by default)."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.url_edit = QLineEdit(current)
        self.url_edit.setPlaceholderText("postgresql://user@server/database")
        self.url_edit.setMinimumWidth(420)
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()
        form = QFormLayout()
        form.addRow("Server &URL", self.url_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.accept_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        if action:
            self.accept_button.setText(action)
        buttons.accepted.connect(self._open)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _open(self) -> None:
        url = self.url_edit.text().strip()
        if not url.lower().startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
            self.problem.setText("A server URL starts with postgresql://")
            self.problem.show()
            self.url_edit.setFocus()
            return
        self.accept()
        self.chosen.emit(url)
