"""The run-of-show editor: segments with live clock times, undo, templates, print and export."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.bootstrap import App
from desktop_app.domain.errors import UserError
from desktop_app.domain.run_of_show import Segment
from desktop_app.domain.run_of_show_sheet import RunOfShowSheet
from desktop_app.services import run_of_show
from ui.dialogs.run_of_show_output import SheetOutput
from ui.dialogs.sizing import fit_size
from ui.dialogs.unsaved import GuardedDialog
from ui.models.segment_model import EDITABLE, SegmentModel
from ui.tabs.common import make_table_view
from ui.widgets.cue_delegate import CueDelegate


class _Change(QUndoCommand):
    """Replaces the whole segment list (small lists: a snapshot is the simplest undo)."""

    def __init__(
        self, dialog: RunOfShowDialog, before: list[Segment], after: list[Segment], text: str
    ) -> None:
        super().__init__(text)
        self._dialog, self._before, self._after = dialog, before, after

    def redo(self) -> None:
        self._dialog.show_segments(self._after)

    def undo(self) -> None:
        self._dialog.show_segments(self._before)


class RunOfShowDialog(GuardedDialog):
    """Edits one session's run of show; Save writes it, Print and Export use what is shown;
    closing with unsaved edits asks Save / Discard / Cancel."""

    saved = Signal()

    def __init__(self, app: App, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app, self._session_id = app, session_id
        sheet = run_of_show.load_sheet(app.uow(), session_id)
        self._version = sheet.version  # of the saved list; a save over a newer one is refused
        self._sheet = sheet
        self.setWindowTitle(f"Run of show — {sheet.session.title}")
        fit_size(self, 1100, 640)
        self.stack = QUndoStack(self)
        self.model = SegmentModel(
            sheet.session.starts_at,
            list(sheet.zones),
            sheet.session.duration_minutes,
            sheet.session.after_hours_minutes,
            self.change,
            self,
        )
        self.view = make_table_view()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        cue_column = len(sheet.zones) + EDITABLE.index("cue")
        self.view.setItemDelegateForColumn(cue_column, CueDelegate(self.view))
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.source = QLabel()

        self.add_button = QPushButton("&Add segment")
        self.delete_button = QPushButton("&Delete segment")
        self.up_button = QPushButton("Move &up")
        self.down_button = QPushButton("Move d&own")
        self.default_button = QPushButton("Reset to &default")
        self.add_button.clicked.connect(self.add_segment)
        self.delete_button.clicked.connect(self.delete_segment)
        self.up_button.clicked.connect(lambda: self.move_segment(-1))
        self.down_button.clicked.connect(lambda: self.move_segment(1))
        self.default_button.clicked.connect(self.reset_to_default)
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName("Template")
        self.apply_template_button = QPushButton("Use template")
        self.save_template_button = QPushButton("Save as template…")
        self.apply_template_button.clicked.connect(self.use_template)
        self.save_template_button.clicked.connect(self.ask_template_name)
        self.output = SheetOutput(self.shown_sheet)
        self.output.exported.connect(lambda path: self.source.setText(f"Exported to {path}."))
        self.output.refused.connect(self._warn)
        self.save_button = QPushButton("&Save")
        self.close_button = QPushButton("Close")
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)  # asks first if edits are unsaved

        edit_row = QHBoxLayout()
        for button in (
            self.add_button,
            self.delete_button,
            self.up_button,
            self.down_button,
            self.default_button,
        ):
            edit_row.addWidget(button)
        edit_row.addStretch(1)
        edit_row.addWidget(self.template_combo)
        edit_row.addWidget(self.apply_template_button)
        edit_row.addWidget(self.save_template_button)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(self.save_button)
        out_row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{sheet.session.title}</b> — {sheet.session.start_label}"))
        layout.addWidget(self.source)
        layout.addLayout(edit_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.verdict)
        layout.addLayout(out_row)
        undo = self.stack.createUndoAction(self, "Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.stack.createRedoAction(self, "Redo")
        redo.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        self.addActions([undo, redo])
        self.undo_action, self.redo_action = undo, redo
        self.stack.cleanChanged.connect(self._update_state)
        self.reload_templates()
        self.show_segments(list(sheet.segments))
        self.source.setText(
            "Not saved yet: this is the default run of show, generated from the session."
            if sheet.is_default
            else ""
        )

    # Editing ------------------------------------------------------------------------------

    def change(self, segments: list[Segment], text: str) -> None:
        """Record a change of the whole list as one Undo step."""
        self.stack.push(_Change(self, self.model.segments(), list(segments), text))

    def show_segments(self, segments: list[Segment]) -> None:
        """Show segments, keeping the selected row, and recompute the verdict."""
        row = self.view.currentIndex().row()
        self.model.set_segments(segments)
        if 0 <= row < self.model.rowCount():
            self.view.selectRow(row)
        self.view.resizeColumnsToContents()
        plan = self.model.plan
        colour = "" if plan.difference == 0 else "color: #d32f2f;"
        self.verdict.setStyleSheet(f"font-weight: bold; {colour}")
        self.verdict.setText(
            f"{plan.verdict()}: {plan.planned_minutes} minutes planned for {plan.expected_minutes}."
        )
        self._update_state()

    def add_segment(self) -> None:
        """Insert a new segment after the selected one."""
        segments = self.model.segments()
        row = self.view.currentIndex().row()
        at = row + 1 if row >= 0 else len(segments)
        before = at < len(segments) and segments[at].before_start
        segments.insert(at, Segment("New segment", 5, before_start=before))
        self.change(segments, "Add segment")
        self.view.selectRow(at)

    def delete_segment(self) -> None:
        """Remove the selected segment."""
        row = self.view.currentIndex().row()
        if row < 0:
            return
        segments = self.model.segments()
        del segments[row]
        self.change(segments, "Delete segment")

    def move_segment(self, step: int) -> None:
        """Move the selected segment up or down."""
        row = self.view.currentIndex().row()
        segments = self.model.segments()
        to = row + step
        if row < 0 or not 0 <= to < len(segments):
            return
        segments[row], segments[to] = segments[to], segments[row]
        self.change(segments, "Move segment")
        self.view.selectRow(to)

    def reset_to_default(self) -> None:
        """Replace the segments with the generated default (undoable)."""
        self.change(
            run_of_show.default_segments(self._app.uow(), self._session_id), "Reset to default"
        )

    # Templates -------------------------------------------------------------------------------

    def reload_templates(self) -> None:
        self.template_combo.clear()
        self.template_combo.addItems(run_of_show.list_templates(self._app.uow()))
        self.apply_template_button.setEnabled(self.template_combo.count() > 0)

    def ask_template_name(self) -> None:
        """Ask for a name, then save the segments as a template."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Save as template")
        dialog.setLabelText("Template name:")
        dialog.textValueSelected.connect(self.save_template)
        self.name_dialog = dialog
        dialog.open()

    def save_template(self, name: str) -> None:
        """Save the shown segments as a named template."""
        try:
            run_of_show.save_template(self._app.uow(), name, self.model.segments())
        except UserError as error:
            self._warn(str(error))
            return
        self.reload_templates()
        self.template_combo.setCurrentText(name.strip())

    def use_template(self) -> None:
        """Replace the segments with the chosen template's (undoable until saved)."""
        name = self.template_combo.currentText()
        if name:
            try:
                segments = run_of_show.template_segments(self._app.uow(), name)
            except UserError as error:
                self._warn(str(error))
                return
            self.change(segments, f"Use template {name}")

    # Saving, printing, exporting ---------------------------------------------------------------

    def save(self) -> bool:
        """Write the segments to the database."""
        try:
            self._version = run_of_show.save_segments(
                self._app.uow(), self._session_id, self.model.segments(), self._version
            )
        except UserError as error:
            self._warn(str(error))
            return False
        self.stack.setClean()
        self.source.clear()
        self.saved.emit()
        return True

    def shown_sheet(self) -> RunOfShowSheet:
        """The sheet of what is shown, saved or not (what prints and exports)."""
        return self._sheet.with_segments(self.model.segments(), edited=not self.stack.isClean())

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Run of show", text, parent=self)
        self.warning = box
        box.open()

    def _update_state(self) -> None:
        self.save_button.setEnabled(not self.stack.isClean() or self._sheet.is_default)

    # Closing -------------------------------------------------------------------------------

    def has_unsaved_edits(self) -> bool:
        return not self.stack.isClean()

    def unsaved_subject(self) -> str:
        return f"the run of show of {self._sheet.session.title}"

    def save_and_close(self) -> None:
        """Save, then close; a refusal keeps the editor open with the reason shown."""
        if self.save():
            self.accept()
