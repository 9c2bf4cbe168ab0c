"""A worker's way to have something done on the GUI thread and wait for its result: Qt's
text and PDF engines (the run-of-show PDF a speaker briefing attaches) stay on that thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal

from desktop_app.domain.errors import UserError

T = TypeVar("T")


class GuiThreadCall(QObject):
    """Runs calls on the thread it lives on (the GUI thread) for callers on other threads."""

    _requested = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Blocking: the worker waits until the GUI thread has run the call and filled the box.
        self._requested.connect(self._run, Qt.ConnectionType.BlockingQueuedConnection)

    def call(self, function: Callable[..., T], *args: Any) -> T:
        """function(*args) run on the GUI thread; its exception is raised here."""
        if QThread.currentThread() is self.thread():
            return function(*args)  # already there: queuing to ourselves would never return
        box: list[tuple[bool, Any]] = []
        self._requested.emit((function, args, box))
        if not box:  # the receiver went away first (the dialog closed)
            raise UserError("stopped: the window that asked for this was closed")
        succeeded, value = box[0]
        if not succeeded:
            raise value
        result: T = value
        return result

    def _run(self, request: tuple[Callable[..., Any], tuple[Any, ...], list[Any]]) -> None:
        function, args, box = request
        try:
            box.append((True, function(*args)))
        except Exception as error:  # handed to the worker, which raises it there
            box.append((False, error))
