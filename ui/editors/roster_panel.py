"""The speakers of one session: role, order (drag or buttons) and checklist ticks."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import SpeakerRole, label
from desktop_app.domain.records import AppearanceData, ChecklistData
from desktop_app.domain.row_data import appearance_data
from desktop_app.domain.rows import AppearanceRow, SpeakerRow
from ui.icons import icon
from ui.tabs.common import fit_columns, make_table_view
from ui.widgets.drag_reorder import DragReorder

Index = QModelIndex | QPersistentModelIndex
CHECKS = [
    ("confirmed", "Confirmed"),
    ("bio_received", "Bio"),
    ("headshot_received", "Headshot"),
    ("tech_check_done", "Tech check"),
    ("consents_to_recording", "Recording OK"),
]
FIXED = ["#", "Speaker", "Role"]
ROLE_COLUMN = 2


class RosterModel(DragReorder, QAbstractTableModel):
    """Parts of a session; checklist cells are checkboxes, the role is editable."""

    def __init__(
        self,
        on_edit: Callable[[AppearanceRow, AppearanceData], None],
        on_reorder: Callable[[list[int]], None],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._rows: list[AppearanceRow] = []
        self._on_edit, self._on_reorder = on_edit, on_reorder

    def set_rows(self, rows: Sequence[AppearanceRow]) -> None:
        """Show these parts."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> AppearanceRow:
        """The part on a line."""
        return self._rows[row]

    def ids(self) -> list[int]:
        """Part ids in shown order."""
        return [r.id for r in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIXED) + len(CHECKS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = FIXED + [title for _, title in CHECKS]
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if column >= len(FIXED) and column < self.columnCount():
            if role == Qt.ItemDataRole.CheckStateRole:
                ticked = getattr(row, CHECKS[column - len(FIXED)][0])
                return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                [str(index.row() + 1), row.speaker_name, label(row.role)][column]
                if column < len(FIXED)
                else None
            )
        if role == Qt.ItemDataRole.EditRole and column == ROLE_COLUMN:
            return row.role
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return ", ".join(p for p in (row.speaker_title, row.speaker_organisation) if p)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        flags = (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
        )
        if index.column() >= len(FIXED):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == ROLE_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        row, column = self._rows[index.row()], index.column()
        data = appearance_data(row)
        if role == Qt.ItemDataRole.CheckStateRole and column >= len(FIXED):
            field = CHECKS[column - len(FIXED)][0]
            ticked = Qt.CheckState(value) == Qt.CheckState.Checked
            data = dataclasses.replace(
                data, checklist=dataclasses.replace(data.checklist, **{field: ticked})
            )
        elif role == Qt.ItemDataRole.EditRole and column == ROLE_COLUMN:
            data = dataclasses.replace(data, role=SpeakerRole(value))
        else:
            return False
        self._on_edit(row, data)
        return True

    def reorder_rows(self, order: list[int]) -> None:
        ids = self.ids()
        self._on_reorder([ids[n] for n in order])


class RoleDelegate(QStyledItemDelegate):
    """A combo box of speaker roles for the Role column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for role in SpeakerRole:
            combo.addItem(label(role), role.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentData() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class RosterPanel(QWidget):
    """Table of a session's speakers with Add, Remove, Move up and Move down."""

    edit_requested = Signal(object, object)  # AppearanceRow, AppearanceData
    reorder_requested = Signal(list)  # part ids in the new order
    add_requested = Signal(int, object)  # speaker id, AppearanceData
    remove_requested = Signal(object)  # AppearanceRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("Speakers")
        self.title.setObjectName("sectionTitle")
        self.model = RosterModel(
            lambda row, data: self.edit_requested.emit(row, data),
            lambda ids: self.reorder_requested.emit(ids),
            self,
        )
        self.view = make_table_view()
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(ROLE_COLUMN, RoleDelegate(self.view))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)

        self.speaker_combo = QComboBox()
        self.speaker_combo.setMinimumContentsLength(18)
        self.speaker_combo.setAccessibleName("Speaker to add")
        self.add_button = QPushButton(icon("add"), "Add")
        self.remove_button = QPushButton(icon("delete"), "Remove")
        self.up_button = QPushButton(icon("up"), "Move up")
        self.down_button = QPushButton(icon("down"), "Move down")
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.speaker_combo, 1)
        buttons.addWidget(self.add_button)
        buttons.addSpacing(12)
        for button in (self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def load(self, title: str, parts: list[AppearanceRow], everyone: list[SpeakerRow]) -> None:
        """Show a session's parts and offer everyone else to add."""
        selected = self.selected()
        self.title.setText(title)
        self.model.set_rows(parts)
        fit_columns(self.view)
        self.speaker_combo.clear()
        for speaker in everyone:
            self.speaker_combo.addItem(speaker.name, speaker.id)
        if selected is not None and selected.id in self.model.ids():
            self.view.selectRow(self.model.ids().index(selected.id))
        self._update_buttons()

    def selected(self) -> AppearanceRow | None:
        """The selected part, if any."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_part(self, part_id: int) -> None:
        """Select the part with this id (after a move, say)."""
        if part_id in self.model.ids():
            self.view.selectRow(self.model.ids().index(part_id))

    def _add(self) -> None:
        speaker_id = self.speaker_combo.currentData()
        if speaker_id is not None:
            position = self.model.rowCount()
            self.add_requested.emit(
                int(speaker_id), AppearanceData(SpeakerRole.PANELIST, position, ChecklistData())
            )

    def _remove(self) -> None:
        part = self.selected()
        if part is not None:
            self.remove_requested.emit(part)

    def _move(self, step: int) -> None:
        part = self.selected()
        if part is None:
            return
        ids = self.model.ids()
        at = ids.index(part.id)
        to = at + step
        if 0 <= to < len(ids):
            ids[at], ids[to] = ids[to], ids[at]
            self.reorder_requested.emit(ids)

    def _update_buttons(self) -> None:
        part = self.selected()
        row = self.model.ids().index(part.id) if part else -1
        self.remove_button.setEnabled(part is not None)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)
        self.add_button.setEnabled(self.speaker_combo.count() > 0 and self.isEnabled())
