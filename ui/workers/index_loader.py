"""Loads an AttendeeIndex on a worker thread so a 100,000-person series never blocks the window."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop_app.bootstrap import App
from desktop_app.services.attendee_index import (
    AttendeeIndex,
    load_attendee_index,
    registration_count,
)

# Below this many registrations loading takes ~0.1 s: do it at once, no busy indicator.
SYNC_LIMIT = 20_000
log = logging.getLogger(__name__)


class _Signals(QObject):
    loaded = Signal(int, object)  # generation, AttendeeIndex
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, loader: IndexLoader, generation: int, series_id: int) -> None:
        super().__init__()
        self._loader, self._generation, self._series_id = loader, generation, series_id
        self.signals = _Signals()

    def run(self) -> None:
        try:
            index = load_attendee_index(
                self._loader.app.uow(),
                self._series_id,
                lambda: self._loader.generation == self._generation,
            )
        except Exception as error:  # a bug, or the database went away: log, say it plainly
            log.exception("loading registrants failed")
            self.signals.failed.emit(self._generation, f"Cannot load registrants: {error}")
            return
        if index is not None:
            self.signals.loaded.emit(self._generation, index)


class IndexLoader(QObject):
    """Starts loads; only the newest one's result is delivered through `loaded`."""

    loaded = Signal(object)  # AttendeeIndex
    busy_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, app: App, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.generation = 0
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

    def load(self, series_id: int) -> None:
        """Load a series' index: at once when small, else on the worker thread."""
        self.generation += 1
        if registration_count(self.app.uow(), series_id) < SYNC_LIMIT:
            index = load_attendee_index(self.app.uow(), series_id)
            assert index is not None
            self.busy_changed.emit(False)
            self.loaded.emit(index)
            return
        job = _Job(self, self.generation, series_id)
        job.signals.loaded.connect(self._deliver)
        job.signals.failed.connect(self._fail)
        self.busy_changed.emit(True)
        self.pool.start(job)

    def cancel(self) -> None:
        """Forget running loads (their results are dropped) and wait for the thread."""
        self.generation += 1
        self.pool.waitForDone(5000)

    def _deliver(self, generation: int, index: AttendeeIndex) -> None:
        if generation == self.generation:
            self.busy_changed.emit(False)
            self.loaded.emit(index)

    def _fail(self, generation: int, text: str) -> None:
        if generation == self.generation:
            self.busy_changed.emit(False)
            self.failed.emit(text)
