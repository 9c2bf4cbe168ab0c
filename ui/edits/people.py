"""Undoable edits of people: registrants, their consent and their registrations."""

from __future__ import annotations

from desktop_app.domain.enums import Consent
from desktop_app.domain.records import RegistrantData, RegistrationData
from desktop_app.domain.rows import RegistrantRow, RegistrationRow
from desktop_app.domain.wording import plural
from desktop_app.services import registrant_merge, registrants, snapshots
from desktop_app.services.registrant_merge import MergeResult
from ui.changes import REGISTRANT, REGISTRATION, Change, change
from ui.edits.base import EditBase
from ui.edits.row_data import registrant_data, registration_data


class PeopleEdits(EditBase):
    """Edits of what the Attendees tab shows; each names the people it touched."""

    def update_registrant(self, row: RegistrantRow, data: RegistrantData) -> None:
        """Save one registrant's details (row: how they were before the edit)."""
        registrant_id, before = row.id, registrant_data(row)
        registrants.update_registrant(self.app.uow(), registrant_id, data)
        self._record(
            f"Edit registrant {data.email}",
            lambda: registrants.update_registrant(self.app.uow(), registrant_id, data),
            lambda: registrants.update_registrant(self.app.uow(), registrant_id, before),
            change(REGISTRANT, registrant=[registrant_id]),
        )

    def register(self, registrant_id: int, session_id: int, data: RegistrationData) -> None:
        """Register a person for a session (or replace their registration)."""
        kept = {"id": registrants.register(self.app.uow(), registrant_id, session_id, data)}

        def redo() -> None:
            kept["id"] = registrants.register(self.app.uow(), registrant_id, session_id, data)

        self._record(
            "Add registration",
            redo,
            lambda: registrants.delete_registration(self.app.uow(), kept["id"]),
            registration_change(registrant_id, session_id, reshaped=True),
        )

    def update_registration(self, row: RegistrationRow, data: RegistrationData) -> None:
        """Save a registration's attendance."""
        before = registration_data(row)
        registrants.update_registration(self.app.uow(), row.id, data)
        self._record(
            "Edit registration",
            lambda: registrants.update_registration(self.app.uow(), row.id, data),
            lambda: registrants.update_registration(self.app.uow(), row.id, before),
            registration_change(row.registrant_id, row.session_id),
        )

    def delete_registration(self, row: RegistrationRow) -> None:
        """Remove one registration."""
        self._deletion(
            "Remove registration",
            "registrations",
            [row.id],
            registration_change(row.registrant_id, row.session_id, reshaped=True),
        )

    def delete_registrants(self, ids: list[int]) -> None:
        """Delete people with their registrations in every series."""
        gone = [REGISTRANT, REGISTRATION]
        self._deletion(
            f"Delete {plural(len(ids), 'registrant')}",
            "registrants",
            ids,
            change(*gone, reshaped=gone, registrant=ids),
        )

    def merge_registrants(self, keep_id: int, other_id: int, email: str) -> MergeResult:
        """Fold one registrant into another (one person under two addresses)."""
        result = registrant_merge.merge_registrants(self.app.uow(), keep_id, other_id, email)
        kept = {"snapshot": result.snapshot}

        def redo() -> None:
            again = registrant_merge.merge_registrants(self.app.uow(), keep_id, other_id, email)
            kept["snapshot"] = again.snapshot

        people = [REGISTRANT, REGISTRATION]
        self._record(
            f"Merge {result.email} with another address",
            redo,
            lambda: snapshots.restore(self.app.uow(), kept["snapshot"]),
            change(*people, reshaped=people, registrant=[keep_id, other_id]),
        )
        return result

    def set_consent(self, ids: list[int], consent: Consent) -> None:
        """Record a consent answer for many people at once."""
        source = "set by hand in Webinar Desk"
        before = registrants.set_consent(self.app.uow(), ids, consent, source)
        self._record(
            f"Set consent to {consent} for {plural(len(ids), 'person')}",
            lambda: registrants.set_consent(self.app.uow(), ids, consent, source),
            lambda: registrants.restore_consent(self.app.uow(), before),
            change(REGISTRANT, registrant=ids),
        )


def registration_change(registrant_id: int, session_id: int, reshaped: bool = False) -> Change:
    """One person's registration for one session changed."""
    return change(
        REGISTRATION,
        reshaped=[REGISTRATION] if reshaped else [],
        registrant=[registrant_id],
        session=[session_id],
    )
