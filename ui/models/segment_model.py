"""Table model of a run-of-show being edited: clock times recomputed on every change, in
each zone with its weekday where that is not the home zone's date."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.domain import timezones
from desktop_app.domain.run_of_show import Schedule, Segment, schedule
from ui.widgets.drag_reorder import DragReorder

Index = QModelIndex | QPersistentModelIndex
EDITABLE = ["duration_minutes", "title", "owner", "cue", "notes"]
HEADINGS = {
    "duration_minutes": "Min",
    "title": "Segment",
    "owner": "Who",
    "cue": "Cue",
    "notes": "Notes",
}


class SegmentModel(DragReorder, QAbstractTableModel):
    """Segments with a time column per zone; edits go through on_change(new list)."""

    def __init__(
        self,
        start: datetime,
        zones: list[str],
        session_minutes: int,
        after_hours: int | None,
        on_change: Callable[[list[Segment], str], None],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._start, self._zones = start, zones
        # Other zones' times carry their weekday when it is not the home zone's date.
        self._home_date = timezones.home_date(start, zones[0]) if zones else None
        self._minutes, self._after_hours = session_minutes, after_hours
        self._on_change = on_change
        self._segments: list[Segment] = []
        self.plan: Schedule = schedule(start, [], session_minutes, after_hours)

    def set_segments(self, segments: Sequence[Segment]) -> None:
        """Show these segments (recomputing every clock time)."""
        self.beginResetModel()
        self._segments = list(segments)
        self.plan = schedule(self._start, self._segments, self._minutes, self._after_hours)
        self.endResetModel()

    def segments(self) -> list[Segment]:
        """The segments in running order (as saved: before-start ones first)."""
        return [t.segment for t in self.plan.segments]

    def _time_columns(self) -> int:
        return len(self._zones)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.plan.segments)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._time_columns() + len(EDITABLE) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        times = self._time_columns()
        if 0 <= section < times:
            return timezones.abbreviation(self._zones[section], self._start)
        if times <= section < times + len(EDITABLE):
            return HEADINGS[EDITABLE[section - times]]
        return "Before start" if section == times + len(EDITABLE) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.plan.segments):
            return None
        timed = self.plan.segments[index.row()]
        column, times = index.column(), self._time_columns()
        if column < times:
            if role == Qt.ItemDataRole.DisplayRole:
                return timezones.span(timed.start, timed.end, self._zones[column], self._home_date)
            return None
        if column < times + len(EDITABLE):
            field = EDITABLE[column - times]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return getattr(timed.segment, field)
            if role == Qt.ItemDataRole.TextAlignmentRole and field == "duration_minutes":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if column == times + len(EDITABLE) and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if timed.segment.before_start else Qt.CheckState.Unchecked
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
        times = self._time_columns()
        if times <= index.column() < times + len(EDITABLE):
            flags |= Qt.ItemFlag.ItemIsEditable
        elif index.column() == times + len(EDITABLE):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self.plan.segments):
            return False
        segments = self.segments()
        current = segments[index.row()]
        times = self._time_columns()
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == times + len(EDITABLE):
            changed = dataclasses.replace(
                current, before_start=Qt.CheckState(value) == Qt.CheckState.Checked
            )
            text = "Move before the start" if changed.before_start else "Move after the start"
        elif role == Qt.ItemDataRole.EditRole and times <= index.column() < times + len(EDITABLE):
            field = EDITABLE[index.column() - times]
            if field == "duration_minutes":
                try:
                    value = int(value)
                except (TypeError, ValueError):
                    return False
                if value < 0:
                    return False
            changed = dataclasses.replace(current, **{field: value})
            text = f"Edit {HEADINGS[field].lower()}"
        else:
            return False
        if changed == current:
            return False
        segments[index.row()] = changed
        self._on_change(segments, text)
        return True

    def reorder_rows(self, order: list[int]) -> None:
        segments = self.segments()
        self._on_change([segments[n] for n in order], "Reorder segments")
