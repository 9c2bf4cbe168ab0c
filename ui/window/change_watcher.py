"""Keeps a window up to date with what colleagues save: polls the change counter every few
seconds and reloads the tabs whose records changed (what is being typed is kept)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.bootstrap import App
from desktop_app.services import changes
from desktop_app.services.changes import ChangeSet
from ui.workers.background import run_in_background

log = logging.getLogger(__name__)
POLL_MS = 3000

# Which tables each tab shows (a change to any of them reloads that tab).
SHOWN = {
    "sessions": ("series", "sessions", "session_speakers", "speakers", "run_of_show_segments"),
    "speakers": ("speakers", "session_speakers"),
    "attendees": ("sessions", "registrants", "registrations"),
}


class ChangeWatcher(QObject):
    """Asks the database every POLL_MS whether others saved; emits what changed."""

    changed = Signal(object)  # a ChangeSet with at least one change
    unreachable = Signal(str)  # the database could not be asked (once, until it answers)

    def __init__(self, app: App, parent: QObject | None = None, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._app = app
        self._failing = self._asking = False
        self.seen = changes.latest(app.uow())
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        """Look once, on a worker thread (a server that does not answer must not freeze
        the window); changed is emitted when others saved since the last look."""
        if self._asking:
            return
        self._asking = True
        seen, app = self.seen, self._app
        task = run_in_background(lambda: changes.changes_since(app.uow(), seen), self)
        task.done.connect(self._answered)
        task.failed.connect(self._failed)

    def _answered(self, news: ChangeSet) -> None:
        self._asking = self._failing = False
        self.seen = max(self.seen, news.counter)
        if news:
            self.changed.emit(news)

    def _failed(self, message: str) -> None:
        self._asking = False
        if not self._failing:  # say it once, not every few seconds
            self._failing = True
            self.unreachable.emit(message)

    def stop(self) -> None:
        """No more looks (the window is closing)."""
        self.timer.stop()


def refresh_for(news: ChangeSet, refreshers: dict[str, Callable[[], None]]) -> list[str]:
    """Call the refresher of each tab whose tables changed; returns the tabs refreshed."""
    done = []
    for tab, tables in SHOWN.items():
        if tab in refreshers and any(news.touches(t) for t in tables):
            refreshers[tab]()
            done.append(tab)
    return done
