"""The import dialog: the session the report belongs to, the sheet, the detected format, the
editable column mapping and date orders, first rows, what will happen; then the import on a
worker thread with one progress bar and Cancel."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.bootstrap import App
from desktop_app.domain.import_rows import ImportPreview, ImportReport
from desktop_app.domain.rows import SessionRow
from desktop_app.io.formats import FORMATS
from desktop_app.services import imports, session_match
from ui.dialogs.import_summary import describe
from ui.dialogs.sizing import fit_size
from ui.models.table_model import Column, RowTableModel
from ui.tabs.common import fit_columns, make_table_view
from ui.widgets.column_mapping import ColumnMapping, DateOrders
from ui.workers.background import Job, TaskHandle, run_task

# Where an import is taken back (the File menu's item, as the menu spells it).
HISTORY_MENU = "File › Import history…"
WARNING_STYLE = "color: #b35c00; font-weight: bold;"


@dataclass(frozen=True)
class Previewed:
    """A preview with what the report says about its session."""

    preview: ImportPreview
    proposal: session_match.Proposal | None  # the first preview's proposal
    date_warning: str  # the report's date is not the chosen session's


class ImportDialog(QDialog):
    """Previews one file's import into a session, then imports it."""

    imported = Signal(object, int)  # the ImportReport, and the session imported into
    preview_ready = Signal()  # a preview (or the reason the file is refused) is shown

    def __init__(
        self,
        app: App,
        path: Path,
        sessions: list[SessionRow],
        session_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._app, self._path = app, path
        self._columns: dict[int, str] | None = None
        self._date_orders: dict[int, str] = {}
        self._sheet: str | None = None
        self._first_preview = True  # the report may propose its session once
        self._proposal: session_match.Proposal | None = None
        self.preview: ImportPreview | None = None
        self._busy = False
        self._importing = False
        self._progress_shown = 0
        self.preview_task: TaskHandle[Previewed] | None = None
        self.import_task: TaskHandle[ImportReport] | None = None
        self.setWindowTitle(f"Import {path.name}")
        fit_size(self, 860, 640)

        self.session_combo = QComboBox()
        for row in sessions:
            self.session_combo.addItem(f"{row.title} — {row.start_label}", row.id)
        self.session_combo.setCurrentIndex(max(self.session_combo.findData(session_id), 0))
        self.session_note = QLabel()
        self.session_note.setWordWrap(True)
        self.session_note.hide()
        self.sheet_combo = QComboBox()
        self.sheet_combo.setAccessibleName("Sheet")
        self.format_combo = QComboBox()
        self.format_combo.addItem("Detect automatically", None)
        for known in FORMATS:
            self.format_combo.addItem(known.label, known.name)
        self.form = form = QFormLayout()
        file_label = QLabel(html.escape(str(path)))
        file_label.setWordWrap(True)
        form.addRow("File", file_label)
        session_box = QWidget()
        session_column = QVBoxLayout(session_box)
        session_column.setContentsMargins(0, 0, 0, 0)
        session_column.setSpacing(2)
        session_column.addWidget(self.session_combo)
        session_column.addWidget(self.session_note)
        session_box.setFocusProxy(self.session_combo)  # Alt+S reaches the combo
        form.addRow("Into &session", session_box)
        form.addRow("S&heet", self.sheet_combo)
        form.addRow("&Format", self.format_combo)
        form.setRowVisible(self.sheet_combo, False)

        self.mapping_box = ColumnMapping()
        self.mapping_box.changed.connect(self._mapping_changed)
        self.dates_box = DateOrders()
        self.dates_box.changed.connect(self._dates_changed)
        self.dates_box.hide()
        mapping_scroll = QScrollArea()
        mapping_scroll.setWidgetResizable(True)
        mapping_scroll.setWidget(self.mapping_box)
        mapping_scroll.setMinimumHeight(110)
        mapping_scroll.setMaximumHeight(200)
        self.rows_model: RowTableModel[list[str]] = RowTableModel([], self)
        self.rows_view = make_table_view()
        self.rows_view.setModel(self.rows_model)
        self.rows_view.setMinimumHeight(90)
        self.summary = QLabel("Reading the file…")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        summary_scroll = QScrollArea()
        summary_scroll.setWidgetResizable(True)
        summary_scroll.setWidget(self.summary)
        summary_scroll.setMinimumHeight(90)
        self.progress = QProgressBar()
        self.progress.hide()

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton("&Import")
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.close_button = QPushButton("Close")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self._cancel_import)
        self.close_button.clicked.connect(self.reject)
        self.cancel_button.hide()  # hidden after adding: the button box shows what it adds

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(mapping_scroll)
        layout.addWidget(self.dates_box)
        layout.addWidget(QLabel("First rows of the file"))
        layout.addWidget(self.rows_view, 2)
        layout.addWidget(summary_scroll, 2)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(150)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.session_combo.currentIndexChanged.connect(self._preview_timer.start)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        self.import_button.setEnabled(False)
        self.refresh_preview()

    # Preview ----------------------------------------------------------------------------

    def _format_changed(self) -> None:
        self._columns, self._date_orders = None, {}  # they belong to one format's header
        self._preview_timer.start()

    def _sheet_changed(self) -> None:
        sheet = self.sheet_combo.currentText()
        if sheet and sheet != self._sheet:
            self._sheet = sheet
            self._columns, self._date_orders = None, {}  # another sheet, another header
            self._preview_timer.start()

    def refresh_preview(self) -> None:
        """Read the file and work out what importing it would do (on a worker thread)."""
        session_id = self.session_combo.currentData()
        if session_id is None or self._importing:
            return
        if self._busy:  # a preview is running: look again once it is done
            self._preview_timer.start()
            return
        self._set_busy(True, "Reading the file…")
        format_name, columns = self.format_combo.currentData(), self._columns
        date_orders, sheet, propose = dict(self._date_orders), self._sheet, self._first_preview
        app, path = self._app, self._path

        def preview(chosen: int) -> ImportPreview:
            return imports.preview_import(
                app.uow(), path, chosen, format_name, columns, date_orders or None, sheet
            )

        def work(_job: Job) -> Previewed:
            shown = preview(session_id)
            parsed, proposal = shown.parsed, None
            warning = session_match.date_warning(app.uow(), session_id, parsed.meeting_start)
            if propose:
                # The report's own date and title say which session it is: a 2026 report
                # must not slip into a 2021 session because that one was selected.
                proposal = session_match.propose_session(
                    app.uow(), session_id, parsed.meeting_title, parsed.meeting_start
                )
                better = proposal.session_id
                if warning and better is not None and better != session_id:
                    shown = preview(better)
                    warning = session_match.date_warning(app.uow(), better, parsed.meeting_start)
            return Previewed(shown, proposal, warning)

        self.preview_task = run_task(
            work, on_done=self._show_preview, on_failed=self._show_refusal, parent=self
        )

    def _show_preview(self, shown: Previewed) -> None:
        self._set_busy(False)
        preview = shown.preview
        self.preview = preview
        self._first_preview = False
        parsed = preview.parsed
        self._show_session(preview.session_id, shown)
        self._show_sheets(preview)
        self.mapping_box.show_file(parsed, preview.mapping_editable, preview.report.format_label)
        self.dates_box.show_columns(parsed.date_columns)
        width = max([len(parsed.header)] + [len(r) for r in preview.first_rows])
        self.rows_model = RowTableModel(
            [
                Column(
                    parsed.header[i] if i < len(parsed.header) else f"Column {i + 1}",
                    cell_text(i),
                )
                for i in range(width)
            ],
            self,
        )
        self.rows_model.set_rows(preview.first_rows)
        self.rows_view.setModel(self.rows_model)
        fit_columns(self.rows_view, widest=220)
        self.summary.setText(describe(preview.report))
        self.import_button.setEnabled(preview.report.changed)
        self.preview_ready.emit()

    def _show_session(self, session_id: int, shown: Previewed) -> None:
        """Select the session previewed (the report may have proposed it) and say why it
        was chosen, or warn that the report is from another day."""
        if shown.proposal is not None:
            self._proposal = shown.proposal
        if self.session_combo.currentData() != session_id:
            self.session_combo.blockSignals(True)  # already previewed: no second look
            self.session_combo.setCurrentIndex(self.session_combo.findData(session_id))
            self.session_combo.blockSignals(False)
        proposal = self._proposal
        if shown.date_warning:
            note, style = f"{shown.date_warning} Check that this is the session.", WARNING_STYLE
        elif proposal is not None and proposal.session_id == session_id:
            note, style = f"This is the report's session ({proposal.reason}).", ""
        else:
            note, style = "", ""
        self.session_note.setStyleSheet(style)
        self.session_note.setText(note)
        self.session_note.setVisible(bool(note))

    def _show_sheets(self, preview: ImportPreview) -> None:
        """Offer a workbook's sheets (the one read chosen); hidden for one sheet or a CSV."""
        sheets = list(preview.sheets)
        if [self.sheet_combo.itemText(i) for i in range(self.sheet_combo.count())] != sheets:
            self.sheet_combo.blockSignals(True)
            self.sheet_combo.clear()
            self.sheet_combo.addItems(sheets)
            self.sheet_combo.blockSignals(False)
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.setCurrentText(preview.parsed.sheet)
        self.sheet_combo.blockSignals(False)
        self._sheet = preview.parsed.sheet or None
        self.form.setRowVisible(self.sheet_combo, len(sheets) > 1)

    def _show_refusal(self, text: str) -> None:
        self._set_busy(False)
        self.preview = None
        self._first_preview = False
        self.summary.setText(
            f"<p style='color:#d32f2f'><b>This file cannot be imported.</b>"
            f"</p><p>{html.escape(text)}</p>"
        )
        self.import_button.setEnabled(False)
        self.preview_ready.emit()

    def _mapping_changed(self) -> None:
        self._columns = self.mapping_box.columns()
        self._preview_timer.start()

    def _dates_changed(self) -> None:
        self._date_orders = self.dates_box.date_orders()
        self._preview_timer.start()

    # Import -------------------------------------------------------------------------------

    def start_import(self) -> None:
        """Import on a worker thread; Cancel stops it with nothing written."""
        preview = self.preview
        if preview is None:
            return
        self._importing = True
        self._set_busy(True, "Importing… %p%")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self._progress_shown = 0
        app = self._app

        def work(job: Job) -> ImportReport:
            # Exactly what was previewed; refused if the file changed since.
            return imports.import_previewed(app.uow(), preview, keep_going=job.keep_going)

        self.import_task = run_task(
            work,
            on_done=self._imported,
            on_failed=self._import_failed,
            on_progress=self._moved,
            parent=self,
        )

    def _moved(self, done: int, total: int) -> None:
        """One bar from 0 to 100 %: it never runs back, whatever each step counts."""
        if total <= 0:
            return
        percent = min(100, done * 100 // total)
        self._progress_shown = max(self._progress_shown, percent)
        self.progress.setValue(self._progress_shown)

    def _cancel_import(self) -> None:
        if self.import_task is not None and self.import_task.running:
            self.import_task.cancel()

    def _imported(self, report: ImportReport) -> None:
        self._importing = False
        self.progress.setValue(100)
        self._set_busy(False)
        self.import_button.hide()  # done: only Close is left to press
        self.summary.setText(
            f"<p><b>Imported.</b> To take it back, choose {HISTORY_MENU} and Undo import.</p>"
            + describe(report)
        )
        assert self.preview is not None
        self.imported.emit(report, self.preview.session_id)

    def _import_failed(self, text: str) -> None:
        self._importing = False
        self._set_busy(False)
        self.summary.setText(f"<p><b>{html.escape(text)}</b></p><p>Nothing was imported.</p>")
        self.import_button.setEnabled(self.preview is not None and self.preview.report.changed)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.progress.setFormat(text)
            self.import_button.setEnabled(False)
        # While importing only Cancel shows; otherwise Close (Cancel would mean nothing).
        self.cancel_button.setVisible(busy and self._importing)
        self.close_button.setVisible(not (busy and self._importing))
        self.import_button.setVisible(not (busy and self._importing))
        busy_widgets = (self.session_combo, self.sheet_combo, self.format_combo)
        for widget in (*busy_widgets, self.mapping_box, self.dates_box):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        self._cancel_import()  # closing while importing cancels it
        super().reject()


def cell_text(column: int) -> Callable[[list[str]], str]:
    """How the first-rows table shows one column of a raw row (rows may be short)."""
    return lambda row: row[column] if column < len(row) else ""
