"""The plumbing of undoable edits: each is done at once, pushed on the undo stack, and
announced as a Change naming what it touched (again on every undo and redo)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop_app.bootstrap import App
from desktop_app.domain.errors import UserError
from desktop_app.services import snapshots
from ui.changes import Change
from ui.edits.versions import FIRST_VERSION, Key, VersionBook


class Command(QUndoCommand):
    """A change already done once; Redo does it again, Undo reverses it; both announce it."""

    def __init__(
        self,
        edits: EditBase,
        text: str,
        redo: Callable[[], object],
        undo: Callable[[], object],
        touched: Change,
    ) -> None:
        super().__init__(text)
        self._edits, self._redo, self._undo, self._touched = edits, redo, undo, touched
        self._first = True

    def redo(self) -> None:
        if self._first:  # the change was made before the command was pushed
            self._first = False
            return
        self._edits.run_safely(self._redo, self, self._touched)

    def undo(self) -> None:
        self._edits.run_safely(self._undo, self, self._touched)


class EditBase(QObject):
    """The undo stack and the `changed` signal that every kind of edit goes through."""

    changed = Signal(object)  # a Change (by an edit, an undo, a redo or an import)
    failed = Signal(str)  # an undo or redo could not be applied; the text says why

    def __init__(self, app: App, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(200)
        self.versions = VersionBook()

    def announce(self, touched: Change) -> None:
        """Tell the views about a change made outside the undo stack (imports, the demo)."""
        self.changed.emit(touched)

    def run_safely(
        self, action: Callable[[], object], command: QUndoCommand, touched: Change
    ) -> None:
        """Run an undo/redo step; if the data moved on, drop the history and say so."""
        try:
            action()
        except UserError as error:
            command.setObsolete(True)
            self.failed.emit(f"{command.text()} could not be reversed: {error}")
        self.changed.emit(touched)

    def begin(self, text: str) -> None:
        """Group the following edits into one Undo step."""
        self.stack.beginMacro(text)

    def end(self) -> None:
        """Close the group opened by begin()."""
        self.stack.endMacro()

    def _record(
        self,
        text: str,
        redo: Callable[[], object],
        undo: Callable[[], object],
        touched: Change,
    ) -> None:
        self.stack.push(Command(self, text, redo, undo, touched))
        self.changed.emit(touched)

    def _update(
        self,
        text: str,
        key: Key,
        save: Callable[[Any, int], int],
        before: Any,
        after: Any,
        seen: int,
        touched: Change,
    ) -> None:
        """Save `after` over the version the caller saw; Undo saves `before` back. Each step
        names the version the previous one left, so another copy's change refuses it."""
        expected = self.versions.expect(key, seen)
        self.versions.wrote(key, expected, save(after, expected))

        def apply(data: Any) -> None:
            current = self.versions.latest(key)
            self.versions.wrote(key, current, save(data, current))

        self._record(text, lambda: apply(after), lambda: apply(before), touched)

    def _deletion(
        self,
        text: str,
        table: str,
        ids: list[int],
        touched: Change,
        seen: dict[int, int] | None = None,
    ) -> None:
        """Delete with a snapshot; Undo restores it, Redo deletes the same rows again.

        seen: the versions the caller saw (None when it has none, e.g. a bulk selection).
        """
        expected = (
            {i: self.versions.expect((table, i), v) for i, v in seen.items()} if seen else None
        )
        snap = snapshots.delete_with_snapshot(self.app.uow(), table, ids, expected)
        self.versions.now(table, snap.versions())

        def restore() -> None:
            snapshots.restore(self.app.uow(), snap)
            self.versions.now(table, snap.versions())

        self._record(
            text,
            lambda: snapshots.delete_with_snapshot(
                self.app.uow(), table, ids, self.versions.latest_of(table, ids)
            ),
            restore,
            touched,
        )

    def _creation(
        self, text: str, table: str, create: Callable[[], int], touched: Callable[[int], Change]
    ) -> int:
        """Create a record; Undo deletes it (unless changed elsewhere), Redo restores it."""
        new_id = create()
        self.versions.now(table, {new_id: FIRST_VERSION})
        kept: dict[str, snapshots.Snapshot] = {}

        def undo() -> None:
            kept["snap"] = snapshots.delete_with_snapshot(
                self.app.uow(), table, [new_id], self.versions.latest_of(table, [new_id])
            )

        def redo() -> None:
            snapshots.restore(self.app.uow(), kept["snap"])
            self.versions.now(table, kept["snap"].versions())

        self._record(text, redo, undo, touched(new_id))
        return new_id
