"""Undoable clearing out: the demo series with everything it brought, and the people left
in no series."""

from __future__ import annotations

from desktop_app.services import demo_removal, orphans, snapshots
from desktop_app.services.demo_removal import DemoRemoval
from ui.changes import APPEARANCE, REGISTRANT, REGISTRATION, SERIES, SESSION, SPEAKER, change
from ui.edits.base import EditBase

EVERY_RECORD = [SERIES, SESSION, SPEAKER, APPEARANCE, REGISTRANT, REGISTRATION]


class HousekeepingEdits(EditBase):
    """Removals that span series: each is one Undo step that puts everything back."""

    def remove_demo(self) -> DemoRemoval:
        """Take away the demo series and the demo's people left in no series."""
        removal = demo_removal.remove_demo(self.app.uow())
        kept = {"snapshot": removal.snapshot}

        def redo() -> None:
            kept["snapshot"] = demo_removal.remove_demo(self.app.uow()).snapshot

        self._record(
            "Remove the demo series",
            redo,
            lambda: snapshots.restore(self.app.uow(), kept["snapshot"]),
            change(*EVERY_RECORD, reshaped=EVERY_RECORD),
        )
        return removal

    def delete_in_no_series(self) -> tuple[int, int]:
        """Delete every registrant and speaker in no series; (registrants, speakers)."""
        snapshot = orphans.delete_all(self.app.uow())
        kept = {"snapshot": snapshot}

        def redo() -> None:
            kept["snapshot"] = orphans.delete_all(self.app.uow())

        people = [REGISTRANT, SPEAKER]
        self._record(
            "Delete the people in no series",
            redo,
            lambda: snapshots.restore(self.app.uow(), kept["snapshot"]),
            change(*people, reshaped=people),
        )
        return snapshot.count("registrants"), snapshot.count("speakers")
