"""The form that edits every field of one session, with its start in the series' home zone:
a wall time the clocks skip is refused at the field, one they repeat asks which is meant."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import timezones
from desktop_app.domain.enums import SessionKind, SessionStatus, label
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.records import SessionData
from desktop_app.domain.rows import SeriesRow, SessionRow, SpeakerRow
from ui.editors.forms import ApplyRevertButtons, ChangeTracker, FieldProblems
from ui.editors.twice_chooser import TwiceChooser

# The start is a wall time in the series' zone, never the computer's: Qt must not move it.
WALL_CLOCK = QTimeZone(QTimeZone.Initialization.UTC)
NBSP = "\u00a0"


class SessionEditor(QWidget):
    """Edits one session; emits apply_requested with the new data when the user applies."""

    apply_requested = Signal(object)  # SessionData

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems = FieldProblems()
        self.tracker = ChangeTracker(self)
        self._series: SeriesRow | None = None
        self._row: SessionRow | None = None
        self._hosts: list[SpeakerRow] = []

        self.title_edit = QLineEdit()
        self.subtitle_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for kind in SessionKind:
            self.kind_combo.addItem(label(kind), kind.value)
        self.status_combo = QComboBox()
        for status in SessionStatus:
            self.status_combo.addItem(label(status), status.value)
        self.start_edit = QDateTimeEdit()
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.start_edit.setTimeZone(WALL_CLOCK)
        self.zone_label = QLabel()
        self.zone_label.setWordWrap(True)
        # A wall time that happens twice: two buttons naming both readings.
        self._fold: int | None = None
        self.twice = TwiceChooser()
        self.twice.chosen.connect(self.choose_fold)
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(0, 24 * 60)
        self.duration_spin.setSuffix(" min")
        self.duration_spin.setSingleStep(15)
        self.when_label = QLabel()
        self.when_label.setObjectName("whenPreview")
        self.when_label.setWordWrap(True)
        self.platform_edit = QLineEdit()
        self.join_edit = QLineEdit()
        self.registration_edit = QLineEdit()
        self.recording_edit = QLineEdit()
        for edit in (self.join_edit, self.registration_edit, self.recording_edit):
            edit.setPlaceholderText("https://…")
        self.after_hours_check = QCheckBox("Informal segment after the session")
        self.after_hours_spin = QSpinBox()
        self.after_hours_spin.setRange(0, 240)
        self.after_hours_spin.setSuffix(" min")
        self.after_hours_spin.setSingleStep(5)
        self.host_combo = QComboBox()
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMaximumHeight(90)

        start_row = QHBoxLayout()
        start_row.addWidget(self.start_edit)
        start_row.addWidget(self.zone_label, 1)
        after_row = QHBoxLayout()
        after_row.addWidget(self.after_hours_check)
        after_row.addWidget(self.after_hours_spin)
        after_row.addStretch(1)
        start_box, after_box = QWidget(), QWidget()
        start_column = QVBoxLayout(start_box)
        start_column.setContentsMargins(0, 0, 0, 0)
        start_row.setContentsMargins(0, 0, 0, 0)
        start_column.addLayout(start_row)
        start_column.addWidget(self.twice)
        after_row.setContentsMargins(0, 0, 0, 0)
        after_box.setLayout(after_row)

        form = QFormLayout()
        wrap = self.problems.wrap
        form.addRow("&Title", wrap("title", self.title_edit))
        form.addRow("S&ubtitle", self.subtitle_edit)
        form.addRow("&Kind", self.kind_combo)
        form.addRow("Stat&us", self.status_combo)
        form.addRow("&Start", wrap("start", start_box))
        form.addRow("&Duration", wrap("duration_minutes", self.duration_spin))
        form.addRow("", self.when_label)
        form.addRow("&Platform", self.platform_edit)
        form.addRow("&Join link", wrap("join_url", self.join_edit))
        form.addRow("&Registration link", wrap("registration_url", self.registration_edit))
        form.addRow("Re&cording link", wrap("recording_url", self.recording_edit))
        form.addRow("After Hours", wrap("after_hours_minutes", after_box))
        form.addRow("After Hours &host", self.host_combo)
        form.addRow("Descr&iption", self.description_edit)

        # The tab places the buttons and problems outside the scrolling form.
        self.buttons = ApplyRevertButtons(self.tracker, self.apply, self.revert)
        self.apply_button = self.buttons.apply_button
        self.revert_button = self.buttons.revert_button

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

        self.tracker.watch(
            self.title_edit,
            self.subtitle_edit,
            self.kind_combo,
            self.status_combo,
            self.start_edit,
            self.duration_spin,
            self.platform_edit,
            self.join_edit,
            self.registration_edit,
            self.recording_edit,
            self.after_hours_check,
            self.after_hours_spin,
            self.host_combo,
            self.description_edit,
        )
        self.start_edit.dateTimeChanged.connect(self._start_changed)
        self.duration_spin.valueChanged.connect(self._check_start)
        self.after_hours_check.toggled.connect(self._update_after_hours)
        self.load(None, None, [])

    # Loading -------------------------------------------------------------------------

    def load(
        self, row: SessionRow | None, series: SeriesRow | None, hosts: list[SpeakerRow]
    ) -> None:
        """Fill the form from a session (or empty and disable it for None)."""
        self._row, self._series, self._hosts = row, series, hosts
        self.tracker.pause(True)
        self.problems.clear()
        self.host_combo.clear()
        self.host_combo.addItem("(nobody yet)", None)
        for host in hosts:
            self.host_combo.addItem(host.name, host.id)
        if row is not None and series is not None:
            self.title_edit.setText(row.title)
            self.subtitle_edit.setText(row.subtitle)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(row.kind))
            self.status_combo.setCurrentIndex(self.status_combo.findData(row.status))
            local = timezones.utc_to_local(row.starts_at, series.home_zone)
            self.start_edit.setDateTime(
                QDateTime(
                    QDate(local.year, local.month, local.day),
                    QTime(local.hour, local.minute),
                    WALL_CLOCK,
                )
            )
            self._fold = local.fold  # a stored start is one instant: keep its reading
            self.zone_label.setText(
                f"{timezones.abbreviation(series.home_zone, row.starts_at)} ({series.home_zone})"
            )
            self.duration_spin.setValue(row.duration_minutes)
            self.platform_edit.setText(row.platform)
            self.join_edit.setText(row.join_url)
            self.registration_edit.setText(row.registration_url)
            self.recording_edit.setText(row.recording_url)
            self.after_hours_check.setChecked(row.after_hours_minutes is not None)
            self.after_hours_spin.setValue(row.after_hours_minutes or 30)
            found = self.host_combo.findData(row.after_hours_host_id)
            self.host_combo.setCurrentIndex(max(found, 0))
            self.description_edit.setPlainText(row.description)
        self.setEnabled(row is not None)
        self._update_after_hours()
        self._check_start()
        self.tracker.pause(False)
        self.tracker.reset()

    def version(self) -> int:
        """The version of the record as loaded (what a save names; 0 when none)."""
        return self._row.version if self._row else 0

    def record_id(self) -> int | None:
        """Id of the session in the form."""
        return self._row.id if self._row else None

    # Reading -------------------------------------------------------------------------

    def wall_time(self) -> datetime:
        """The start as typed: a naive wall time in the home zone."""
        value = self.start_edit.dateTime()
        date, time = value.date(), value.time()
        return datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())

    def start_utc(self) -> datetime | None:
        """The start typed in the home zone, as UTC (None without a series).

        Raises NonexistentLocalTime for a time the clocks skip, and AmbiguousLocalTime for
        one they repeat until first or second is chosen.
        """
        if self._series is None:
            return None
        return timezones.wall_time_to_utc(self.wall_time(), self._series.home_zone, self._fold)

    def data(self) -> SessionData:
        """What the form holds, as session data (validated by the service on apply);
        ValidationError when the start is not one instant."""
        try:
            start = self.start_utc()
        except timezones.AmbiguousLocalTime as error:
            raise ValidationError({"start": self._which_one(error)}) from None
        except timezones.NonexistentLocalTime as error:
            raise ValidationError({"start": str(error)}) from None
        assert start is not None
        after = self.after_hours_check.isChecked()
        return SessionData(
            title=self.title_edit.text(),
            start=start,
            duration_minutes=self.duration_spin.value(),
            kind=SessionKind(self.kind_combo.currentData()),
            subtitle=self.subtitle_edit.text(),
            description=self.description_edit.toPlainText(),
            platform=self.platform_edit.text(),
            join_url=self.join_edit.text(),
            registration_url=self.registration_edit.text(),
            recording_url=self.recording_edit.text(),
            status=SessionStatus(self.status_combo.currentData()),
            after_hours_minutes=self.after_hours_spin.value() if after else None,
            after_hours_host_id=self.host_combo.currentData() if after else None,
        )

    # Actions ---------------------------------------------------------------------------

    def apply(self) -> None:
        """Ask for the form to be saved."""
        if self._row is None:
            return
        try:
            data = self.data()
        except ValidationError as error:
            self.problems.show(error.problems)
            return
        self.apply_requested.emit(data)

    def revert(self) -> None:
        """Throw away unsaved edits."""
        self.load(self._row, self._series, self._hosts)

    def _update_after_hours(self) -> None:
        on = self.after_hours_check.isChecked()
        self.after_hours_spin.setEnabled(on)
        self.host_combo.setEnabled(on)

    def choose_fold(self, fold: int) -> None:
        """Take the first (0) or second (1) reading of a wall time that happens twice."""
        self._fold = fold
        self.tracker.touch()
        self._check_start()

    def _start_changed(self) -> None:
        self._fold = None  # another wall time: ask again if it happens twice
        self._check_start()

    def _check_start(self) -> None:
        """Refuse a skipped time at the field, offer the two readings of a repeated one,
        and preview the start in every zone."""
        self.twice.hide()
        if self._series is None:
            self._update_preview(None)
            return
        try:
            start = self.start_utc()
        except timezones.NonexistentLocalTime as error:
            self.problems.mark("start", str(error))
            self._update_preview(None)
            return
        except timezones.AmbiguousLocalTime as error:
            self._offer_readings(error)
            start = error.readings[self._fold] if self._fold is not None else None
            if self._fold is None:
                self._update_preview(None)
                return
        self.problems.unmark("start")
        self._update_preview(start)

    def _offer_readings(self, error: timezones.AmbiguousLocalTime) -> None:
        self.twice.offer(error, self._fold)
        if self._fold is None:
            self.problems.mark("start", self._which_one(error))
        else:
            self.problems.unmark("start")

    @staticmethod
    def _which_one(error: timezones.AmbiguousLocalTime) -> str:
        return f"choose which {error.local:%H:%M} you mean with the buttons under the start"

    def _update_preview(self, start: datetime | None) -> None:
        """'Wed 18 Aug 2021' over '10:00–11:00 PT · 13:00–14:00 ET · Thu 02:00–03:00 AEST':
        the home date, then the span in every zone, marked where its day differs."""
        if start is None or self._series is None:
            self.when_label.clear()
            return
        home = self._series.home_zone
        zones = list(dict.fromkeys([home, *self._series.display_zones]))
        end = timezones.end_of(start, self.duration_spin.value())
        day = timezones.home_date(start, home)
        spans = [
            f"{timezones.span(start, end, z, day)} {timezones.abbreviation(z, start)}"
            for z in zones
        ]
        # Each zone's span stays on one line; the list wraps between zones.
        self.when_label.setText(
            f"{timezones.day_label(day)}\n" + " · ".join(p.replace(" ", NBSP) for p in spans)
        )
