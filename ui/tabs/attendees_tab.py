"""Attendees tab: registrants of a series with a column group per session, or the people in
no series; filtering and sorting run on an in-memory index, so 100,000 people stay quick."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import timezones
from desktop_app.domain.enums import Consent, label
from desktop_app.domain.rows import SessionRow
from desktop_app.domain.wording import plural
from desktop_app.services import series, sessions
from desktop_app.services.attendee_index import AttendeeIndex, load_attendees
from ui.changes import REGISTRANT, REGISTRATION, SERIES, SESSION, Change
from ui.dialogs.confirm import DeleteQuestion
from ui.dialogs.merge_dialog import MergeDialog
from ui.dialogs.registrant_dialog import RegistrantDialog
from ui.edits import Edits
from ui.icons import icon
from ui.models.attendee_model import FIXED_COLUMNS, AttendeeModel, GridColumn, session_columns
from ui.tabs.attendee_actions import AttendeeActions
from ui.tabs.attendee_columns import ColumnChooser
from ui.tabs.base import TabPage
from ui.tabs.common import make_table_view
from ui.tabs.empty_state import EmptyState, ListOrEmpty
from ui.workers.index_loader import IndexLoader

FILTER_DELAY_MS = 60  # coalesce fast typing; one filter pass takes ~15 ms at 100,000
FIXED_WIDTHS = [120, 110, 260, 240, 110, 80]
# Up to this many people changed at once are updated in place; more reload the index.
IN_PLACE_LIMIT = 5_000


NO_SERIES = -1  # the session filter's "Not in any series" choice


class AttendeesTab(AttendeeActions, TabPage):
    """Lists registrants of the series (or those in no series); filters, sorting and bulk
    actions."""

    shown_changed = Signal()  # the rows shown changed (after loading or filtering)

    def __init__(self, edits: Edits, parent: QWidget | None = None) -> None:
        super().__init__(edits, parent)
        self._series_id: int | None = None
        self._index: AttendeeIndex | None = None
        self._gone: set[int] = set()  # positions of people deleted since the index loaded
        self._series_total = 0  # registrants of the series (the status bar says it)
        self.registrant_dialog: RegistrantDialog | None = None
        self.merge_dialog: MergeDialog | None = None
        self.delete_box: DeleteQuestion | None = None
        self._columns: list[GridColumn] = list(FIXED_COLUMNS)
        self._sort, self._descending = "last_name", False
        self.loader = IndexLoader(self._app, self)
        self.loader.loaded.connect(self._index_loaded)
        self.loader.busy_changed.connect(self._set_busy)
        self.loader.failed.connect(self.status_message)

        self.model = AttendeeModel(self)
        self.view = make_table_view()
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.columns = ColumnChooser(self.view, self.model)
        self.empty = EmptyState(
            "No registrants yet",
            "Bring in a registration or attendance report from Zoom, Eventbrite, Google "
            "Forms or a partner's spreadsheet: everyone in it appears here.",
            "Import registrations…",
            self.import_requested.emit,
            "import",
        )
        self.list_stack = ListOrEmpty(self.view, self.empty)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by name, email, organisation, country…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter attendees")
        self.session_combo = QComboBox()
        self.session_combo.setAccessibleName("Session filter")
        self.attended_combo = QComboBox()
        self.attended_combo.setAccessibleName("Attendance filter")
        for text, value in (("Anyone", None), ("Attended", True), ("Did not attend", False)):
            self.attended_combo.addItem(text, value)
        self.consent_combo = QComboBox()
        self.consent_combo.setAccessibleName("Consent filter")
        self.consent_combo.addItem("Any consent", None)
        for consent in Consent:
            self.consent_combo.addItem(f"Consent: {label(consent)}", consent.value)
        self.count_label = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # "working", without a percentage
        self.busy.setMaximumWidth(160)
        self.busy.setFormat("Loading…")
        self.busy.setTextVisible(True)
        self.busy.hide()

        self._make_action_buttons()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self._timer.start)
        self.session_combo.currentIndexChanged.connect(self._session_chosen)
        for combo in (self.attended_combo, self.consent_combo):
            combo.currentIndexChanged.connect(self.apply_filter)

        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.session_combo)
        filters.addWidget(self.attended_combo)
        filters.addWidget(self.consent_combo)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addWidget(self.busy)
        actions.addStretch(1)
        actions.addWidget(self.merge_button)
        actions.addWidget(self.consent_button)
        actions.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.list_stack)
        layout.addLayout(actions)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.activated.connect(self.edit_registrant)  # double-click or Enter
        self.edit_button = QPushButton(icon("edit"), "Edit…")
        self.edit_button.clicked.connect(lambda: self.edit_registrant(self.view.currentIndex()))
        actions.insertWidget(3, self.edit_button)
        # Right-click the list: export just the selected people (the profile still decides).
        self.export_action = QAction(icon("export"), "E&xport the selected people…", self)
        self.export_action.triggered.connect(
            lambda: self.export_requested.emit(self.selected_ids())
        )
        self.export_action.setEnabled(False)
        self.view.selectionModel().selectionChanged.connect(
            lambda: self.export_action.setEnabled(bool(self.view.selectionModel().selectedRows()))
        )
        self.view.addAction(self.export_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.model.on_sort = self._sort_by  # after the view's first sort(): no early work
        self._update_buttons()

    # Loading -------------------------------------------------------------------------

    def show_series(self, series_id: int | None) -> None:
        """Load the registrants of a series (filters stay when the series is the same)."""
        changed = series_id != self._series_id
        self._series_id = series_id
        self._show_sessions(keep_filter=not changed)
        if series_id is None:
            self._index = None
            self.apply_filter()
        else:
            self._load()

    def showing_no_series(self) -> bool:
        """True while the tab lists the people in no series instead of the series'."""
        return bool(self.session_combo.currentData() == NO_SERIES)

    def _load(self) -> None:
        """Load the index of what the session filter asks for: the series, or no series."""
        if self._series_id is not None:
            self.loader.load(None if self.showing_no_series() else self._series_id)

    def apply_change(self, change: Change) -> None:
        """Sessions change the columns (reloading only if they moved); one person's edit
        updates their line in place; anything bigger or unknown reloads the index."""
        if self._series_id is None:
            return
        if change.touches(SERIES, SESSION) and self._show_sessions(keep_filter=True):
            self._load()  # sessions came, went or changed order
            return
        if change.touches(REGISTRANT, REGISTRATION):
            people = change.ids_of(REGISTRANT)
            if (
                self.showing_no_series()  # anyone may have come or gone: small, so reload
                or people is None
                or len(people) > IN_PLACE_LIMIT
                or not self._update(people)
            ):
                self._load()

    def _session_chosen(self) -> None:
        """A session filters the index; "Not in any series" (or back) loads another one."""
        if self._show_sessions(keep_filter=True):
            self._load()
        else:
            self.apply_filter()

    def _show_sessions(self, keep_filter: bool) -> bool:
        """Session filter and column headings from the series' sessions; True when the
        index shown is not the one the filter asks for (it must be loaded again)."""
        series_id = self._series_id
        rows = sessions.list_sessions(self._app.uow(), series_id) if series_id else []
        chosen = self.session_combo.currentData() if keep_filter else None
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        self.session_combo.addItem("All sessions", None)
        for row in rows:
            self.session_combo.addItem(row.title, row.id)
        self.session_combo.insertSeparator(self.session_combo.count())
        self.session_combo.addItem("Not in any series", NO_SERIES)
        self.session_combo.setCurrentIndex(max(self.session_combo.findData(chosen), 0))
        self.session_combo.blockSignals(False)
        no_series = self.showing_no_series()
        self._columns = list(FIXED_COLUMNS) if no_series else self._grid_columns(rows)
        index = self._index
        wanted = (None, []) if no_series else (series_id, [r.id for r in rows])
        if index is not None and (index.series_id, index.session_ids) == wanted:
            if self.model.columnCount() == len(self._columns):
                self.model.set_columns(self._columns)
            return False
        return True

    def _grid_columns(self, rows: list[SessionRow]) -> list[GridColumn]:
        home = series.get_series(self._app.uow(), rows[0].series_id).home_zone if rows else "UTC"
        columns = list(FIXED_COLUMNS)
        for slot, row in enumerate(rows):
            day = timezones.utc_to_local(row.starts_at, home)
            columns.extend(session_columns(slot, row.id, f"{day.day} {day:%b}", row.title))
        return columns

    def _update(self, people: frozenset[int]) -> bool:
        """Bring these people's lines up to date in place; False when the index must be
        loaded again instead (it is loading, or someone joined the series)."""
        index = self._index
        if index is None or self.loader.loading:
            return False
        lines = load_attendees(self._app.uow(), index.session_ids, people)
        changed, gone = [], []
        for person in people:
            position = index.position(person)
            if position is None or position in self._gone:
                if person in lines:
                    return False  # new to this series: only a load puts them in order
                continue
            if person in lines:
                index.replace(position, lines[person])
                changed.append(position)
            else:
                gone.append(position)  # deleted, or no longer registered in this series
        self._gone.update(gone)
        self.model.positions_changed(changed)
        if gone:
            self.model.remove_positions(gone)
            self._series_total -= len(gone)
            self._count_shown()
            self.shown_changed.emit()
            self.counts_changed.emit()
        return True

    def _index_loaded(self, index: AttendeeIndex) -> None:
        widths_needed = self.model.columnCount() != len(self._columns) or self._index is None
        self._index = index
        self._gone = set()
        if index.series_id is not None:
            self._series_total = len(index)
            self.counts_changed.emit()
        self.apply_filter()
        if widths_needed:
            for column, width in enumerate(FIXED_WIDTHS):
                self.view.setColumnWidth(column, width)
            for column in range(len(FIXED_COLUMNS), len(self._columns)):
                self.view.setColumnWidth(column, 78)
        self.columns.apply()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def apply_filter(self) -> None:
        """Show the people matching the controls, in the chosen order, keeping selection."""
        self._timer.stop()
        chosen = set(self.selected_ids())
        index = self._index
        positions: list[int] = []
        if index is not None:
            session_id = self.session_combo.currentData()
            slot = index.session_ids.index(session_id) if session_id in index.session_ids else None
            positions = index.filter(
                self.filter_edit.text(),
                slot,
                self.attended_combo.currentData(),
                self.consent_combo.currentData(),
            )
            if self._gone:
                positions = [p for p in positions if p not in self._gone]
            if self._sort_is_valid(index):
                positions = index.sort(positions, self._sort, self._descending)
        self.model.show(index, positions, self._columns)
        if chosen:
            selection = QItemSelection()
            for row, registrant_id in enumerate(self.model.ids()):
                if registrant_id in chosen:
                    selection.select(self.model.index(row, 0), self.model.index(row, 0))
            self.view.selectionModel().select(
                selection,
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._count_shown()
        self.shown_changed.emit()

    def _count_shown(self) -> None:
        """Say how many are shown when that is not simply everyone (the status bar says
        that); with nobody in the series, say what to do instead of an empty table."""
        shown = self.model.rowCount()
        if self.showing_no_series():
            text = f"{plural(shown, 'registrant')} in no series"
        elif self._filtering():
            text = f"{shown:,} of {plural(self._series_total, 'registrant')}"
        else:
            text = ""
        self.count_label.setText(text)
        loaded = self._index is not None and self._index.series_id is not None
        self.list_stack.show_empty(loaded and self._series_total == 0 and not self._filtering())
        self._update_buttons()

    def _filtering(self) -> bool:
        return bool(
            self.filter_edit.text().strip()
            or self.session_combo.currentIndex() > 0
            or self.attended_combo.currentIndex() > 0
            or self.consent_combo.currentIndex() > 0
        )

    def count_text(self) -> str:
        """ "320 registrants" for the status bar (the series', whatever the filter)."""
        return plural(self._series_total, "registrant") if self._series_id is not None else ""

    def save_state(self, settings: QSettings) -> None:
        """The hidden columns are remembered as they are chosen; nothing more to keep."""

    def restore_state(self, settings: QSettings) -> None:
        """Hide the columns hidden last time."""
        self.columns.restore(settings)

    def _sort_is_valid(self, index: AttendeeIndex) -> bool:
        if ":" not in self._sort:
            return True
        return int(self._sort.partition(":")[2]) in index.session_ids

    def _sort_by(self, key: str, descending: bool) -> None:
        self._sort, self._descending = key, descending
        self.apply_filter()

    def shutdown(self) -> None:
        """Stop background loading (before the database is closed)."""
        self.loader.cancel()
