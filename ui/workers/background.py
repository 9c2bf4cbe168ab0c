"""Runs a slow call on a worker thread and reports back on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop_app.domain.errors import UserError

log = logging.getLogger(__name__)


class Task(QObject):
    """One background call: emits done(result) or failed(message) on the GUI thread."""

    done = Signal(object)
    failed = Signal(str)


class _Runner(QRunnable):
    def __init__(self, call: Callable[[], Any], task: Task) -> None:
        super().__init__()
        self._call, self._task = call, task

    def run(self) -> None:
        try:
            result = self._call()
        except UserError as error:
            self._task.failed.emit(str(error))
        except Exception as error:  # a bug: keep the traceback in the log, tell the user
            log.exception("background task failed")
            self._task.failed.emit(
                f"Something went wrong ({type(error).__name__}); details are in the log."
            )
        else:
            self._task.done.emit(result)


def run_in_background(call: Callable[[], Any], parent: QObject) -> Task:
    """Start call() on the global thread pool; connect to the returned task's signals."""
    task = Task(parent)
    QThreadPool.globalInstance().start(_Runner(call, task))
    return task
