"""Keeps a window up to date with what colleagues save: polls the change counter every few
seconds and reloads the tabs whose records changed (what is being typed is kept)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.bootstrap import App
from desktop_app.services import changes
from desktop_app.services.changes import ChangeSet
from ui import changes as changes_kinds
from ui.changes import Change
from ui.workers.background import run_task

log = logging.getLogger(__name__)
POLL_MS = 3000

# The kind of record (ui.changes) each table holds; export profiles and mail templates show
# in no tab (they are read when a dialog opens).
KIND_OF = {
    "series": changes_kinds.SERIES,
    "sessions": changes_kinds.SESSION,
    "speakers": changes_kinds.SPEAKER,
    "session_speakers": changes_kinds.APPEARANCE,
    "registrants": changes_kinds.REGISTRANT,
    "registrations": changes_kinds.REGISTRATION,
    "import_batches": changes_kinds.IMPORT,
    "run_of_show_segments": changes_kinds.RUN_OF_SHOW,
    "run_of_show_templates": changes_kinds.RUN_OF_SHOW,
    "draft_batches": changes_kinds.MAIL,  # "did we send the reminder?" under the sessions
}
# A deletion in the database reaches these too (ON DELETE CASCADE writes no log line).
CASCADES = {
    changes_kinds.SERIES: (changes_kinds.SESSION,),
    changes_kinds.SESSION: (
        changes_kinds.REGISTRATION,
        changes_kinds.APPEARANCE,
        changes_kinds.RUN_OF_SHOW,
    ),
    changes_kinds.SPEAKER: (changes_kinds.APPEARANCE, changes_kinds.SESSION),
    changes_kinds.REGISTRANT: (changes_kinds.REGISTRATION,),
}


def as_change(news: ChangeSet) -> Change:
    """The views' change event for what colleagues saved."""
    if news.everything:
        return changes_kinds.EVERYTHING
    kinds: set[str] = set()
    ids: dict[str, frozenset[int]] = {}
    reshaped: set[str] = set()
    for table, found in news.tables.items():
        kind = KIND_OF.get(table)
        if kind is None:
            continue
        kinds.add(kind)
        # Registration ids are not what the views key on (they key on people): "any".
        if found is not None and kind != changes_kinds.REGISTRATION:
            ids[kind] = found
        if table in news.reshaped:
            reshaped.add(kind)
            for reached in CASCADES.get(kind, ()):
                kinds.add(reached)
                reshaped.add(reached)
    return Change(frozenset(kinds), ids, frozenset(reshaped))


class ChangeWatcher(QObject):
    """Asks the database every POLL_MS whether others saved; emits what changed."""

    changed = Signal(object)  # a ChangeSet with at least one change
    unreachable = Signal(str)  # the database could not be asked (once, until it answers)
    looked = Signal()  # one look has been answered (whether or not anything changed)

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
        run_task(
            lambda _job: changes.changes_since(app.uow(), seen),
            on_done=self._answered,
            on_failed=self._failed,
            parent=self,
        )

    def _answered(self, news: ChangeSet) -> None:
        self._asking = self._failing = False
        self.seen = max(self.seen, news.counter)
        if news:
            self.changed.emit(news)
        self.looked.emit()

    def _failed(self, message: str) -> None:
        self._asking = False
        if not self._failing:  # say it once, not every few seconds
            self._failing = True
            self.unreachable.emit(message)

    def stop(self) -> None:
        """No more looks (the window is closing)."""
        self.timer.stop()


def watch_colleagues(
    app: App, parent: QObject, apply: Callable[[Change], None], say: Callable[[str], None]
) -> ChangeWatcher:
    """A watcher that applies what others save to the same database (a team's server) as
    it happens, and says who saved it (or that the server cannot be reached)."""

    def colleagues_saved(news: ChangeSet) -> None:
        apply(as_change(news))
        say(f"Updated with changes saved by {', '.join(news.by) or 'a colleague'}.")

    watcher = ChangeWatcher(app, parent)
    watcher.changed.connect(colleagues_saved)
    watcher.unreachable.connect(say)
    return watcher
