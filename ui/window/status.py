"""The status bar: passing messages, the busy indicator and the counts of what is shown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from desktop_app.domain.wording import plural
from ui.changes import IMPORT, Change

if TYPE_CHECKING:
    from desktop_app.bootstrap import App
    from ui.tabs.base import TabPage

STATUS_MS = 5000


class WindowStatus:
    """Fills a window's status bar: what the series holds, once each, and the people in no
    series (counted only when records come or go, never on every edit)."""

    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self.counts_label = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # "working", without a percentage
        self.busy.setMaximumWidth(140)
        self.busy.hide()
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.counts_label)
        self._in_no_series = (0, 0)  # registrants, speakers

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

    def count_in_no_series(self, app: App, change: Change | None = None) -> None:
        """Count the people in no series: at start, and when records came or went."""
        if change is None or change.reshaped or change.touches(IMPORT):
            from desktop_app.services import orphans

            self._in_no_series = orphans.counts(app.uow())

    def show_counts(self, pages: Sequence[TabPage], any_series: bool) -> None:
        """ "4 sessions · 13 speakers · 320 registrants" (nothing without a series), and
        " · 5 registrants in no series" when there are such people (Attendees shows them)."""
        counts = [text for page in pages if (text := page.count_text())] if any_series else []
        people, speakers = self._in_no_series
        lost = [plural(people, "registrant")] if people else []
        lost += [plural(speakers, "speaker")] if speakers else []
        if lost:
            counts.append(f"{' and '.join(lost)} in no series")
        self.counts_label.setText(" · ".join(counts))
