"""The import dialog: the session the report belongs to, the sheet, the detected format, the
editable column mapping and date orders, first rows, what will happen; then the import on a
worker thread with one progress bar and Cancel."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.bootstrap import App
from desktop_app.domain.import_rows import ImportPreview
from desktop_app.domain.rows import SessionRow
from ui.dialogs.import_choices import SessionChoices
from ui.dialogs.import_controls import ImportControls
from ui.dialogs.import_summary import describe, describe_choices
from ui.dialogs.import_target import ImportTarget
from ui.dialogs.import_work import (
    Imported,
    Previewed,
    PreviewOptions,
    import_previewed,
    preview_file,
)
from ui.dialogs.sizing import fit_size
from ui.models.table_model import Column, RowTableModel
from ui.tabs.common import fit_columns, make_table_view
from ui.widgets.column_mapping import ColumnMapping, DateOrders
from ui.workers.background import TaskHandle, run_task

# Where an import is taken back (the File menu's item, as the menu spells it).
HISTORY_MENU = "File › Import history…"


class ImportDialog(QDialog):
    """Previews one file's import into a session, then imports it."""

    imported = Signal(object, list)  # the ImportReport, and the sessions imported into
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
        self.preview: ImportPreview | None = None
        self.shown: Previewed | None = None
        self._choices: dict[str, int | None] | None = None  # None: matched by title
        self._use_choices: bool | None = None  # None: if an answer matched a session
        self._names = {row.id: row.title for row in sessions}
        self._busy = False
        self._importing = False
        self.preview_task: TaskHandle[Previewed] | None = None
        self.import_task: TaskHandle[Imported] | None = None
        self._again = False  # the user asked to preview a file already imported, again
        self.setWindowTitle(f"Import {path.name}")
        fit_size(self, 860, 640)

        self.target = ImportTarget(path, sessions, session_id)
        # The parts tests and the window reach by name.
        self.session_combo, self.session_note = self.target.session_combo, self.target.note
        self.sheet_combo, self.format_combo = self.target.sheet_combo, self.target.format_combo
        self.form = self.target.form

        self.mapping_box = ColumnMapping()
        self.mapping_box.changed.connect(self._mapping_changed)
        self.dates_box = DateOrders()
        self.dates_box.changed.connect(self._dates_changed)
        self.dates_box.hide()
        self.choices_box = SessionChoices(sessions)
        self.choices_box.changed.connect(self._choices_changed)
        mapping_scroll = QScrollArea()
        mapping_scroll.setWidgetResizable(True)
        mapping_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        self.controls = ImportControls()
        # The parts tests reach by name.
        self.progress, self.buttons = self.controls.progress, self.controls.buttons
        self.import_button = self.controls.import_button
        self.again_button = self.controls.again_button
        self.cancel_button = self.controls.cancel_button
        self.close_button = self.controls.close_button
        self.import_button.clicked.connect(self.start_import)
        self.again_button.clicked.connect(self.read_again)
        self.cancel_button.clicked.connect(self._cancel_import)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.target)
        layout.addWidget(mapping_scroll)
        layout.addWidget(self.dates_box)
        layout.addWidget(self.choices_box)
        layout.addWidget(QLabel("First rows of the file"))
        layout.addWidget(self.rows_view, 2)
        layout.addWidget(summary_scroll, 2)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(150)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.session_combo.currentIndexChanged.connect(self._session_changed)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        self.import_button.setEnabled(False)
        self.refresh_preview()

    # Preview ----------------------------------------------------------------------------

    def _session_changed(self) -> None:
        self._again = False  # imported into that session or not is asked afresh
        self._preview_timer.start()

    def read_again(self) -> None:
        """Preview a file already imported into the session: what importing again does."""
        self._again = True
        self.refresh_preview()

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
        options = PreviewOptions(
            self.format_combo.currentData(),
            self._columns,
            dict(self._date_orders),
            self._sheet,
            self._first_preview,
            self._choices,
            self._use_choices,
            self._again,
        )
        work = preview_file(self._app, self._path, session_id, options)
        self.preview_task = run_task(
            work, on_done=self._show_preview, on_failed=self._show_refusal, parent=self
        )

    def _show_preview(self, shown: Previewed) -> None:
        self._set_busy(False)
        preview = shown.preview
        self.preview, self.shown = preview, shown
        self._first_preview = False
        parsed = preview.parsed
        self.again_button.setVisible(parsed is None)
        if parsed is None:  # already imported: answered without reading the file
            self.summary.setText(describe(preview.report))
            self.rows_model.set_rows([])
            self.import_button.setEnabled(False)
            self.preview_ready.emit()
            return
        self.target.show_session(preview.session_id, shown)
        self._sheet = self.target.show_sheets(preview)
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
        self._show_choices(shown)
        self.preview_ready.emit()

    def _show_choices(self, shown: Previewed) -> None:
        """A checkbox question naming sessions: its answers, and what importing by them
        does; otherwise what importing into the one session does."""
        parsed = shown.preview.parsed
        if parsed is None:  # answered unread (shown before this is called)
            return
        self.choices_box.setVisible(bool(parsed.session_choices))
        if parsed.session_choices:
            self._choices, self._use_choices = shown.choices, shown.use_choices
            self.choices_box.show_choices(
                parsed.sessions_heading, parsed.session_choices, shown.choices, shown.use_choices
            )
        # Going by the answers, the one-session picker means nothing.
        self.session_combo.setEnabled(not shown.use_choices)
        if shown.by_choice is not None:
            heading = parsed.sessions_heading
            self.summary.setText(describe_choices(shown.by_choice, heading, self._names))
        elif shown.use_choices:
            self.summary.setText(
                "<p><b>Choose a session for at least one answer</b>, or untick the box to "
                "import everyone into the session chosen above.</p>"
            )
        else:
            self.summary.setText(describe(shown.preview.report))
        self.import_button.setEnabled(can_import(shown))

    def _choices_changed(self) -> None:
        self._choices = self.choices_box.sessions()
        self._use_choices = self.choices_box.isChecked()
        self._preview_timer.start()

    def _show_refusal(self, text: str) -> None:
        self._set_busy(False)
        self.preview = None
        self._first_preview = False
        self.again_button.hide()
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
        shown = self.shown
        if shown is None or self.preview is None:
            return
        self._importing = True
        self._set_busy(True, "Importing… %p%")
        self.controls.start_counting()
        self.import_task = run_task(
            import_previewed(self._app, shown),
            on_done=self._imported,
            on_failed=self._import_failed,
            on_progress=self.controls.move,
            parent=self,
        )

    def _cancel_import(self) -> None:
        if self.import_task is not None and self.import_task.running:
            self.import_task.cancel()

    def _imported(self, done: Imported) -> None:
        self._importing = False
        self.progress.setValue(100)
        self._set_busy(False)
        self.import_button.hide()  # done: only Close is left to press
        if done.by_choice is not None and self.shown is not None:
            parsed = self.shown.preview.parsed
            heading = parsed.sessions_heading if parsed is not None else ""
            what = describe_choices(done.by_choice, heading, self._names)
        else:
            what = describe(done.report)
        self.summary.setText(
            f"<p><b>Imported.</b> To take it back, choose {HISTORY_MENU} and Undo import.</p>"
            + what
        )
        self.imported.emit(done.report, done.session_ids)

    def _import_failed(self, text: str) -> None:
        self._importing = False
        self._set_busy(False)
        self.summary.setText(f"<p><b>{html.escape(text)}</b></p><p>Nothing was imported.</p>")
        self.import_button.setEnabled(self.shown is not None and can_import(self.shown))

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.controls.show_busy(busy, self._importing, text)
        busy_widgets = (self.session_combo, self.sheet_combo, self.format_combo, self.again_button)
        for widget in (*busy_widgets, self.mapping_box, self.dates_box, self.choices_box):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        self._cancel_import()  # closing while importing cancels it
        super().reject()


def can_import(shown: Previewed) -> bool:
    """True when importing what is previewed would change something."""
    if shown.use_choices:
        return shown.by_choice is not None and shown.by_choice.changed
    return shown.preview.report.changed


def cell_text(column: int) -> Callable[[list[str]], str]:
    """How the first-rows table shows one column of a raw row (rows may be short)."""
    return lambda row: row[column] if column < len(row) else ""
