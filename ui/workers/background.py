"""The one way to run work in the background: a call runs on a worker thread, reports progress
and polls a Cancel token; its result or failure comes back on the GUI thread to callbacks
that were connected before it started."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

from desktop_app.domain.errors import UserError

log = logging.getLogger(__name__)
T = TypeVar("T")
PROGRESS_EVERY_S = 0.05  # at most ~20 progress updates a second reach the GUI thread


def failure_text(error: BaseException) -> str:
    """What the user reads when a background call fails for a reason that is not theirs."""
    return f"Something went wrong ({type(error).__name__}); details are in the log."


class Job:
    """What a background call gets: a Cancel token to poll and a way to report progress."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancelled = threading.Event()
        self._last_report = 0.0

    @property
    def cancelled(self) -> bool:
        """True once Cancel was asked for: stop soon, leaving nothing half done."""
        return self._cancelled.is_set()

    def cancel(self) -> None:
        """Ask the call to stop (it decides when, by polling `cancelled`)."""
        self._cancelled.set()

    def report(self, done: int, total: int) -> None:
        """Progress so far (total 0 when unknown); throttled on the way to the GUI thread."""
        now = time.monotonic()
        if now - self._last_report >= PROGRESS_EVERY_S or (total and done >= total):
            self._last_report = now
            self._relay.progressed.emit(done, total)

    def keep_going(self, done: int, total: int) -> bool:
        """Report progress and say whether to go on: the services' keep_going callback."""
        self.report(done, total)
        return not self.cancelled


class _Relay(QObject):
    """Carries a worker's news to the GUI thread (signals cross threads as queued events)."""

    succeeded = Signal(object)
    failed = Signal(str)
    progressed = Signal(int, int)


class TaskHandle(QObject, Generic[T]):
    """A running background call: `done`, `failed` and `progressed` arrive on the GUI thread."""

    done = Signal(object)
    failed = Signal(str)
    progressed = Signal(int, int)

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self._relay = _Relay()
        self.job = Job(self._relay)
        self.running = True
        # Queued connections to this object: if it is deleted first, nothing is delivered.
        self._relay.succeeded.connect(self._succeeded)
        self._relay.failed.connect(self._failed)
        self._relay.progressed.connect(self.progressed)

    def cancel(self) -> None:
        """Ask the call to stop; it ends with done or failed as it chooses."""
        self.job.cancel()

    def start(self, call: Callable[[Job], T], pool: QThreadPool | None = None) -> None:
        """Run call(job) on a thread of pool (the global one by default)."""
        (pool or QThreadPool.globalInstance()).start(_Runner(call, self.job, self._relay))

    def _succeeded(self, result: object) -> None:
        self.running = False
        self.done.emit(result)

    def _failed(self, text: str) -> None:
        self.running = False
        self.failed.emit(text)


class _Runner(QRunnable):
    def __init__(self, call: Callable[[Job], Any], job: Job, relay: _Relay) -> None:
        super().__init__()
        self._call, self._job, self._relay = call, job, relay

    def run(self) -> None:
        try:
            result = self._call(self._job)
        except UserError as error:
            self._tell(self._relay.failed, str(error))
        except Exception as error:  # a bug: keep the traceback in the log, tell the user
            log.exception("background task failed")
            self._tell(self._relay.failed, failure_text(error))
        else:
            self._tell(self._relay.succeeded, result)

    @staticmethod
    def _tell(signal: SignalInstance, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the app is shutting down: there is no one left to tell
            log.info("a background result arrived after shutdown and was dropped")


def run_task(
    call: Callable[[Job], T],
    *,
    on_done: Callable[[T], object],
    on_failed: Callable[[str], object],
    on_progress: Callable[[int, int], object] | None = None,
    parent: QObject,
    pool: QThreadPool | None = None,
) -> TaskHandle[T]:
    """Run call(job) on a worker thread; the callbacks run on the GUI thread.

    They are connected before the call starts, so a call that finishes at once still
    delivers. A UserError becomes its message; any other exception is logged with its
    traceback and reported in plain words. Results stop arriving once parent is deleted.
    """
    handle: TaskHandle[T] = TaskHandle(parent)
    handle.done.connect(on_done)
    handle.failed.connect(on_failed)
    if on_progress is not None:
        handle.progressed.connect(on_progress)
    handle.start(call, pool)
    return handle
