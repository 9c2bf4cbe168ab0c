"""What the Sessions and Speakers tabs share: a list of records beside the selected
record's editor, where the selection survives reloads and unsaved edits are saved before
another record is shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget

from ui.editors.forms import save_form
from ui.edits import Edits
from ui.models.table_model import Column, RowTableModel
from ui.tabs.base import TabPage
from ui.tabs.common import fit_columns, make_table_view
from ui.tabs.empty_state import EmptyState, ListOrEmpty

LIST_WIDTH, EDITOR_WIDTH = 800, 460  # at the default 1280-pixel window


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
        extra_buttons: list[QWidget],
        panel_share: int,
        empty: EmptyState,
    ) -> None:
        """The tab's layout: the list with its buttons on the left; on the right the editor
        (scrolling) with its problems and Apply/Revert always in sight below it, above a
        panel; remembered by QSettings under the splitter's name."""
        self.editor = editor
        self.editor.apply_requested.connect(self._apply)
        self.editor.tracker.dirty_changed.connect(self.dirty_changed)
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setWidget(editor)
        # Scrolling sideways would hide the ends of the fields: the form wraps instead.
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form_box = QWidget()
        form_layout = QVBoxLayout(form_box)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.form_scroll, 1)
        form_layout.addWidget(editor.problems.message)
        form_layout.addWidget(editor.buttons)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setChildrenCollapsible(False)
        self.right.addWidget(form_box)
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
        for widget in extra_buttons:
            row.addWidget(widget)
        left_layout.addLayout(row)
        self.list_stack = ListOrEmpty(self.view, empty)
        left_layout.addWidget(self.list_stack)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName(name)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setChildrenCollapsible(False)
        # The list gets most of a wider window; the editor keeps a workable width.
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([LIST_WIDTH, EDITOR_WIDTH])
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

    def offers_new(self) -> bool:
        """True when an empty list should offer to add the first record."""
        return True

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
        self.list_stack.show_empty(not rows and self.offers_new())
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

    def has_unsaved(self) -> bool:
        """True while the editor holds edits not saved yet."""
        return bool(self.editor.tracker.dirty)

    def save_pending(self) -> bool:
        """Save unsaved edits; False (with the problem shown) when they are refused."""
        record_id = self.editor.record_id()
        if not self.editor.tracker.dirty or record_id is None:
            return True
        return self._save(record_id, self.editor.data)

    def _apply(self, data: Any) -> None:
        """The editor's Apply button."""
        record_id = self.editor.record_id()
        if record_id is not None:
            self._save(record_id, lambda: data)

    def _save(self, record_id: int, read: Callable[[], Any]) -> bool:
        """Save what read() gives (it may refuse too: a time that does not exist)."""
        kept: list[Any] = []

        def save() -> None:
            kept.append(read())
            self._update(record_id, kept[0])

        saved = save_form(self.editor.problems, self.editor.tracker, save)
        if saved:
            self.status_message.emit(f"Saved {self._describe(kept[0])}.")
        return saved
