"""Editor for a partner export profile: which people, which columns under which headings."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.export_profile import BY_KEY, CATALOGUE, ExportProfile
from desktop_app.domain.rows import SessionRow
from ui.dialogs.sizing import fit_size
from ui.dialogs.unsaved import GuardedDialog
from ui.editors.forms import FieldProblems

PEOPLE = {
    "registered": "Registered for a chosen session",
    "attended": "Attended a chosen session",
    "everyone": "Every registrant of the series",
}
KEY_ROLE = Qt.ItemDataRole.UserRole


class ProfileDialog(GuardedDialog):
    """Edits a profile; emits save_requested(profile), the caller saves and closes it.
    Closing with unsaved edits asks Save / Discard / Cancel."""

    save_requested = Signal(object)  # ExportProfile

    def __init__(
        self, profile: ExportProfile, sessions: list[SessionRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.original_name = profile.name
        self.setWindowTitle(f"Export profile — {profile.name}")
        self.problems = FieldProblems()
        self.name_edit = QLineEdit(profile.name)
        self.people_combo = QComboBox()
        for key, text in PEOPLE.items():
            self.people_combo.addItem(text, key)
        self.people_combo.setCurrentIndex(self.people_combo.findData(profile.people))
        self.consent_check = QCheckBox("Only people who agreed to share their details")
        self.consent_check.setChecked(profile.require_consent)
        self.unknown_check = QCheckBox("… and people who were never asked (consent unknown)")
        self.unknown_check.setChecked(profile.include_unknown_consent)
        self.consent_check.toggled.connect(self.unknown_check.setEnabled)
        self.unknown_check.setEnabled(profile.require_consent)
        self.sessions_list = QListWidget()
        for session in sessions:
            item = QListWidgetItem(session.title)
            item.setData(KEY_ROLE, session.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = not profile.session_ids or session.id in profile.session_ids
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            self.sessions_list.addItem(item)
        self.sessions_list.setMaximumHeight(110)
        self.organisations_edit = QLineEdit(", ".join(profile.organisations))
        self.organisations_edit.setPlaceholderText("e.g. City of Atlanta, Nava (any part)")
        self.domains_edit = QLineEdit(", ".join(profile.email_domains))
        self.domains_edit.setPlaceholderText("e.g. atlantaga.gov, nava.example")
        self.columns_list = QListWidget()
        self.columns_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        chosen_keys = [k for k, _ in profile.columns]
        headings = dict(profile.columns)
        ordered = chosen_keys + [c.key for c in CATALOGUE if c.key not in headings]
        for key in ordered:
            spec = BY_KEY[key]
            item = QListWidgetItem(headings.get(key, spec.heading))
            item.setData(KEY_ROLE, key)
            item.setFlags(
                item.flags()
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEditable
                | Qt.ItemFlag.ItemIsDragEnabled
            )
            item.setCheckState(
                Qt.CheckState.Checked if key in headings else Qt.CheckState.Unchecked
            )
            tip = "personal: identifies or reaches the person" if spec.personal else ""
            if spec.per_session:
                tip = "one column per session"
            item.setToolTip(tip)
            self.columns_list.addItem(item)
        self.sheets_check = QCheckBox("A sheet for each session, besides All registrants")
        self.sheets_check.setChecked(profile.sheet_per_session)
        self.pattern_edit = QLineEdit(profile.file_name_pattern)

        form = QFormLayout()
        wrap = self.problems.wrap
        form.addRow("&Name", wrap("name", self.name_edit))
        form.addRow("&People", wrap("people", self.people_combo))
        form.addRow("", self.consent_check)
        form.addRow("", self.unknown_check)
        form.addRow("&Sessions", self.sessions_list)
        form.addRow("Only &organisations", self.organisations_edit)
        form.addRow("Only email &domains", self.domains_edit)
        hint = QLabel("Tick the columns to send; drag to reorder; double-click to rename.")
        hint.setWordWrap(True)
        form.addRow("&Columns", wrap("columns", self.columns_list))
        form.addRow("", hint)
        form.addRow("", self.sheets_check)
        form.addRow("&File name", wrap("file_name_pattern", self.pattern_edit))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(lambda: self.save_requested.emit(self.profile()))
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        # The form scrolls on a small screen; the problem line and the buttons stay in sight.
        page = QWidget()
        page.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        fit_size(self, 560, 720)
        self._as_opened = self.profile()

    def has_unsaved_edits(self) -> bool:
        return self.profile() != self._as_opened

    def unsaved_subject(self) -> str:
        return f"the export profile “{self.original_name}”"

    def save_and_close(self) -> None:
        """Ask the caller to save; it closes the dialog once saved."""
        self.save_requested.emit(self.profile())

    def profile(self) -> ExportProfile:
        """The profile as edited."""

        def split(text: str) -> tuple[str, ...]:
            return tuple(part.strip() for part in text.split(",") if part.strip())

        items = [self.columns_list.item(i) for i in range(self.columns_list.count())]
        sessions = [self.sessions_list.item(i) for i in range(self.sessions_list.count())]
        ticked = [
            int(s.data(KEY_ROLE)) for s in sessions if s.checkState() == Qt.CheckState.Checked
        ]
        every = len(ticked) == len(sessions)
        return dataclasses.replace(
            ExportProfile(self.name_edit.text().strip(), ()),
            columns=tuple(
                (str(i.data(KEY_ROLE)), i.text().strip())
                for i in items
                if i.checkState() == Qt.CheckState.Checked
            ),
            people=self.people_combo.currentData(),
            require_consent=self.consent_check.isChecked(),
            include_unknown_consent=self.unknown_check.isChecked(),
            session_ids=() if every else tuple(ticked),
            organisations=split(self.organisations_edit.text()),
            email_domains=split(self.domains_edit.text()),
            sheet_per_session=self.sheets_check.isChecked(),
            file_name_pattern=self.pattern_edit.text().strip(),
        )
