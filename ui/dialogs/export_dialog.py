"""File > Export…: choose a partner profile, see who and what will leave the laptop, write the
spreadsheet on a worker thread (progress, Cancel), then open its folder."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.bootstrap import App
from desktop_app.domain.errors import UserError
from desktop_app.domain.export_plan import ExportPlan
from desktop_app.domain.export_profile import PARTNERS, ExportProfile, partner_profile
from desktop_app.domain.rows import SessionRow
from desktop_app.domain.wording import plural
from desktop_app.services import export_profiles, exports
from desktop_app.services.preferences import load_preferences
from ui import folders
from ui.dialogs.profile_dialog import ProfileDialog
from ui.dialogs.sizing import fit_size
from ui.editors.forms import attempt
from ui.widgets.task_buttons import task_buttons
from ui.workers.background import Job, TaskHandle, run_task


class ExportDialog(QDialog):
    """Exports the registrants of one series with a saved profile."""

    exported = Signal(str)  # the written file

    def __init__(
        self,
        app: App,
        series_id: int,
        sessions: list[SessionRow],
        parent: QWidget | None = None,
        registrant_ids: list[int] | None = None,
    ) -> None:
        super().__init__(parent)
        self._app, self._series_id, self._sessions = app, series_id, sessions
        self._chosen = registrant_ids  # people selected on the Attendees tab, or None
        self._plan: ExportPlan | None = None
        self.export_task: TaskHandle[ExportPlan] | None = None
        self._written: Path | None = None
        self.setWindowTitle(
            "Export registrants" if registrant_ids is None else "Export the selected registrants"
        )
        fit_size(self, 620, 420)

        self.profile_combo = QComboBox()
        self.profile_combo.setAccessibleName("Export profile")
        self.new_button = QPushButton("New…")
        self.edit_button = QPushButton("Edit…")
        self.delete_button = QPushButton("Delete")
        self.new_button.clicked.connect(self.new_profile)
        self.edit_button.clicked.connect(self.edit_profile)
        self.delete_button.clicked.connect(self.delete_profile)
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.profile_combo, 1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            profile_row.addWidget(button)
        self.session_combo = QComboBox()
        self.session_combo.addItem("All sessions", None)
        for session in sessions:
            self.session_combo.addItem(session.title, session.id)
        self.format_combo = QComboBox()
        self.format_combo.addItem("Excel workbook (.xlsx)", ".xlsx")
        self.format_combo.addItem("CSV, UTF-8 (.csv)", ".csv")
        form = QFormLayout()
        profile_label = QLabel("&Profile")
        profile_label.setBuddy(self.profile_combo)
        form.addRow(profile_label, profile_row)
        form.addRow("&Sessions", self.session_combo)
        form.addRow("&Format", self.format_combo)
        if registrant_ids is not None:
            chosen = plural(len(registrant_ids), "person", "people")
            form.addRow("People", QLabel(f"The {chosen} selected on the Attendees tab"))
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop)
        # One line saying how the last export went: replaced by each run, never stacked.
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        self.progress = QProgressBar()
        self.progress.hide()
        task = task_buttons("&Export…", "Open folder")
        buttons, self.export_button, self.cancel_button = task.box, task.start, task.cancel
        self.open_folder_button, self.close_button = task.open_folder, task.close
        self.export_button.clicked.connect(self.choose_file)
        self.cancel_button.clicked.connect(self._cancel_export)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        for combo in (self.profile_combo, self.session_combo):
            combo.currentIndexChanged.connect(self.refresh_preview)
        self.reload_profiles()

    # Profiles ---------------------------------------------------------------------------

    def reload_profiles(self, select: str | None = None) -> None:
        """Fill the profile picker (keeping or choosing a profile by name)."""
        current = select or self.profile_combo.currentText()
        self._profiles = {p.name: p for p in export_profiles.list_profiles(self._app.uow())}
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        self.profile_combo.addItems(list(self._profiles))
        found = self.profile_combo.findText(current)
        self.profile_combo.setCurrentIndex(max(found, 0))
        self.profile_combo.blockSignals(False)
        self.refresh_preview()

    def profile(self) -> ExportProfile:
        """The chosen profile."""
        return self._profiles[self.profile_combo.currentText()]

    def new_profile(self) -> None:
        """A new profile, starting from the cautious partner defaults."""
        self._open_editor(partner_profile("New partner"), None)

    def edit_profile(self) -> None:
        """Edit the chosen profile."""
        self._open_editor(self.profile(), self.profile().name)

    def _open_editor(self, profile: ExportProfile, old_name: str | None) -> None:
        dialog = ProfileDialog(profile, self._sessions, self)
        # The version read is kept, so a profile changed elsewhere meanwhile is not overwritten.
        dialog.save_requested.connect(
            lambda edited: self._save_profile(
                dialog, replace(edited, version=profile.version), old_name
            )
        )
        self.profile_dialog = dialog
        dialog.open()

    def _save_profile(
        self, dialog: ProfileDialog, profile: ExportProfile, old_name: str | None
    ) -> None:
        if not profile.session_ids and not any(
            dialog.sessions_list.item(i).checkState().value
            for i in range(dialog.sessions_list.count())
        ):
            dialog.problems.say("Tick at least one session.")
            return
        if not attempt(
            dialog.problems,
            lambda: export_profiles.save_profile(self._app.uow(), profile, old_name),
        ):
            return
        dialog.accept()
        self.reload_profiles(select=profile.name)

    def delete_profile(self) -> None:
        """Delete the chosen saved profile (after asking)."""
        name = self.profile().name
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Delete profile",
            f"Delete the export profile “{name}”?",
            parent=self,
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda result: self._answered(result, name))
        self.question = box
        box.open()

    def _answered(self, result: int, name: str) -> None:
        if result == QMessageBox.StandardButton.Yes:
            self._delete(name)

    def _delete(self, name: str) -> None:
        try:
            export_profiles.delete_profile(self._app.uow(), name, self._profiles[name].version)
        except UserError as error:
            self._say(html.escape(str(error)), problem=True)
            return
        self.reload_profiles(select=PARTNERS)

    # Preview and export ---------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Say how many people and which columns would leave the laptop."""
        if not self.profile_combo.count():
            return
        profile = self.profile()
        self.delete_button.setEnabled(
            profile.name in export_profiles.saved_profile_names(self._app.uow())
        )
        try:
            plan = exports.plan_export(
                self._app.uow(),
                self._series_id,
                profile,
                self.session_combo.currentData(),
                registrant_ids=self._chosen,
            )
        except UserError as error:
            self._plan = None
            self.preview.setText(f"<b>{html.escape(str(error))}</b>")
            self.export_button.setEnabled(False)
            return
        self._plan = plan
        personal = ""
        if plan.personal:
            personal = (
                "<p style='color:#d32f2f'><b>Personal data:</b> "
                f"{html.escape(', '.join(plan.personal))} — send it only to "
                "partners allowed to receive it.</p>"
            )
        consent = (
            "only people who agreed to share"
            if profile.require_consent
            else "<b>consent is not checked</b> (internal use)"
        )
        left_out = ""
        if self._chosen is not None and plan.people < len(self._chosen):
            missing = len(self._chosen) - plan.people
            left_out = (
                f"<p>{plural(missing, 'selected person', 'selected people')} left out by the "
                "profile's rules.</p>"
            )
        self.preview.setText(
            f"<p><b>{plural(plan.people, 'person', 'people')}</b> and "
            f"<b>{plural(len(plan.headings), 'column')}</b> will "
            f"leave this laptop ({consent}).</p>{left_out}{personal}"
            f"<p>Columns: {html.escape(', '.join(plan.headings))}</p>"
        )
        self.export_button.setEnabled(plan.people > 0)

    def choose_file(self) -> None:
        """Ask where to write the file (named by the profile's pattern)."""
        if self._plan is None:
            return
        suffix = self.format_combo.currentData()
        dialog = folders.file_dialog(
            self,
            folders.EXPORT,
            "Export registrants",
            self._plan.file_name(suffix),
            fallback=load_preferences().export_folder or None,
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(
            "Excel workbooks (*.xlsx)" if suffix == ".xlsx" else "CSV files (*.csv)"
        )
        dialog.setDefaultSuffix(suffix.lstrip("."))
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        self.file_dialog = dialog
        dialog.open()

    def export_to(self, target: Path) -> None:
        """Write the export on a worker thread; Cancel leaves no file."""
        self._written = None  # until this one is written, there is no file to show
        self._say("")
        self._set_busy(True)
        app, series_id, profile = self._app, self._series_id, self.profile()
        session_id, chosen = self.session_combo.currentData(), self._chosen
        # The Summary's "Exported by" is the staff member named in Preferences.
        exported_by = load_preferences().staff_name.strip() or exports.DEFAULT_EXPORTER

        def work(job: Job) -> ExportPlan:
            return exports.export_registrants(
                app.uow(),
                series_id,
                profile,
                target,
                session_id,
                job.keep_going,
                exported_by=exported_by,
                registrant_ids=chosen,
            )

        self.export_task = run_task(
            work,
            on_done=lambda _plan: self._done(target),
            on_failed=self._failed,
            on_progress=self._moved,
            parent=self,
        )

    def _cancel_export(self) -> None:
        if self.export_task is not None:
            self.export_task.cancel()

    def _moved(self, done: int, total: int) -> None:
        # The export does not count ahead; the preview already did.
        expected = total or (self._plan.people if self._plan else 0)
        self.progress.setRange(0, max(expected, done, 1))
        self.progress.setValue(done)

    def _done(self, target: Path) -> None:
        self._written = target
        self._set_busy(False)
        self._say(f"<b>Written:</b> {html.escape(str(target))}")
        self.exported.emit(str(target))

    def _failed(self, text: str) -> None:
        self._written = None
        self._set_busy(False)
        self._say(f"<b>{html.escape(text)}</b> No file was written.", problem=True)

    def _say(self, text: str, problem: bool = False) -> None:
        """Show how the last export went (replacing what was said before)."""
        self.status.setStyleSheet("color: #d32f2f;" if problem else "")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.open_folder_button.setVisible(not busy and self._written is not None)
        self.cancel_button.setVisible(busy)
        for widget in (
            self.export_button,
            self.profile_combo,
            self.session_combo,
            self.format_combo,
            self.new_button,
            self.edit_button,
            self.delete_button,
        ):
            widget.setEnabled(not busy)

    def open_folder(self) -> None:
        """Show the folder of the file just written in the system's file manager."""
        if self._written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._written.parent)))

    def reject(self) -> None:
        self._cancel_export()
        super().reject()
