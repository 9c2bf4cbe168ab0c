"""Undoable edits of people: registrants, their consent and their registrations."""

from __future__ import annotations

from desktop_app.domain.enums import Consent
from desktop_app.domain.records import RegistrantData, RegistrationData
from desktop_app.domain.row_data import registrant_data, registration_data
from desktop_app.domain.rows import RegistrantRow, RegistrationRow
from desktop_app.domain.wording import plural
from desktop_app.services import registrant_merge, registrants, snapshots
from desktop_app.services.registrant_merge import MergeResult
from ui.changes import REGISTRANT, REGISTRATION, Change, change
from ui.edits.base import EditBase
from ui.edits.versions import FIRST_VERSION

REGISTRATIONS = "registrations"  # the table, as the version book names it


class PeopleEdits(EditBase):
    """Edits of what the Attendees tab shows; each names the people it touched."""

    def update_registrant(self, row: RegistrantRow, data: RegistrantData) -> None:
        """Save one registrant's details (row: how they were when the form loaded them)."""
        registrant_id = row.id
        self._update(
            f"Edit registrant {data.email}",
            ("registrants", registrant_id),
            lambda d, v: registrants.update_registrant(self.app.uow(), registrant_id, d, v),
            registrant_data(row),
            data,
            row.version,
            change(REGISTRANT, registrant=[registrant_id]),
        )

    def register(self, registrant_id: int, session_id: int, data: RegistrationData) -> None:
        """Register a person for a session (refused if one was made elsewhere meanwhile)."""
        kept: dict[str, int] = {}

        def redo() -> None:
            kept["id"] = registrants.register(
                self.app.uow(), registrant_id, session_id, data, expect_new=True
            )
            self.versions.now(REGISTRATIONS, {kept["id"]: FIRST_VERSION})

        def undo() -> None:
            version = self.versions.latest((REGISTRATIONS, kept["id"]))
            registrants.delete_registration(self.app.uow(), kept["id"], version)

        redo()
        self._record(
            "Add registration",
            redo,
            undo,
            registration_change(registrant_id, session_id, reshaped=True),
        )

    def update_registration(self, row: RegistrationRow, data: RegistrationData) -> None:
        """Save a registration's attendance (row: as the form loaded it)."""
        self._update(
            "Edit registration",
            (REGISTRATIONS, row.id),
            lambda d, v: registrants.update_registration(self.app.uow(), row.id, d, v),
            registration_data(row),
            data,
            row.version,
            registration_change(row.registrant_id, row.session_id),
        )

    def delete_registration(self, row: RegistrationRow) -> None:
        """Remove one registration."""
        self._deletion(
            "Remove registration",
            REGISTRATIONS,
            [row.id],
            registration_change(row.registrant_id, row.session_id, reshaped=True),
            {row.id: row.version},
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
        """Record a consent answer for many people at once (Undo leaves anyone changed
        elsewhere since alone, and says so)."""
        table, source = "registrants", "set by hand in Webinar Desk"
        done = registrants.set_consent(self.app.uow(), ids, consent, source)
        self.versions.now(table, done.versions)
        kept = {"before": done.before}

        def redo() -> None:
            seen = self.versions.latest_of(table, kept["before"])
            again = registrants.set_consent(self.app.uow(), ids, consent, source, seen)
            self.versions.now(table, again.versions)
            kept["before"] = again.before

        def undo() -> None:
            before = kept["before"]
            seen = self.versions.latest_of(table, before)
            self.versions.now(table, registrants.restore_consent(self.app.uow(), before, seen))

        self._record(
            f"Set consent to {consent} for {plural(len(ids), 'person')}",
            redo,
            undo,
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
