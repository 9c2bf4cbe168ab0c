"""One generic read-only table model driven by column specs, with optional lazy paging."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    """How one column shows a row: heading, text, and optionally alignment and tooltip."""

    heading: str
    text: Callable[[R], str]
    align_right: bool = False
    tooltip: Callable[[R], str] | None = None
    sort_key: str = ""  # what to sort by in the database; '' when the column cannot sort


class RowTableModel(QAbstractTableModel, Generic[R]):
    """Shows a list of frozen rows; with a page loader, fetches more rows as the view scrolls."""

    PAGE = 500

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []
        self._total = 0
        self._load_page: Callable[[int, int], list[R]] | None = None
        self._sorter: Callable[[str, bool], None] | None = None

    # Own API ------------------------------------------------------------------------

    def set_columns(self, columns: Sequence[Column[R]]) -> None:
        """Change which columns are shown (e.g. one group per session of a series)."""
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    def column(self, section: int) -> Column[R]:
        """The spec of one column."""
        return self._columns[section]

    def set_rows(self, rows: Sequence[R]) -> None:
        """Show exactly these rows (no paging)."""
        self.beginResetModel()
        self._rows, self._total, self._load_page = list(rows), len(rows), None
        self.endResetModel()

    def set_pages(self, total: int, load_page: Callable[[int, int], list[R]]) -> None:
        """Show total rows, loaded a page at a time by load_page(offset, limit)."""
        self.beginResetModel()
        self._total, self._load_page = total, load_page
        self._rows = load_page(0, min(self.PAGE, total)) if total else []
        self.endResetModel()

    def set_sorter(self, sorter: Callable[[str, bool], None]) -> None:
        """Sort by asking sorter(sort_key, descending) to reload (sorting in the database)."""
        self._sorter = sorter

    def row_at(self, row: int) -> R:
        """The frozen row shown on a given line."""
        return self._rows[row]

    def total(self) -> int:
        """How many rows there are, loaded or not."""
        return self._total

    # Qt overrides -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self._columns)):
            return None
        column, row = self._columns[index.column()], self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self._columns):
            return self._columns[section].heading
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._sorter is not None and 0 <= column < len(self._columns) \
                and self._columns[column].sort_key:
            self._sorter(self._columns[column].sort_key,
                         order == Qt.SortOrder.DescendingOrder)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._load_page is not None \
            and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        assert self._load_page is not None
        more = self._load_page(len(self._rows), min(self.PAGE, self._total - len(self._rows)))
        if not more:
            self._total = len(self._rows)  # the data shrank underneath us; stop asking
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()
