"""The line under the session list that says what mail was drafted for the selected session
("Reminder (day before) drafted Wed 2 Sep 2026 for 178 people"), with Mail… and History…."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.domain.draft_batches import DraftBatchRow
from ui.dialogs.mail_history import batch_line


class SessionMailPanel(QFrame):
    """Shows the latest batch of drafts of one session and offers to write or list more."""

    mail_requested = Signal()
    history_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionMail")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.mail_button = QPushButton("&Mail…")
        self.mail_button.setToolTip(
            "Write mail drafts about this session: invitations, reminders, thanks…"
        )
        self.history_button = QPushButton("Mail histor&y…")
        self.mail_button.clicked.connect(self.mail_requested)
        self.history_button.clicked.connect(self.history_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.mail_button)
        layout.addWidget(self.history_button)
        self.show_batches(None, [], "UTC")

    def show_batches(self, title: str | None, batches: list[DraftBatchRow], zone: str) -> None:
        """Say what was drafted for a session (title None: no session is selected)."""
        self.setVisible(title is not None)  # (a series without sessions has nothing to mail)
        if not batches:
            self.label.setText("Mail: none drafted for this session yet.")
        else:
            more = len(batches) - 1
            earlier = f" (and {more} earlier)" if more else ""
            self.label.setText(f"Mail: {batch_line(batches[0], zone)}{earlier}.")
        self.label.setToolTip("\n".join(batch_line(b, zone) for b in batches))
