"""Loads an AttendeeIndex on a worker thread so a 100,000-person series never blocks the window."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop_app.bootstrap import App
from desktop_app.services.attendee_index import (
    AttendeeIndex,
    load_attendee_index,
    registration_count,
)
from ui.workers.background import Job, TaskHandle, run_task

# Below this many registrations loading takes ~0.1 s: do it at once, no busy indicator.
SYNC_LIMIT = 20_000


class IndexLoader(QObject):
    """Starts loads; only the newest one's result is delivered through `loaded`."""

    loaded = Signal(object)  # AttendeeIndex
    busy_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, app: App, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._task: TaskHandle[AttendeeIndex | None] | None = None

    def load(self, series_id: int | None) -> None:
        """Load a series' index (None: the people in no series, a short list): at once when
        small, else on the worker thread."""
        self._forget()
        if series_id is None or registration_count(self.app.uow(), series_id) < SYNC_LIMIT:
            index = load_attendee_index(self.app.uow(), series_id)
            assert index is not None
            self.busy_changed.emit(False)
            self.loaded.emit(index)
            return
        app = self.app

        def work(job: Job) -> AttendeeIndex | None:
            return load_attendee_index(app.uow(), series_id, lambda: not job.cancelled)

        self.busy_changed.emit(True)
        task: TaskHandle[AttendeeIndex | None] = run_task(
            work,
            on_done=lambda index: self._deliver(task, index),
            on_failed=lambda text: self._fail(task, text),
            parent=self,
            pool=self.pool,
        )
        self._task = task

    @property
    def loading(self) -> bool:
        """True while a load runs on the worker thread (its result is still to come)."""
        return self._task is not None

    def cancel(self) -> None:
        """Forget running loads (their results are dropped) and wait for the thread."""
        self._forget()
        self.pool.waitForDone(5000)

    def _forget(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def _deliver(self, task: TaskHandle[AttendeeIndex | None], index: AttendeeIndex | None) -> None:
        task.deleteLater()
        if task is self._task and index is not None:
            self._task = None
            self.busy_changed.emit(False)
            self.loaded.emit(index)

    def _fail(self, task: TaskHandle[AttendeeIndex | None], text: str) -> None:
        task.deleteLater()
        if task is self._task:
            self._task = None
            self.busy_changed.emit(False)
            self.failed.emit(f"Cannot load registrants: {text}")
