"""The left half of the Mail dialog: which session, what kind of mail, who receives it (like
an export profile chooses people), with which template, and from whom."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.domain.enums import SessionStatus
from desktop_app.domain.mail_kinds import (
    KINDS,
    Audience,
    ConsentRule,
    MailAddress,
    MailKind,
    RecipientFilter,
    ReminderWhen,
    kind_label,
)
from desktop_app.domain.mail_templates import MailTemplate, default_name
from desktop_app.domain.rows import SessionRow, SpeakerRow
from ui.editors.forms import FieldProblems

# What the Kind list offers, in the order a series runs: reminders split by when they go.
KIND_CHOICES: list[tuple[MailKind, str]] = [
    (MailKind.INVITATION, ""),
    (MailKind.SPEAKER_BRIEFING, ""),
    (MailKind.CONFIRMATION, ""),
    (MailKind.REMINDER, ReminderWhen.DAY_BEFORE.value),
    (MailKind.REMINDER, ReminderWhen.HOUR_BEFORE.value),
    (MailKind.CHANGE, ""),
    (MailKind.THANKS, ""),
    (MailKind.MISSED, ""),
]
AUDIENCES = [
    (Audience.SPEAKERS, "Speakers of the session"),
    (Audience.REGISTERED, "Registered"),
    (Audience.ATTENDED, "Attended"),
    (Audience.ABSENT, "Registered but absent"),
]
CONSENTS = [
    (ConsentRule.NOT_REFUSED, "Everyone except those who said no"),
    (ConsentRule.YES_ONLY, "Only those who said yes"),
]
LAST_KIND = "mail/lastKind"  # remembered: the kind chosen last time, per kind of recipient
TYPING_PAUSE_MS = 300  # typed filters and names are read once the typing pauses


def kind_key(kind: MailKind, when: str = "") -> str:
    """'reminder|day-before': a Kind list entry's data (and what is remembered)."""
    return f"{kind.value}|{when}"


def split_list(text: str) -> tuple[str, ...]:
    """'City of Nairobi, Open Contracting' -> each entry, trimmed."""
    return tuple(part.strip() for part in text.replace(";", ",").split(",") if part.strip())


