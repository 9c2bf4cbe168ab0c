"""The import dialog: detected format, editable column mapping, first rows, what will happen;
then the import itself on a worker thread with progress and Cancel."""

from __future__ import annotations

import html
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.bootstrap import App
from desktop_app.domain.import_rows import ImportReport, ParsedFile
from desktop_app.domain.rows import SessionRow
from desktop_app.io.columns import FIELDS, normalise_heading
from desktop_app.io.formats import FORMATS, ZOOM_SECTIONS, parse_table
from desktop_app.io.table_reader import read_table
from desktop_app.services import imports
from ui.models.table_model import Column, RowTableModel
from ui.tabs.common import fit_columns, make_table_view
from ui.workers.background import run_in_background

PREVIEW_ROWS = 20
FIELD_LABELS = {
    "": "(ignore)",
    "email": "Email",
    "first_name": "First name",
    "last_name": "Last name",
    "full_name": "Full name (split)",
    "organisation": "Organisation",
    "job_title": "Job title",
    "city": "City",
    "country": "Country",
    "sector": "Sector",
    "consent": "Consent to share",
    "registered_at": "Registered at",
    "status": "Status / approval",
    "attended": "Attended",
    "join_time": "Join time",
    "leave_time": "Leave time",
    "minutes": "Minutes in session",
}
assert set(FIELD_LABELS) - {""} == set(FIELDS)


@dataclass(frozen=True)
class Preview:
    """What the dialog shows before importing."""

    parsed: ParsedFile
    first_rows: list[list[str]]
    report: ImportReport


class _Progress(QObject):
    """Carries progress from the worker thread to the dialog (queued across threads)."""

    moved = Signal(int, int)


