"""What the Attendees tab does to the people selected in it: edit one, merge two, set
consent, delete — each an undoable edit."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QTableView, QWidget

from desktop_app.bootstrap import App
from desktop_app.domain.enums import Consent, label
from desktop_app.domain.errors import UserError
from desktop_app.domain.wording import plural
from desktop_app.services import registrants
from ui.dialogs.confirm import DeleteQuestion, ask_to_delete
from ui.dialogs.merge_dialog import MergeDialog
from ui.dialogs.registrant_dialog import RegistrantDialog
from ui.edits import Edits
from ui.icons import icon
from ui.models.attendee_model import AttendeeModel
from ui.tabs.registrant_editing import registrant_dialog, save_registrant


class AttendeeActions:
    """Mixed into the Attendees tab, which provides the attributes declared here."""

    _app: App
    _edits: Edits
    _series_id: int | None
    model: AttendeeModel
    view: QTableView
    status_message: SignalInstance
    edit_button: QPushButton
    merge_button: QPushButton
    delete_button: QPushButton
    consent_button: QPushButton
    registrant_dialog: RegistrantDialog | None
    merge_dialog: MergeDialog | None
    delete_box: DeleteQuestion | None

    def _make_action_buttons(self) -> None:
        """Merge…, Set consent (with its menu) and Delete… for the selected people."""
        # A push button with a menu leaves room for its arrow (a tool button drew the arrow
        # over the text).
        self.consent_button = QPushButton("Set consent")
        menu = QMenu(self.consent_button)
        self.consent_actions: dict[Consent, QAction] = {}
        for consent in Consent:
            action = menu.addAction(label(consent))
            action.triggered.connect(lambda _=False, c=consent: self.set_consent(c))
            self.consent_actions[consent] = action
        self.consent_button.setMenu(menu)
        self.delete_button = QPushButton(icon("delete"), "Delete…")
        self.delete_button.clicked.connect(self.delete_selected)
        self.merge_button = QPushButton("&Merge…")
        self.merge_button.setToolTip("Two registrants who are one person: keep one address")
        self.merge_button.clicked.connect(self.merge_selected)

    def _parent(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def selected_ids(self) -> list[int]:
        """Ids of the selected registrants, in shown order."""
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.id_at(r) for r in rows if r < self.model.rowCount()]

    def set_consent(self, consent: Consent) -> None:
        """Record a consent answer for every selected registrant (undoable)."""
        ids = self.selected_ids()
        if ids:
            self._edits.set_consent(ids, consent)
            self.status_message.emit(
                f"Consent set to {label(consent)} for {plural(len(ids), 'person')}."
            )

    def delete_selected(self) -> None:
        """Ask, then delete the selected registrants with their registrations."""
        ids = self.selected_ids()
        if not ids:
            return
        self.delete_box = ask_to_delete(
            self._parent(),
            "Delete registrants",
            f"Delete {plural(len(ids), 'registrant')}?",
            "Their registrations and attendance go with them, in every series.",
            lambda: self._delete(ids),
        )

    def _delete(self, ids: list[int]) -> None:
        self._edits.delete_registrants(ids)
        self.status_message.emit(f"Deleted {plural(len(ids), 'registrant')}.")

    def edit_registrant(self, index: QModelIndex) -> None:
        """Open the editor for the registrant on a line."""
        if not index.isValid() or self._series_id is None:
            return
        person = self.model.id_at(index.row())
        dialog = registrant_dialog(self._app, self._series_id, person, self._parent())
        dialog.save_requested.connect(lambda: self._save_registrant(dialog))
        self.registrant_dialog = dialog
        dialog.open()

    def _save_registrant(self, dialog: RegistrantDialog) -> None:
        saved = save_registrant(self._edits, dialog)
        if saved is not None:
            dialog.accept()
            self.status_message.emit(f"Saved {saved.email}.")

    def merge_selected(self) -> None:
        """Ask which address to keep, then merge the two selected registrants."""
        ids = self.selected_ids()
        if len(ids) != 2:
            self.status_message.emit("Select the two registrants who are one person.")
            return
        uow = self._app.uow
        people = (
            registrants.get_registrant(uow(), ids[0]),
            registrants.get_registrant(uow(), ids[1]),
        )
        counts = (
            len(registrants.list_registrations(uow(), registrant_id=ids[0])),
            len(registrants.list_registrations(uow(), registrant_id=ids[1])),
        )
        dialog = MergeDialog(people, counts, self._parent())
        dialog.merge_requested.connect(self._merge)
        self.merge_dialog = dialog
        dialog.open()

    def _merge(self, keep_id: int, other_id: int, email: str) -> None:
        try:
            result = self._edits.merge_registrants(keep_id, other_id, email)
        except UserError as error:
            self.status_message.emit(f"Cannot merge: {error}")
            return
        notes = "".join(f"; {note}" for note in result.notes)
        self.status_message.emit(f"Merged into {result.email}{notes}.")

    def _update_buttons(self) -> None:
        chosen = len(self.view.selectionModel().selectedRows())
        self.edit_button.setEnabled(self.view.currentIndex().isValid())
        self.consent_button.setEnabled(chosen > 0)
        self.delete_button.setEnabled(chosen > 0)
        self.merge_button.setEnabled(chosen == 2)
