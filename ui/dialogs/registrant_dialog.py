"""Dialog that edits one registrant and their registrations for the sessions of a series."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import Consent, label
from desktop_app.domain.records import RegistrantData, RegistrationData
from desktop_app.domain.row_data import registrant_data, registration_data
from desktop_app.domain.rows import RegistrantRow, RegistrationRow, SessionRow
from ui.dialogs.unsaved import GuardedDialog
from ui.editors.forms import FieldProblems


@dataclasses.dataclass
class SessionLine:
    """The controls of one session in the dialog."""

    session: SessionRow
    registration: RegistrationRow | None
    registered: QCheckBox
    attended: QCheckBox
    minutes: QSpinBox


class RegistrantDialog(GuardedDialog):
    """Edits a registrant; emits save_requested, the caller saves and closes it. Esc, Cancel
    or the title bar with unsaved edits ask Save / Discard / Cancel."""

    save_requested = Signal()

    def __init__(
        self,
        row: RegistrantRow,
        sessions: list[SessionRow],
        registrations: list[RegistrationRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(f"Registrant — {row.first_name} {row.last_name}".strip(" —"))
        self.problems = FieldProblems()
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name, title in (
            ("email", "&Email"),
            ("first_name", "&First name"),
            ("last_name", "&Last name"),
            ("organisation", "&Organisation"),
            ("job_title", "&Job title"),
            ("city", "Cit&y"),
            ("country", "Co&untry"),
            ("sector", "Sec&tor"),
        ):
            edit = QLineEdit(getattr(row, name))
            self.edits[name] = edit
            form.addRow(title, self.problems.wrap(name, edit))
        self.consent_combo = QComboBox()
        for consent in Consent:
            self.consent_combo.addItem(label(consent), consent.value)
        self.consent_combo.setCurrentIndex(self.consent_combo.findData(row.consent))
        form.addRow("&Consent to share", self.consent_combo)
        source = row.consent_source or "—"
        when = f"{row.consent_at:%d %b %Y}" if row.consent_at else ""
        form.addRow("", QLabel(f"Recorded from: {source} {when}".strip()))

        box = QGroupBox("Registrations")
        grid = QGridLayout(box)
        for column, heading in enumerate(("Session", "Registered", "Attended", "Minutes")):
            grid.addWidget(QLabel(f"<b>{heading}</b>"), 0, column)
        by_session = {r.session_id: r for r in registrations}
        self.lines: list[SessionLine] = []
        for number, session in enumerate(sessions, start=1):
            existing = by_session.get(session.id)
            line = SessionLine(session, existing, QCheckBox(), QCheckBox(), QSpinBox())
            line.registered.setChecked(existing is not None)
            line.registered.setAccessibleName(f"Registered for {session.title}")
            line.attended.setChecked(bool(existing and existing.attended))
            line.attended.setAccessibleName(f"Attended {session.title}")
            line.minutes.setRange(0, 24 * 60)
            line.minutes.setSuffix(" min")
            line.minutes.setValue(existing.minutes if existing else 0)
            line.registered.toggled.connect(lambda _=False, ln=line: self._sync(ln))
            line.attended.toggled.connect(lambda _=False, ln=line: self._sync(ln))
            grid.addWidget(QLabel(session.title), number, 0)
            grid.addWidget(line.registered, number, 1)
            grid.addWidget(line.attended, number, 2)
            grid.addWidget(line.minutes, number, 3)
            self._sync(line)
            self.lines.append(line)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save_requested)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.problems.message)
        layout.addWidget(buttons)

    def has_unsaved_edits(self) -> bool:
        """True when a field, the consent or a registration differs from what was read."""
        return (
            any(edit.text() != getattr(self.row, name) for name, edit in self.edits.items())
            or self.consent_combo.currentData() != self.row.consent
            or bool(self.registration_changes())
        )

    def unsaved_subject(self) -> str:
        name = f"{self.row.first_name} {self.row.last_name}".strip()
        return name or self.row.email

    def save_and_close(self) -> None:
        """Ask the caller to save; it closes the dialog once saved."""
        self.save_requested.emit()

    def _sync(self, line: SessionLine) -> None:
        """Attendance only makes sense for a registration; minutes only for attendance."""
        line.attended.setEnabled(line.registered.isChecked())
        line.minutes.setEnabled(line.registered.isChecked() and line.attended.isChecked())

    def registrant(self) -> RegistrantData:
        """The registrant as edited."""
        text = {name: edit.text() for name, edit in self.edits.items()}
        data = dataclasses.replace(
            registrant_data(self.row),
            email=text["email"],
            first_name=text["first_name"],
            last_name=text["last_name"],
            organisation=text["organisation"],
            job_title=text["job_title"],
            city=text["city"],
            country=text["country"],
            sector=text["sector"],
        )
        consent = Consent(self.consent_combo.currentData())
        if consent != self.row.consent:
            data = dataclasses.replace(
                data,
                consent=consent,
                consent_at=datetime.now(UTC),
                consent_source="set by hand in Webinar Desk",
            )
        return data

    def registration_changes(
        self,
    ) -> list[tuple[SessionRow, RegistrationRow | None, RegistrationData | None]]:
        """(session, existing registration, new data or None to remove) for each change."""
        changes: list[tuple[SessionRow, RegistrationRow | None, RegistrationData | None]] = []
        for line in self.lines:
            wanted = line.registered.isChecked()
            came = wanted and line.attended.isChecked()
            minutes = line.minutes.value() if came else 0
            if line.registration is None:
                if wanted:
                    changes.append(
                        (
                            line.session,
                            None,
                            RegistrationData(
                                registered_at=datetime.now(UTC),
                                source="added by hand",
                                attended=came,
                                minutes=minutes,
                            ),
                        )
                    )
            elif not wanted:
                changes.append((line.session, line.registration, None))
            elif (came, minutes) != (line.registration.attended, line.registration.minutes):
                changes.append(
                    (
                        line.session,
                        line.registration,
                        dataclasses.replace(
                            registration_data(line.registration), attended=came, minutes=minutes
                        ),
                    )
                )
        return changes
