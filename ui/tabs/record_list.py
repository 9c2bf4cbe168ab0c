"""What the Sessions and Speakers tabs share: a list of records beside the selected
record's editor, where the selection survives reloads and unsaved edits are saved before
another record is shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ui.editors.forms import save_form
from ui.edits import Edits
from ui.models.table_model import Column, RowTableModel
from ui.tabs.base import TabPage
from ui.tabs.common import fit_columns, make_table_view


class RecordListTab(TabPage):
    """Base for a tab listing records (frozen rows with an `id`) with one editor."""

    def __init__(
        self, edits: Edits, columns: list[Column[Any]], parent: QWidget | None = None
    ) -> None:
        super().__init__(edits, parent)
        self.model: RowTableModel[Any] = RowTableModel(columns, self)
        self.view = make_table_view()
        self.view.setModel(self.model)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

    def lay_out(
        self,
        name: str,
        editor: Any,
        panel: QWidget,
        buttons: list[QPushButton],
        extra_buttons: list[QPushButton],
        panel_share: int,
    ) -> None:
        """The tab's layout: the list with its buttons on the left; on the right the editor
        (scrolling) above a panel; remembered by QSettings under the splitter's name."""
        self.editor = editor
        self.editor.apply_requested.connect(self._apply)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(scroll)
        self.right.addWidget(panel)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, panel_share)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        for button in extra_buttons:
            row.addWidget(button)
        left_layout.addLayout(row)
        left_layout.addWidget(self.view)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName(name)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([660, 540])
        QVBoxLayout(self).addWidget(self.splitter)

    # For subclasses ---------------------------------------------------------------------

    # The subclass's editor: a form with record_id(), data(), tracker and problems.
    editor: Any

    def _show(self, row: Any | None) -> None:
        """Load a record (or nothing) into the editor and the panels around it."""
        raise NotImplementedError

    def _update(self, record_id: int, data: Any) -> None:
        """Save the editor's data for a record (undoably); raises UserError if refused."""
        raise NotImplementedError

    def _describe(self, data: Any) -> str:
        """How the status bar names a saved record."""
        raise NotImplementedError

    # Shared behaviour -----------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        """Remember the splitter under its name."""
        settings.setValue(f"mainWindow/{self.splitter.objectName()}", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        """Put the splitter back as it was remembered."""
        state = settings.value(f"mainWindow/{self.splitter.objectName()}")
        if state is not None:
            self.splitter.restoreState(state)

    def set_records(self, rows: list[Any], widest: int = 300) -> None:
        """Show rows, keeping the selected record selected (else the first is selected)."""
        selected = self.selected()
        self.view.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        self.view.selectionModel().blockSignals(False)
        fit_columns(self.view, widest=widest)
        ids = [r.id for r in rows]
        if rows:
            self.select_record(selected.id if selected and selected.id in ids else ids[0])
        else:
            self._show(None)

    def selected(self) -> Any | None:
        """The record being edited."""
        current = self.view.currentIndex()
        return self.model.row_at(current.row()) if current.isValid() else None

    def select_record(self, record_id: int) -> None:
        """Select a record by id and show it in the editor."""
        ids = [self.model.row_at(r).id for r in range(self.model.rowCount())]
        if record_id in ids:
            self.view.selectionModel().blockSignals(True)
            self.view.selectRow(ids.index(record_id))
            self.view.selectionModel().blockSignals(False)
            self._show(self.model.row_at(ids.index(record_id)))

    def _current_changed(self) -> None:
        # Keep unsaved edits: save them before showing another record; if they are
        # refused, stay on the record so the marked fields can be fixed.
        if self.editor.tracker.dirty and not self.save_pending():
            previous = self.editor.record_id()
            if previous is not None:
                self.select_record(previous)
            return
        self._show(self.selected())

    def _editing(self, row: Any) -> bool:
        """True when the editor holds unsaved edits of this record (keep them on reload)."""
        return bool(self.editor.tracker.dirty and self.editor.record_id() == row.id)

    def save_pending(self) -> bool:
        """Save unsaved edits; False (with the problem shown) when they are refused."""
        record_id = self.editor.record_id()
        if not self.editor.tracker.dirty or record_id is None:
            return True
        return self._save(record_id, self.editor.data())

    def _apply(self, data: Any) -> None:
        """The editor's Apply button."""
        record_id = self.editor.record_id()
        if record_id is not None:
            self._save(record_id, data)

    def _save(self, record_id: int, data: Any) -> bool:
        saved = save_form(
            self.editor.problems, self.editor.tracker, lambda: self._update(record_id, data)
        )
        if saved:
            self.status_message.emit(f"Saved {self._describe(data)}.")
        return saved
