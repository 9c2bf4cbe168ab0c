"""The import dialog: detected format, editable column mapping, first rows, what will happen;
then the import itself on a worker thread with progress and Cancel."""

from __future__ import annotations

import html
from collections.abc import Callable
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
from desktop_app.services import imports
from ui.dialogs.import_summary import describe
from ui.models.table_model import Column, RowTableModel
from ui.tabs.common import fit_columns, make_table_view
from ui.widgets.column_mapping import ColumnMapping
from ui.workers.background import Job, TaskHandle, run_task


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
        self.preview: ImportPreview | None = None
        self._busy = False
        self._importing = False
        self._again = False  # the user asked to preview a file already imported, again
        self.preview_task: TaskHandle[ImportPreview] | None = None
        self.import_task: TaskHandle[ImportReport] | None = None
        self.setWindowTitle(f"Import {path.name}")
        self.resize(860, 640)

        self.session_combo = QComboBox()
        for row in sessions:
            self.session_combo.addItem(f"{row.title} — {row.start_label}", row.id)
        self.session_combo.setCurrentIndex(max(self.session_combo.findData(session_id), 0))
        self.format_combo = QComboBox()
        self.format_combo.addItem("Detect automatically", None)
        for known in FORMATS:
            self.format_combo.addItem(known.label, known.name)
        form = QFormLayout()
        form.addRow("File", QLabel(html.escape(str(path))))
        form.addRow("Into &session", self.session_combo)
        form.addRow("&Format", self.format_combo)

        self.mapping_box = ColumnMapping()
        self.mapping_box.changed.connect(self._mapping_changed)
        mapping_scroll = QScrollArea()
        mapping_scroll.setWidgetResizable(True)
        mapping_scroll.setWidget(self.mapping_box)
        mapping_scroll.setMinimumHeight(130)
        mapping_scroll.setMaximumHeight(200)
        self.rows_model: RowTableModel[list[str]] = RowTableModel([], self)
        self.rows_view = make_table_view()
        self.rows_view.setModel(self.rows_model)
        self.summary = QLabel("Reading the file…")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        summary_scroll = QScrollArea()
        summary_scroll.setWidgetResizable(True)
        summary_scroll.setWidget(self.summary)
        self.progress = QProgressBar()
        self.progress.hide()

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton("&Import")
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.close_button = QPushButton("Close")
        # Shown when the file was already imported into the session (answered unread).
        self.again_button = QPushButton("&Read it again")
        self.again_button.setToolTip("Read the file and say what importing it again would change")
        self.again_button.hide()
        self.buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.start_import)
        self.again_button.clicked.connect(self.read_again)
        self.cancel_button.clicked.connect(self._cancel_import)
        self.close_button.clicked.connect(self.reject)
        self.cancel_button.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(mapping_scroll)
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
        self._columns = None  # a mapping belongs to one format's header
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
        app, path, again = self._app, self._path, self._again

        def work(_job: Job) -> ImportPreview:
            return imports.preview_import(
                app.uow(), path, session_id, format_name, columns, again=again
            )

        self.preview_task = run_task(
            work, on_done=self._show_preview, on_failed=self._show_refusal, parent=self
        )

    def _show_preview(self, preview: ImportPreview) -> None:
        self._set_busy(False)
        self.preview = preview
        parsed = preview.parsed
        self.again_button.setVisible(parsed is None)
        self.summary.setText(describe(preview.report))
        if parsed is None:  # already imported: answered without reading the file
            self.rows_model.set_rows([])
            self.import_button.setEnabled(False)
            self.preview_ready.emit()
            return
        self.mapping_box.show_file(parsed, preview.mapping_editable, preview.report.format_label)
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
        self.import_button.setEnabled(preview.report.changed)
        self.preview_ready.emit()

    def _show_refusal(self, text: str) -> None:
        self._set_busy(False)
        self.preview = None
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

    # Import -------------------------------------------------------------------------------

    def start_import(self) -> None:
        """Import on a worker thread; Cancel stops it with nothing written."""
        preview = self.preview
        if preview is None:
            return
        self._importing = True
        self._set_busy(True, "Importing…")
        self.cancel_button.show()
        self.progress.setRange(0, max(preview.report.registrations, 1))
        app = self._app

        def work(job: Job) -> ImportReport:
            # Exactly what was previewed; refused if the file changed since.
            return imports.import_previewed(app.uow(), preview, keep_going=job.keep_going)

        self.import_task = run_task(
            work,
            on_done=self._imported,
            on_failed=self._import_failed,
            on_progress=lambda done, _total: self.progress.setValue(done),
            parent=self,
        )

    def _cancel_import(self) -> None:
        if self.import_task is not None:
            self.import_task.cancel()

    def _imported(self, report: ImportReport) -> None:
        self._importing = False
        self._set_busy(False)
        self.cancel_button.hide()
        self.import_button.setEnabled(False)
        self.summary.setText(
            "<p><b>Imported.</b> File › Import history can undo it.</p>" + describe(report)
        )
        assert self.preview is not None
        self.imported.emit(report, self.preview.session_id)

    def _import_failed(self, text: str) -> None:
        self._importing = False
        self._set_busy(False)
        self.cancel_button.hide()
        self.summary.setText(f"<p><b>{html.escape(text)}</b></p><p>Nothing was imported.</p>")
        self.import_button.setEnabled(self.preview is not None and self.preview.report.changed)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.progress.setFormat(text)
            self.import_button.setEnabled(False)
        for widget in (self.session_combo, self.format_combo, self.mapping_box, self.again_button):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        self._cancel_import()  # closing while importing cancels it
        super().reject()


def cell_text(column: int) -> Callable[[list[str]], str]:
    """How the first-rows table shows one column of a raw row (rows may be short)."""
    return lambda row: row[column] if column < len(row) else ""
