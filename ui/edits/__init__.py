"""Every change the window makes, done through the services and recorded for Undo/Redo."""

from __future__ import annotations

from desktop_app.domain.row_data import registrant_data
from ui.edits.housekeeping import HousekeepingEdits
from ui.edits.people import PeopleEdits
from ui.edits.program import ProgramEdits

__all__ = ["Edits", "registrant_data"]


class Edits(ProgramEdits, PeopleEdits, HousekeepingEdits):
    """The window's single way to change data: each call saves now and can be undone."""
