"""The status bar: passing messages, the busy indicator and the counts of what is shown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from ui.changes import IMPORT, REGISTRANT, Change

if TYPE_CHECKING:
    from desktop_app.bootstrap import App
    from ui.tabs.base import TabPage

STATUS_MS = 5000


class WindowStatus:
    """Fills a window's status bar; the registrant total is counted only when people come
    or go, never on every edit."""

    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self.counts_label = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # "working", without a percentage
        self.busy.setMaximumWidth(140)
        self.busy.hide()
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.counts_label)
        self._registrants = 0

    def show_status(self, text: str) -> None:
        """A passing message."""
        self.bar.showMessage(text, STATUS_MS)

    def set_busy(self, busy: bool, text: str = "") -> None:
        """Show the busy indicator with a message, or hide both."""
        self.busy.setVisible(busy)
        if busy:
            self.bar.showMessage(text)
        else:
            self.bar.clearMessage()

    def count_registrants(self, app: App, change: Change | None = None) -> None:
        """Count the registrants in the database: at start, and when people came or went."""
        if change is None or REGISTRANT in change.reshaped or change.touches(IMPORT):
            from desktop_app.services import registrants

            self._registrants = registrants.count_registrants(app.uow())

    def show_counts(self, pages: Sequence[TabPage], any_series: bool) -> None:
        """ "4 sessions · 13 speakers · 320 registrants in the database" (nothing without a
        series)."""
        counts = [text for page in pages if (text := page.count_text())]
        counts.append(f"{self._registrants:,} registrants in the database")
        self.counts_label.setText(" · ".join(counts) if any_series else "")
