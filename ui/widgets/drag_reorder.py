"""Drag-and-drop reordering for table models whose rows live in the database."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

MIME = "application/x-webinar-desk-rows"


class DragReorder:
    """Mixin for a QAbstractTableModel: a drop reports the wanted order of row numbers to
    reorder_rows(); the model reloads itself, so the view never removes rows on its own."""

    def reorder_rows(self, order: list[int]) -> None:
        """Apply a new order (a permutation of the current row numbers)."""
        raise NotImplementedError

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime.setData(MIME, QByteArray(",".join(map(str, rows)).encode()))
        return mime

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        count = self.rowCount()  # type: ignore[attr-defined]
        moved = [
            int(r)
            for r in bytes(data.data(MIME).data()).decode().split(",")
            if r and 0 <= int(r) < count
        ]
        target = row if row >= 0 else (parent.row() if parent.isValid() else count)
        rest = [n for n in range(count) if n not in moved]
        at = target - sum(1 for r in moved if r < target)
        order = rest[:at] + moved + rest[at:]
        if order != list(range(count)):
            self.reorder_rows(order)
        return False
