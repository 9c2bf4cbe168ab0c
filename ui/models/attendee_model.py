"""Table model over an AttendeeIndex: reads cells straight from its columns, no row objects."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.domain.enums import label
from desktop_app.services.attendee_index import AttendeeIndex

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class GridColumn:
    """One column: heading, how to show a position of the index, and its sort key."""

    heading: str
    text: Callable[[AttendeeIndex, int], str]
    sort_key: str
    align_right: bool = False
    tooltip: str = ""


def text_column(heading: str, name: str, show: Callable[[str], str] = str) -> GridColumn:
    """A column showing one of the index's text columns."""
    return GridColumn(heading, lambda index, p: show(index.text[name][p]), name)


FIXED_COLUMNS = [
    text_column("Last name", "last_name"),
    text_column("First name", "first_name"),
    text_column("Email", "email"),
    text_column("Organisation", "organisation"),
    text_column("Country", "country"),
    text_column("Consent", "consent", label),
]


def session_columns(slot: int, session_id: int, short: str, title: str) -> list[GridColumn]:
    """Registered / attended / minutes columns for the session in a given slot."""

    def registered(index: AttendeeIndex, p: int) -> str:
        return "Yes" if index.state[slot][p] else ""

    def attended(index: AttendeeIndex, p: int) -> str:
        state = index.state[slot][p]
        return "" if not state else ("Yes" if state == 2 else "No")

    def minutes(index: AttendeeIndex, p: int) -> str:
        return str(index.minutes[slot][p]) if index.state[slot][p] == 2 else ""

    return [
        GridColumn(f"{short} reg.", registered, f"registered:{session_id}", tooltip=title),
        GridColumn(f"{short} att.", attended, f"attended:{session_id}", tooltip=title),
        GridColumn(f"{short} min", minutes, f"minutes:{session_id}", True, title),
    ]


class AttendeeModel(QAbstractTableModel):
    """Shows the positions of an index that pass the current filter, in the current order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._index: AttendeeIndex | None = None
        self._positions: list[int] = []
        self._columns: list[GridColumn] = list(FIXED_COLUMNS)
        self.on_sort: Callable[[str, bool], None] | None = None

    def show(
        self, index: AttendeeIndex | None, positions: list[int], columns: list[GridColumn]
    ) -> None:
        """Show these positions of an index with these columns."""
        self.beginResetModel()
        self._index, self._positions, self._columns = index, positions, columns
        self.endResetModel()

    def set_columns(self, columns: list[GridColumn]) -> None:
        """New headings for the same columns (a session renamed or moved in time)."""
        assert len(columns) == len(self._columns)
        self._columns = columns
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(columns) - 1)

    def rows_of(self, positions: Collection[int]) -> list[int]:
        """The lines showing these positions of the index, in order."""
        wanted = set(positions)
        if len(wanted) > 16:  # one pass over every line beats many searches
            return [row for row, p in enumerate(self._positions) if p in wanted]
        rows = []
        for position in wanted:
            try:
                rows.append(self._positions.index(position))
            except ValueError:
                continue  # filtered out: not shown
        return sorted(rows)

    def positions_changed(self, positions: Collection[int]) -> None:
        """These positions of the index were updated in place: repaint their lines."""
        last = len(self._columns) - 1
        for row in self.rows_of(positions):
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def remove_positions(self, positions: Collection[int]) -> None:
        """Stop showing these positions (their people were deleted or left the series)."""
        for row in reversed(self.rows_of(positions)):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._positions[row]
            self.endRemoveRows()

    def id_at(self, row: int) -> int:
        """Registrant id on a line."""
        assert self._index is not None
        return self._index.ids[self._positions[row]]

    def ids(self) -> list[int]:
        """Registrant ids in shown order."""
        if self._index is None:
            return []
        ids = self._index.ids
        return [ids[p] for p in self._positions]

    def column(self, section: int) -> GridColumn:
        """The spec of one column."""
        return self._columns[section]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._positions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            self._index is None
            or not index.isValid()
            or not 0 <= index.row() < len(self._positions)
            or not 0 <= index.column() < len(self._columns)
        ):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(self._index, self._positions[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._columns[section].heading if 0 <= section < len(self._columns) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.on_sort is not None and 0 <= column < len(self._columns):
            self.on_sort(self._columns[column].sort_key, order == Qt.SortOrder.DescendingOrder)
