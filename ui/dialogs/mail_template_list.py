"""The Mail dialog's templates: the list of a kind's templates for the series, and Edit…,
New… and Delete (or "Use built-in" for the series' version of a built-in one)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.bootstrap import App
from desktop_app.domain.errors import UserError, ValidationError
from desktop_app.domain.mail_templates import MailTemplate, builtin_templates
from desktop_app.services import mail_templates
from desktop_app.services.mail_drafts import DraftRequest
from ui.dialogs.mail_choices import MailChoices
from ui.dialogs.mail_template_editor import TemplateEditor, own_copy

USE_BUILTIN = "Use built-in"


class TemplateList(QObject):
    """Keeps the template list of the choices up to date and runs its buttons."""

    changed = Signal()  # a template was saved or deleted: preview again
    refused = Signal(str)  # a template could not be deleted; the text says why

    def __init__(
        self,
        app: App,
        series_id: int,
        choices: MailChoices,
        request: Callable[[], DraftRequest],
        dialog: QWidget,
    ) -> None:
        super().__init__(dialog)
        self._app, self._series_id = app, series_id
        self._choices, self._request, self._dialog = choices, request, dialog
        self._listed_kind: tuple[str, str, bool] | None = None
        self._templates: dict[str, MailTemplate] = {}
        self.editor: TemplateEditor | None = None
        self.question: QMessageBox | None = None
        choices.edit_template_button.clicked.connect(self.edit)
        choices.new_template_button.clicked.connect(self.new)
        choices.delete_template_button.clicked.connect(self.ask_delete)

    def follow(self, select: str | None = None) -> None:
        """List the kind's templates when the kind or the session's cancellation changed (or
        one was saved), choosing one by name; then enable the buttons that apply to it."""
        kind = (self._choices.kind().value, self._choices.when(), self._choices.cancelled())
        if kind != self._listed_kind or select is not None:
            self._listed_kind = kind
            found = mail_templates.list_templates(
                self._app.uow(), self._series_id, self._choices.kind()
            )
            self._templates = {t.name: t for t in found}
            self._choices.set_templates(found, select)
        chosen = self.chosen()
        saved = chosen is not None and not chosen.builtin
        builtin_names = {t.name for t in builtin_templates()}
        button = self._choices.delete_template_button
        button.setEnabled(saved)
        button.setText(
            USE_BUILTIN if saved and chosen and chosen.name in builtin_names else "Delete"
        )

    def chosen(self) -> MailTemplate | None:
        """The chosen template."""
        name = self._choices.template_name()
        return self._templates.get(name) if name else None

    def edit(self) -> None:
        """Edit the chosen template (a built-in one is kept as the series' own version)."""
        chosen = self.chosen()
        if chosen is not None:
            self._open_editor(chosen, chosen.name if not chosen.builtin else None)

    def new(self) -> None:
        """A new template, starting from a copy of the chosen one."""
        chosen = self.chosen()
        if chosen is not None:
            self._open_editor(own_copy(chosen, set(self._templates)), None)

    def _open_editor(self, template: MailTemplate, old_name: str | None) -> None:
        self._choices.flush_typing()
        editor = TemplateEditor(template, self._app, self._request, self._dialog)
        editor.save_requested.connect(lambda edited: self._save(editor, edited, old_name))
        self.editor = editor
        editor.open()

    def _save(self, editor: TemplateEditor, template: MailTemplate, old_name: str | None) -> None:
        try:
            saved = mail_templates.save_template(
                self._app.uow(), self._series_id, template, old_name
            )
        except ValidationError as error:
            editor.problems.show(error.problems)
            return
        except UserError as error:
            editor.problems.say(str(error))
            return
        editor.accept()
        self.follow(select=saved.name)
        self.changed.emit()

    def ask_delete(self) -> None:
        """Ask, then delete the chosen saved template."""
        chosen = self.chosen()
        if chosen is None or chosen.builtin:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Delete template",
            f"Delete “{chosen.name}”?",
            parent=self._dialog,
        )
        if self._choices.delete_template_button.text() == USE_BUILTIN:
            box.setText(f"Delete this series' version of “{chosen.name}”?")
            box.setInformativeText("The built-in template of that name is used again.")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda result: self._delete_answered(result, chosen.name))
        self.question = box
        box.open()

    def _delete_answered(self, result: int, name: str) -> None:
        if result != QMessageBox.StandardButton.Yes:
            return
        try:
            mail_templates.delete_template(self._app.uow(), self._series_id, name)
        except UserError as error:
            self.refused.emit(str(error))
            return
        self.follow(select=name)
        self.changed.emit()