class ImportDialog(QDialog):
    """Previews one file's import into a session, then imports it."""

    imported = Signal(object)  # ImportReport

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
        self._preview: Preview | None = None
        self._cancel = threading.Event()
        self._busy = False
        self._importing = False
        self.setWindowTitle(f"Import {path.name}")
        self.resize(860, 640)

        self.session_combo = QComboBox()
        for row in sessions:
            self.session_combo.addItem(f"{row.title} — {row.start_label}", row.id)
        self.session_combo.setCurrentIndex(max(self.session_combo.findData(session_id), 0))
        self.format_combo = QComboBox()
        self.format_combo.addItem("Detect automatically", None)
        for key, text in FORMATS.items():
            self.format_combo.addItem(text, key)
        form = QFormLayout()
        form.addRow("File", QLabel(html.escape(str(path))))
        form.addRow("Into &session", self.session_combo)
        form.addRow("&Format", self.format_combo)

        self.mapping_box = QGroupBox("Columns")
        self.mapping_grid = QGridLayout(self.mapping_box)
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
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self._cancel.set)
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
        self.session_combo.currentIndexChanged.connect(self._preview_timer.start)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.import_button.setEnabled(False)
        self.refresh_preview()

    # Preview ----------------------------------------------------------------------------

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
        app, path = self._app, self._path

        def work() -> Preview:
            table = read_table(path)  # read and parsed once for the whole preview
            parsed = parse_table(table, format_name, columns)
            report = imports.import_parsed(
                app.uow(), parsed, table.sha256, session_id, dry_run=True
            )
            return Preview(parsed, first_rows(table.rows, parsed.header_line), report)

        self.preview_task = run_in_background(work, self)
        self.preview_task.done.connect(self._show_preview)
        self.preview_task.failed.connect(self._show_refusal)

    def _show_preview(self, preview: Preview) -> None:
        self._set_busy(False)
        self._preview = preview
        parsed = preview.parsed
        self._fill_mapping(parsed)
        width = max([len(parsed.header)] + [len(r) for r in preview.first_rows])
        self.rows_model = RowTableModel(
            [
                Column(
                    parsed.header[i] if i < len(parsed.header) else f"Column {i + 1}",
                    lambda r, i=i: r[i] if i < len(r) else "",
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

    def _show_refusal(self, text: str) -> None:
        self._set_busy(False)
        self._preview = None
        self.summary.setText(
            f"<p style='color:#d32f2f'><b>This file cannot be imported.</b>"
            f"</p><p>{html.escape(text)}</p>"
        )
        self.import_button.setEnabled(False)

    def _fill_mapping(self, parsed: ParsedFile) -> None:
        """One combo per heading; editable only where the format has a single header."""
        while self.mapping_grid.count():
            item = self.mapping_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        editable = parsed.format != "zoom-attendees"
        self.mapping_box.setTitle(
            "Columns" + ("" if editable else " (fixed by Zoom's report layout)")
        )
        self.mapping_combos: dict[int, QComboBox] = {}
        for index, heading in enumerate(parsed.header):
            if not heading.strip():
                continue
            combo = QComboBox()
            for key, text in FIELD_LABELS.items():
                combo.addItem(text, key)
            combo.setCurrentIndex(combo.findData(parsed.columns.get(index, "")))
            combo.setEnabled(editable)
            combo.currentIndexChanged.connect(self._mapping_changed)
            combo.setAccessibleName(f"Field for column {heading}")
            row, column = divmod(len(self.mapping_combos), 2)
            self.mapping_grid.addWidget(QLabel(html.escape(heading)), row, column * 2)
            self.mapping_grid.addWidget(combo, row, column * 2 + 1)
            self.mapping_combos[index] = combo

    def _mapping_changed(self) -> None:
        self._columns = {
            index: combo.currentData()
            for index, combo in self.mapping_combos.items()
            if combo.currentData()
        }
        self._preview_timer.start()

    # Import -------------------------------------------------------------------------------

    def start_import(self) -> None:
        """Import on a worker thread; Cancel stops it with nothing written."""
        session_id = self.session_combo.currentData()
        if self._preview is None or session_id is None:
            return
        self._cancel.clear()
        self._importing = True
        self._set_busy(True, "Importing…")
        self.cancel_button.show()
        self.progress.setRange(0, max(self._preview.report.registrations, 1))
        progress = _Progress(self)
        progress.moved.connect(lambda done, total: self.progress.setValue(done))
        format_name, columns, cancel = self.format_combo.currentData(), self._columns, self._cancel
        app, path = self._app, self._path

        def keep_going(done: int, total: int) -> bool:
            progress.moved.emit(done, total)
            return not cancel.is_set()

        self.import_task = run_in_background(
            # The preview said whether the file was already imported; pressing Import
            # after reading that is the user's "import it again".
            lambda: imports.import_file(
                app.uow(),
                path,
                session_id,
                format_name,
                keep_going=keep_going,
                columns=columns,
                force=True,
            ),
            self,
        )
        self.import_task.done.connect(self._imported)
        self.import_task.failed.connect(self._import_failed)

    def _imported(self, report: ImportReport) -> None:
        self._importing = False
        self._set_busy(False)
        self.cancel_button.hide()
        self.import_button.setEnabled(False)
        self.summary.setText(
            "<p><b>Imported.</b> Edit › Import history can undo it.</p>" + describe(report)
        )
        self.imported.emit(report)

    def _import_failed(self, text: str) -> None:
        self._importing = False
        self._set_busy(False)
        self.cancel_button.hide()
        self.summary.setText(f"<p><b>{html.escape(text)}</b></p><p>Nothing was imported.</p>")
        self.import_button.setEnabled(self._preview is not None and self._preview.report.changed)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.progress.setFormat(text)
            self.import_button.setEnabled(False)
        for widget in (self.session_combo, self.format_combo, self.mapping_box):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        self._cancel.set()  # closing while importing cancels it
        super().reject()


def first_rows(rows: list[list[str]], header_line: int) -> list[list[str]]:
    """The data rows after a header, up to the next Zoom section title or PREVIEW_ROWS."""
    shown: list[list[str]] = []
    for row in rows[header_line:]:
        if row and normalise_heading(row[0]) in ZOOM_SECTIONS and not any(row[1:]):
            break
        if any(cell.strip() for cell in row):
            shown.append(row)
        if len(shown) == PREVIEW_ROWS:
            break
    return shown


def describe(report: ImportReport) -> str:
    """What an import does, as short rich text for the dialog."""

    def count(n: int, word: str, plural: str = "") -> str:
        return f"{n:,} {word if n == 1 else plural or word + 's'}"

    parts = [
        f"<p><b>{html.escape(report.format_label)}</b>: {count(report.rows, 'row')}, "
        f"{count(report.registrations, 'person', 'people')} for this session, "
        f"{report.attended:,} attended, {report.minutes:,} minutes.</p>",
        "<ul>"
        f"<li>{count(report.registrants_created, 'new registrant')}</li>"
        f"<li>{count(report.registrants_updated, 'registrant')} updated</li>"
        f"<li>{report.registrants_unchanged:,} unchanged</li>"
        f"<li>{count(report.registrations_created, 'new registration')}, "
        f"{report.registrations_updated:,} updated</li>"
        f"<li>{count(len(report.skipped), 'row')} skipped</li></ul>",
    ]
    if report.already_imported is not None:
        parts.insert(0, f"<p><b>{html.escape(report.already_imported_note)}.</b></p>")
    if not report.changed:
        parts.append("<p>Nothing would change: everything in this file is already here.</p>")
    if report.other_attended:
        parts.append(
            f"<p>{report.other_attended} attendee(s) without an email are counted "
            "but not added.</p>"
        )
    if report.speakers_matched or report.speakers_unmatched:
        parts.append(
            f"<p>Hosts and panelists: {report.speakers_matched} matched to speakers, "
            f"{len(report.speakers_unmatched)} not found among the speakers (they "
            "are not added as registrants).</p>"
        )
    if report.conflicts:
        parts.append(
            "<p><b>Conflicts</b></p><ul>"
            + "".join(f"<li>{html.escape(c)}</li>" for c in report.conflicts[:50])
            + "</ul>"
        )
    if report.skipped:
        parts.append(
            "<p><b>Skipped rows</b></p><ul>"
            + "".join(
                f"<li>Row {s.line}: {html.escape(s.reason)}</li>" for s in report.skipped[:100]
            )
            + ("<li>…</li>" if len(report.skipped) > 100 else "")
            + "</ul>"
        )
    return "".join(parts)
