"""File › Restore from backup…: the automatic backups with their dates and counts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.rows import BackupRow
from desktop_app.services.backup_set import KIND_LABELS


def describe(backup: BackupRow) -> str:
    """'Mon 1 Dec 2025 14:31 · daily · 320 registrants, 692 registrations'."""
    counts = (
        f"{backup.registrants:,} registrants, {backup.registrations:,} registrations"
        if backup.readable
        else "cannot be read"
    )
    when = backup.taken_at.astimezone()
    return f"{when:%a %-d %b %Y %H:%M} · {KIND_LABELS.get(backup.kind, backup.kind)} · {counts}"


class RestoreDialog(QDialog):
    """Lists the backups, newest first; Restore asks for the chosen one by name."""

    restore_requested = Signal(str)  # the backup's file name

    def __init__(self, backups: Sequence[BackupRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.resize(620, 360)
        intro = QLabel(
            "Put a backup in place of the database. The database as it is now is kept as "
            "a backup first, so a restore can itself be undone the same way."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        for backup in backups:
            item = QListWidgetItem(describe(backup))
            item.setData(Qt.ItemDataRole.UserRole, backup.name)
            item.setToolTip(str(backup.path))
            if not backup.readable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            "Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self._restore)
        self.buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(
            lambda item, _old: self.restore_button.setEnabled(item is not None)
        )
        self.list.itemDoubleClicked.connect(lambda _item: self._restore())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if backups:
            layout.addWidget(self.list, 1)
        else:  # said under the intro, not floating in the middle of an empty box
            empty = QLabel(
                "There are no backups yet. The app makes one each day it opens this "
                "database, and before every import."
            )
            empty.setWordWrap(True)
            layout.addWidget(empty)
            layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _restore(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.accept()
            self.restore_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))
