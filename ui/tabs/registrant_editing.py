"""Editing one registrant from the Attendees tab: the dialog, and saving what it holds as one
Undo step."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.bootstrap import App
from desktop_app.domain.errors import UserError, ValidationError
from desktop_app.domain.records import RegistrantData, validate_registrant
from desktop_app.services import registrants, sessions
from ui.dialogs.registrant_dialog import RegistrantDialog
from ui.edits import Edits


def registrant_dialog(
    app: App, series_id: int, registrant_id: int, parent: QWidget
) -> RegistrantDialog:
    """The editor of one registrant and their registrations for the series' sessions."""
    return RegistrantDialog(
        registrants.get_registrant(app.uow(), registrant_id),
        sessions.list_sessions(app.uow(), series_id),
        registrants.list_registrations(app.uow(), registrant_id=registrant_id),
        parent,
    )


def save_registrant(edits: Edits, dialog: RegistrantDialog) -> RegistrantData | None:
    """Save the dialog's registrant and registration changes as one Undo step; None (with
    the problem shown in the dialog) when refused."""
    data = dialog.registrant()
    try:
        data = validate_registrant(data)
    except ValidationError as error:
        dialog.problems.show(error.problems)
        return None
    other = registrants.find_by_email(edits.app.uow(), data.email)
    if other is not None and other.id != dialog.row.id:
        dialog.problems.show(
            {
                "email": f"{data.email} belongs to another registrant "
                f"({other.first_name} {other.last_name})"
            }
        )
        return None
    edits.begin(f"Edit registrant {data.email}")
    try:
        edits.update_registrant(dialog.row, data)
        for session, existing, wanted in dialog.registration_changes():
            if existing is None and wanted is not None:
                edits.register(dialog.row.id, session.id, wanted)
            elif existing is not None and wanted is None:
                edits.delete_registration(existing)
            elif existing is not None and wanted is not None:
                edits.update_registration(existing, wanted)
    except UserError as error:
        dialog.problems.say(str(error))
        return None
    finally:
        edits.end()
    return data
