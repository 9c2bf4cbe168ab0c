"""Attendees tab: registrants of a series with a column group per session, paged and filtered
in the database so that 100,000 people stay quick."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import timezones
from desktop_app.domain.enums import Consent, label
from desktop_app.services import attendees, series, sessions
from desktop_app.services.attendees import AttendeeFilter, AttendeeRow
from desktop_app.services.rows import SessionRow
from ui.edits import Edits
from ui.table_model import Column, RowTableModel
from ui.tabs.common import make_table_view

FILTER_DELAY_MS = 120  # wait for a pause in typing before querying

FIXED_COLUMNS: list[Column[AttendeeRow]] = [
    Column("Last name", lambda r: r.registrant.last_name, sort_key="last_name"),
    Column("First name", lambda r: r.registrant.first_name, sort_key="first_name"),
    Column("Email", lambda r: r.registrant.email, sort_key="email"),
    Column("Organisation", lambda r: r.registrant.organisation, sort_key="organisation"),
    Column("Country", lambda r: r.registrant.country, sort_key="country"),
    Column("Consent", lambda r: label(r.registrant.consent), sort_key="consent"),
]
FIXED_WIDTHS = [120, 110, 250, 230, 110, 80]


def session_columns(index: int, row: SessionRow, home_zone: str) -> list[Column[AttendeeRow]]:
    """Registered / attended / minutes columns for one session."""
    day = timezones.utc_to_local(row.starts_at, home_zone)
    short = f"{day.day} {day:%b}"

    def registered(r: AttendeeRow) -> str:
        return "Yes" if r.sessions[index].registered else ""

    def attended(r: AttendeeRow) -> str:
        one = r.sessions[index]
        return ("Yes" if one.attended else "No") if one.registered else ""

    def minutes(r: AttendeeRow) -> str:
        one = r.sessions[index]
        return str(one.minutes) if one.attended else ""

    tip = row.title
    return [Column(f"{short} reg.", registered, sort_key=f"registered:{row.id}",
                   tooltip=lambda _r: tip),
            Column(f"{short} att.", attended, sort_key=f"attended:{row.id}",
                   tooltip=lambda _r: tip),
            Column(f"{short} min", minutes, align_right=True, sort_key=f"minutes:{row.id}",
                   tooltip=lambda _r: tip)]


class AttendeesTab(QWidget):
    """Lists registrants a page at a time; filters and sorting run in the database."""

    status_message = Signal(str)

    def __init__(self, edits: Edits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edits = edits
        self._app = edits.app
        self._series_id: int | None = None
        self._sort, self._descending = "last_name", False
        self.model: RowTableModel[AttendeeRow] = RowTableModel(FIXED_COLUMNS, self)
        self.view = make_table_view()
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

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

        self.consent_button = QToolButton()
        self.consent_button.setText("Set consent")
        self.consent_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.consent_button)
        self.consent_actions: dict[Consent, QAction] = {}
        for consent in Consent:
            action = menu.addAction(label(consent))
            action.triggered.connect(lambda _=False, c=consent: self.set_consent(c))
            self.consent_actions[consent] = action
        self.consent_button.setMenu(menu)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.clicked.connect(self.delete_selected)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.filter_edit.textChanged.connect(self._timer.start)
        for combo in (self.session_combo, self.attended_combo, self.consent_combo):
            combo.currentIndexChanged.connect(self.reload)

        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.session_combo)
        filters.addWidget(self.attended_combo)
        filters.addWidget(self.consent_combo)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        actions.addWidget(self.consent_button)
        actions.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        layout.addLayout(actions)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.model.set_sorter(self._sort_by)  # after the view's first sort(): no early query
        self._update_buttons()

    # Loading -------------------------------------------------------------------------

    def refresh(self, series_id: int | None) -> None:
        """Show the registrants of a series (keeping filters when the series is the same)."""
        changed = series_id != self._series_id
        self._series_id = series_id
        rows = sessions.list_sessions(self._app.uow(), series_id) if series_id else []
        home = series.get_series(self._app.uow(), series_id).home_zone if series_id else "UTC"
        chosen = self.session_combo.currentData()
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        self.session_combo.addItem("All sessions", None)
        for row in rows:
            self.session_combo.addItem(row.title, row.id)
        found = self.session_combo.findData(chosen) if not changed else 0
        self.session_combo.setCurrentIndex(max(found, 0))
        self.session_combo.blockSignals(False)
        columns = list(FIXED_COLUMNS)
        for index, row in enumerate(rows):
            columns.extend(session_columns(index, row, home))
        if changed or len(columns) != self.model.columnCount():
            self.model.set_columns(columns)
            for column, width in enumerate(FIXED_WIDTHS):
                self.view.setColumnWidth(column, width)
            for column in range(len(FIXED_COLUMNS), len(columns)):
                self.view.setColumnWidth(column, 80)
        self.reload()

    def current_filter(self) -> AttendeeFilter | None:
        """The filter the controls describe."""
        if self._series_id is None:
            return None
        return AttendeeFilter(
            series_id=self._series_id, text=self.filter_edit.text(),
            session_id=self.session_combo.currentData(),
            attended=self.attended_combo.currentData(),
            consent=self.consent_combo.currentData(), sort=self._sort,
            descending=self._descending)

    def reload(self) -> None:
        """Query the count and the first page, keeping the selected people selected."""
        self._timer.stop()
        chosen = set(self.selected_ids())
        flt = self.current_filter()
        if flt is None:
            self.model.set_rows([])
        else:
            total = attendees.count_attendees(self._app.uow(), flt)
            self.model.set_pages(total, lambda offset, limit: attendees.list_attendees(
                self._app.uow(), flt, offset, limit))
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).registrant.id in chosen:
                self.view.selectionModel().select(
                    self.model.index(row, 0),
                    self.view.selectionModel().SelectionFlag.Select
                    | self.view.selectionModel().SelectionFlag.Rows)
        shown = self.model.total()
        self.count_label.setText(f"{shown:,} registrant{'s' if shown != 1 else ''}")
        self._update_buttons()

    def _sort_by(self, key: str, descending: bool) -> None:
        self._sort, self._descending = key, descending
        self.reload()

    # Bulk actions --------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """Ids of the selected registrants, in shown order."""
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.row_at(r).registrant.id for r in rows if r < self.model.rowCount()]

    def set_consent(self, consent: Consent) -> None:
        """Record a consent answer for every selected registrant (undoable)."""
        ids = self.selected_ids()
        if ids:
            self._edits.set_consent(ids, consent)
            self.status_message.emit(f"Consent set to {label(consent)} for {len(ids):,}.")

    def delete_selected(self) -> None:
        """Ask, then delete the selected registrants with their registrations."""
        ids = self.selected_ids()
        if not ids:
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Delete registrants",
                          f"Delete {len(ids):,} registrant{'s' if len(ids) != 1 else ''}?",
                          parent=self)
        box.setInformativeText("Their registrations and attendance go with them, in every "
                               "series. Edit › Undo brings them back.")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText("Delete")
        box.finished.connect(lambda result: self._delete_confirmed(result, ids))
        self.delete_box = box
        box.open()

    def _delete_confirmed(self, result: int, ids: list[int]) -> None:
        if result == QMessageBox.StandardButton.Yes:
            self._edits.delete_registrants(ids)
            self.status_message.emit(f"Deleted {len(ids):,} registrant(s).")

    def _update_buttons(self) -> None:
        some = bool(self.view.selectionModel().selectedRows())
        self.consent_button.setEnabled(some)
        self.delete_button.setEnabled(some)
