"""The mail template editor: subject and body with {placeholders}, a list of the placeholders
to insert, and a live preview of the first recipients' drafts with the warnings for
placeholders that would be empty; saved per series."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.bootstrap import App
from desktop_app.domain.errors import UserError, ValidationError
from desktop_app.domain.mail_kinds import kind_label
from desktop_app.domain.mail_templates import PLACEHOLDERS, MailTemplate, validate_template
from desktop_app.services.mail_drafts import DraftPlan, DraftRequest
from ui.dialogs.mail_planning import Planner
from ui.dialogs.mail_preview import MailPreview, warnings_html
from ui.dialogs.sizing import fitting_size
from ui.editors.forms import FieldProblems

TYPING_PAUSE_MS = 300  # the preview follows the typing once it pauses
TEMPLATE_FIELDS = ("name", "subject", "body")


def own_copy(template: MailTemplate, taken: set[str]) -> MailTemplate:
    """A copy of a template under a new name ('My reminder (day before)', then '… 2')."""
    base = f"My {template.name[:1].lower()}{template.name[1:]}"
    name, number = base, 1
    folded = {t.casefold() for t in taken}
    while name.casefold() in folded:
        number += 1
        name = f"{base} {number}"
    return dataclasses.replace(template, name=name, builtin=False)


class TemplateEditor(QDialog):
    """Edits one template; emits save_requested with it (the opener saves and closes)."""

    save_requested = Signal(object)  # MailTemplate
    preview_shown = Signal()  # the preview follows the fields again

    def __init__(
        self,
        template: MailTemplate,
        app: App,
        request: Callable[[], DraftRequest],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._template, self._request = template, request
        self.planner = Planner(app, self)
        self.planner.ready.connect(self._planned)
        self.planner.refused.connect(self._refused)
        self.problems = FieldProblems()
        self.setWindowTitle(f"Mail template — {kind_label(template.kind)}")
        self.resize(*fitting_size(parent, 1040, 660))
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.refresh)

        self.name_edit = QLineEdit(template.name)
        self.subject_edit = QLineEdit(template.subject)
        self.body_edit = QPlainTextEdit(template.body)
        self.body_edit.setTabChangesFocus(True)
        self._target: QLineEdit | QPlainTextEdit = self.body_edit
        for edit in (self.subject_edit, self.body_edit):
            edit.installEventFilter(self)
        note = QLabel(
            "A built-in template: saving keeps your version for this series under its name "
            "(“Use built-in” brings the original back)."
            if template.builtin
            else "Saved with this series; other series keep their own templates."
        )
        note.setWordWrap(True)
        self.placeholder_list = QTreeWidget()
        self.placeholder_list.setAccessibleName("Placeholders")
        self.placeholder_list.setHeaderLabels(["Placeholder", "Stands for"])
        self.placeholder_list.setRootIsDecorated(False)
        self.placeholder_list.setAlternatingRowColors(True)
        for name, meaning in PLACEHOLDERS.items():
            item = QTreeWidgetItem(["{" + name + "}", meaning])
            item.setToolTip(1, meaning)
            item.setData(0, Qt.ItemDataRole.UserRole, name)
            self.placeholder_list.addTopLevelItem(item)
        self.placeholder_list.resizeColumnToContents(0)
        first = self.placeholder_list.topLevelItem(0)
        if first is not None:
            self.placeholder_list.setCurrentItem(first)
        self.placeholder_list.itemDoubleClicked.connect(lambda _item, _col: self.insert_chosen())
        self.insert_button = QPushButton("&Insert placeholder")
        self.insert_button.setToolTip("Put the chosen placeholder where the cursor is")
        self.insert_button.clicked.connect(self.insert_chosen)

        form = QFormLayout()
        form.addRow("&Name", self.problems.wrap("name", self.name_edit))
        form.addRow("&Subject", self.problems.wrap("subject", self.subject_edit))
        body_label = QLabel("&Body")
        body_label.setBuddy(self.body_edit)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(note)
        left_layout.addLayout(form)
        left_layout.addWidget(body_label)
        left_layout.addWidget(self.problems.wrap("body", self.body_edit), 3)
        left_layout.addWidget(self.placeholder_list, 2)
        left_layout.addWidget(self.insert_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.preview = MailPreview()
        self.warnings = QLabel()
        self.warnings.setObjectName("templateWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("<b>Preview</b> (the first recipients of the mail chosen)"))
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.warnings)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([520, 500])

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.request_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problems.message)
        layout.addWidget(self.buttons)
        self.name_edit.textEdited.connect(lambda _text: self._pause.start())
        self.subject_edit.textChanged.connect(lambda _text: self._pause.start())
        self.body_edit.textChanged.connect(self._pause.start)
        self.refresh()

    def edited(self) -> MailTemplate:
        """The template as it is in the fields (not checked yet)."""
        return MailTemplate(
            self.name_edit.text(),
            self._template.kind,
            self.subject_edit.text(),
            self.body_edit.toPlainText(),
        )

    def refresh(self) -> None:
        """Mark what is wrong in the fields now; preview the template on the first
        recipients once a worker has planned it."""
        self._pause.stop()
        self.problems.clear()
        try:
            template = validate_template(self.edited())
            request = self._request()
        except ValidationError as error:
            mine = {k: v for k, v in error.problems.items() if k in TEMPLATE_FIELDS}
            for field, text in mine.items():
                self.problems.mark(field, text)
            self._refused(next(iter(error.problems.values())))
            return
        except UserError as error:
            self._refused(str(error))
            return
        self.planner.plan(request, template)

    def _refused(self, text: str) -> None:
        self.preview.show_problem(text)
        self.warnings.clear()
        self.preview_shown.emit()

    def _planned(self, plan: DraftPlan) -> None:
        self.preview.show_plan(plan)
        count = len(plan.recipients)
        people = f"{count:,} recipient{'s' if count != 1 else ''}"
        self.warnings.setText(
            warnings_html(plan) or f"<p>Every placeholder has a value for all {people}.</p>"
        )
        self.preview_shown.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched in (self.subject_edit, self.body_edit):
            self._target = self.body_edit if watched is self.body_edit else self.subject_edit
        return super().eventFilter(watched, event)

    def insert_chosen(self) -> None:
        """Insert the chosen placeholder at the cursor of the subject or body last used."""
        item = self.placeholder_list.currentItem()
        if item is None:
            return
        text = "{" + str(item.data(0, Qt.ItemDataRole.UserRole)) + "}"
        if isinstance(self._target, QLineEdit):
            self._target.insert(text)
        else:
            self._target.insertPlainText(text)
        self._target.setFocus()

    def request_save(self) -> None:
        """Ask the opener to save the template (it marks the fields if refused)."""
        self.refresh()
        self.save_requested.emit(self.edited())
