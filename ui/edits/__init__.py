"""Every change the window makes, done through the services and recorded for Undo/Redo."""

from __future__ import annotations

from ui.edits.housekeeping import HousekeepingEdits
from ui.edits.people import PeopleEdits
from ui.edits.program import ProgramEdits
from ui.edits.row_data import registrant_data

__all__ = ["Edits", "registrant_data"]


class Edits(ProgramEdits, PeopleEdits, HousekeepingEdits):
    """The window's single way to change data: each call saves now and can be undone."""