class MailChoices(QWidget):
    """Emits changed whenever what would be written changes."""

    changed = Signal()

    def __init__(
        self,
        sessions: list[SessionRow],
        session_id: int | None,
        speaker: SpeakerRow | None,
        sender: MailAddress,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.speaker = speaker
        self.problems = FieldProblems()
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.changed)

        self.session_combo = QComboBox()
        self.session_combo.setAccessibleName("Session")
        self.session_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.session_combo.setMinimumContentsLength(24)  # long titles are elided, not wider
        for row in sessions:
            day = row.start_label.partition(" · ")[0]
            self.session_combo.addItem(f"{row.title} ({day})", row.id)
            self.session_combo.setItemData(
                self.session_combo.count() - 1, row.start_label, Qt.ItemDataRole.ToolTipRole
            )
        found = self.session_combo.findData(session_id)
        self.session_combo.setCurrentIndex(max(found, 0))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName("Kind of mail")
        for kind, when in KIND_CHOICES:
            self.kind_combo.addItem(kind_label(kind, when), kind_key(kind, when))
        self.audience_combo = QComboBox()
        self.audience_combo.setAccessibleName("Recipients")
        for audience, text in AUDIENCES:
            self.audience_combo.addItem(text, audience.value)
        self.speaker_label = QLabel()
        if speaker is not None:
            address = f"<{speaker.email}>" if speaker.email else "(no email address yet)"
            self.speaker_label.setText(f"{speaker.name} {address}")
        self.consent_combo = QComboBox()
        self.consent_combo.setAccessibleName("Consent to be contacted")
        for rule, text in CONSENTS:
            self.consent_combo.addItem(text, rule.value)
        self.organisations_edit = QLineEdit()
        self.organisations_edit.setPlaceholderText("any (or a list: City of Nairobi, OCP)")
        self.domains_edit = QLineEdit()
        self.domains_edit.setPlaceholderText("any (or a list: example.org, city.gov)")
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName("Template")
        self.template_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template_combo.setMinimumContentsLength(16)
        self.edit_template_button = QPushButton("&Edit…")
        self.new_template_button = QPushButton("&New…")
        self.delete_template_button = QPushButton("Delete")
        self.from_name_edit = QLineEdit(sender.name)
        self.from_name_edit.setPlaceholderText("Your name")
        self.from_name_edit.setAccessibleName("Your name")
        self.from_email_edit = QLineEdit(sender.email)
        self.from_email_edit.setPlaceholderText("you@example.org")
        self.from_email_edit.setAccessibleName("Your email address")

        template_buttons = QHBoxLayout()
        for button in (
            self.edit_template_button,
            self.new_template_button,
            self.delete_template_button,
        ):
            template_buttons.addWidget(button)
        template_buttons.addStretch(1)
        from_box = QWidget()
        from_row = QHBoxLayout(from_box)
        from_row.setContentsMargins(0, 0, 0, 0)
        from_row.addWidget(self.from_name_edit, 2)
        from_row.addWidget(self.from_email_edit, 3)
        self.form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Session", self.session_combo)
        form.addRow("&Kind", self.kind_combo)
        form.addRow(
            "To" if speaker else "&To", self.speaker_label if speaker else self.audience_combo
        )
        form.addRow("&Consent", self.consent_combo)
        form.addRow("&Organisation", self.organisations_edit)
        form.addRow("Email &domain", self.domains_edit)
        form.addRow("Te&mplate", self.template_combo)
        form.addRow("", template_buttons)
        form.addRow("&From", self.problems.wrap("sender", from_box))
        for label_text, widget in (
            ("&To", self.audience_combo),
            ("&Organisation", self.organisations_edit),
            ("Email &domain", self.domains_edit),
        ):
            widget.setToolTip(_TIPS[label_text])
        if speaker is not None:  # one person: the registrant filters mean nothing here
            for widget in (self.consent_combo, self.organisations_edit, self.domains_edit):
                form.setRowVisible(widget, False)

        self._cancelled = {row.id for row in sessions if row.status == SessionStatus.CANCELLED}
        self._choose_first_kind(cancelled=self.session_id() in self._cancelled)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.session_combo.currentIndexChanged.connect(self.changed)
        self.audience_combo.currentIndexChanged.connect(self._audience_changed)
        self.consent_combo.currentIndexChanged.connect(self.changed)
        self.template_combo.currentIndexChanged.connect(self.changed)
        for edit in (
            self.organisations_edit,
            self.domains_edit,
            self.from_name_edit,
            self.from_email_edit,
        ):
            edit.textEdited.connect(lambda _text: self._typing.start())
        self._audience_changed()

    # What is chosen ------------------------------------------------------------------------

    def session_id(self) -> int | None:
        """The session the drafts are about."""
        value = self.session_combo.currentData()
        return int(value) if value is not None else None

    def cancelled(self) -> bool:
        """Whether the chosen session is cancelled (its change notice says so)."""
        return self.session_id() in self._cancelled

    def kind(self) -> MailKind:
        """The kind of mail chosen."""
        return MailKind(str(self.kind_combo.currentData()).partition("|")[0])

    def when(self) -> str:
        """For reminders, when they are sent (day-before or hour-before); else ''."""
        return str(self.kind_combo.currentData()).partition("|")[2]

    def label(self) -> str:
        """'Reminder (day before)'."""
        return kind_label(self.kind(), self.when())

    def recipients(self) -> RecipientFilter:
        """Who receives the drafts."""
        if self.speaker is not None:
            return RecipientFilter(Audience.SPEAKERS, speaker_ids=(self.speaker.id,))
        return RecipientFilter(
            Audience(self.audience_combo.currentData()),
            ConsentRule(self.consent_combo.currentData()),
            split_list(self.organisations_edit.text()),
            split_list(self.domains_edit.text()),
        )

    def sender_address(self) -> MailAddress:
        """Who the drafts are from (and who organises the calendar invitations)."""
        return MailAddress(self.from_name_edit.text(), self.from_email_edit.text())

    def template_name(self) -> str | None:
        """The chosen template's name (None before the list is filled)."""
        value = self.template_combo.currentData()
        return str(value) if value else None

    # Templates ------------------------------------------------------------------------------

    def set_templates(self, templates: list[MailTemplate], select: str | None = None) -> None:
        """List a kind's templates, choosing one by name (else the kind's usual one: for a
        cancelled session's change notice, the cancellation notice)."""
        usual = default_name(self.kind(), self.when(), self.cancelled()).casefold()
        wanted = (select or usual).casefold()
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        for template in templates:
            shown = template.name + (" — built in" if template.builtin else "")
            self.template_combo.addItem(shown, template.name)
        names = [t.name.casefold() for t in templates]
        for name in (wanted, usual):
            if name in names:
                self.template_combo.setCurrentIndex(names.index(name))
                break
        self.template_combo.blockSignals(False)

    # Reacting -------------------------------------------------------------------------------

    def _choose_first_kind(self, cancelled: bool) -> None:
        """The kind chosen last time for this kind of recipient, else the usual first one;
        for a cancelled session, the change notice (the only mail it can still get)."""
        key = f"{LAST_KIND}/{'speaker' if self.speaker else 'session'}"
        remembered = kind_key(MailKind.CHANGE) if cancelled else QSettings().value(key)
        usual = kind_key(MailKind.INVITATION)
        if self.speaker is None:
            usual = kind_key(MailKind.REMINDER, ReminderWhen.DAY_BEFORE)
        found = self.kind_combo.findData(remembered) if isinstance(remembered, str) else -1
        self.kind_combo.setCurrentIndex(found if found >= 0 else self.kind_combo.findData(usual))
        self._set_usual_audience()

    def remember_kind(self) -> None:
        """Keep the chosen kind for the next time (called once drafts are written)."""
        key = f"{LAST_KIND}/{'speaker' if self.speaker else 'session'}"
        QSettings().setValue(key, kind_key(self.kind(), self.when()))

    def _set_usual_audience(self) -> None:
        """Each kind goes to its usual people (thanks to those who came, and so on)."""
        found = self.audience_combo.findData(KINDS[self.kind()].audience.value)
        self.audience_combo.blockSignals(True)
        self.audience_combo.setCurrentIndex(max(found, 0))
        self.audience_combo.blockSignals(False)
        self._audience_changed(notify=False)

    def _kind_changed(self) -> None:
        self._set_usual_audience()
        self.changed.emit()

    def _audience_changed(self, _index: int = 0, notify: bool = True) -> None:
        speakers = self.speaker is not None or self.audience_combo.currentData() == "speakers"
        for widget in (self.consent_combo, self.organisations_edit, self.domains_edit):
            widget.setEnabled(not speakers)  # a speaker's consent is their part in the session
        if notify:
            self.changed.emit()

    def flush_typing(self) -> None:
        """Read what is being typed now, not after the pause."""
        if self._typing.isActive():
            self._typing.stop()
            self.changed.emit()


_TIPS = {
    "&To": "The kind chooses its usual people; choose others here.",
    "&Organisation": "Only people whose organisation contains one of these (comma-separated).",
    "Email &domain": "Only people whose address ends with one of these domains.",
}
