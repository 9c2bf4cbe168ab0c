"""Mail… on a session or a speaker: choose the kind, the recipients and the template, see the
first drafts as they will look, then write them into a folder on a worker thread (progress,
Cancel) and open that folder."""

from __future__ import annotations

import dataclasses
import html
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.bootstrap import App
from desktop_app.domain.errors import UserError, ValidationError
from desktop_app.domain.mail_kinds import MailAddress, validate_sender
from desktop_app.domain.rows import SessionRow, SpeakerRow
from desktop_app.domain.wording import plural
from desktop_app.io.draft_folder import safe_file_name
from desktop_app.services import mail_drafts
from desktop_app.services.mail_drafts import DraftPlan, DraftReport, DraftRequest
from desktop_app.services.preferences import load_preferences, save_preferences
from ui.dialogs.mail_choices import MailChoices
from ui.dialogs.mail_planning import Planner
from ui.dialogs.mail_preview import MailPreview, warnings_html
from ui.dialogs.mail_template_list import TemplateList
from ui.dialogs.sizing import fitting_size
from ui.printing import html_to_pdf
from ui.widgets.task_buttons import task_buttons
from ui.workers.background import Job, TaskHandle, run_task
from ui.workers.gui_thread import GuiThreadCall


def draft_folder_in(chosen: Path, name: str) -> Path:
    """Where a batch goes: the chosen folder if it is empty, else a new folder in it."""
    if chosen.is_dir() and not any(chosen.iterdir()):
        return chosen
    base = safe_file_name(name)
    target, number = chosen / base, 1
    while target.exists():
        number += 1
        target = chosen / f"{base} {number}"
    return target


class MailDialog(QDialog):
    """Writes one batch of drafts for a session (or for one speaker of it)."""

    written = Signal(int)  # the session whose batch was recorded
    task_finished = Signal()  # writing ended: written, failed or cancelled
    preview_ready = Signal()  # the summary and preview show the current choices

    def __init__(
        self,
        app: App,
        series_id: int,
        sessions: list[SessionRow],
        session_id: int | None,
        speaker: SpeakerRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._app, self._series_id = app, series_id
        self.plan: DraftPlan | None = None
        self.report: DraftReport | None = None
        self.task: TaskHandle[DraftReport] | None = None
        self.file_dialog: QFileDialog | None = None
        self._gui = GuiThreadCall(self)
        self.planner = Planner(app, self)
        self.planner.ready.connect(self._planned)
        self.planner.refused.connect(self._no_plan)
        self._writing: int | None = None  # the session of the batch being written
        prefs = load_preferences()
        self._paper = prefs.paper_size
        whose = f" to {speaker.name}" if speaker else ""
        self.setWindowTitle(f"Mail drafts{whose}")
        self.resize(*fitting_size(parent, 1100, 680))

        self.choices = MailChoices(
            sessions, session_id, speaker, MailAddress(prefs.staff_name, prefs.staff_email)
        )
        self.summary = QLabel()
        self.summary.setObjectName("mailSummary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.preview = MailPreview()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.choices)
        left_layout.addWidget(self.summary, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([self.width() * 9 // 20, self.width() * 11 // 20])

        self.progress = QProgressBar()
        self.progress.hide()
        self.result_label = QLabel()
        self.result_label.setObjectName("mailResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        task = task_buttons("&Write drafts…")
        buttons, self.write_button, self.cancel_button = task.box, task.start, task.cancel
        self.open_folder_button, self.close_button = task.open_folder, task.close
        self.write_button.clicked.connect(self.choose_folder)
        self.cancel_button.clicked.connect(self.cancel_writing)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)

        self.templates = TemplateList(app, series_id, self.choices, self.request, self)
        self.templates.changed.connect(self.refresh)
        self.templates.refused.connect(self._no_plan)
        self.choices.changed.connect(self.refresh)
        self.refresh()

    # The plan ------------------------------------------------------------------------------

    def request(self) -> DraftRequest:
        """What the choices ask to be written."""
        session_id = self.choices.session_id()
        if session_id is None:
            raise UserError("this series has no session to write about yet")
        return DraftRequest(
            self.choices.kind(),
            session_id,
            self.choices.sender_address(),
            self.choices.template_name(),
            self.choices.when(),
            self.choices.recipients(),
        )

    def refresh(self) -> None:
        """Read the choices again; the plan (who gets a draft, the warnings and the first
        drafts) is made on a worker and shown when ready."""
        self.templates.follow()
        self.choices.problems.clear()
        try:
            validate_sender(self.choices.sender_address())
            request = self.request()
        except ValidationError as error:
            if "sender" in error.problems:
                self.choices.problems.mark("sender", error.problems["sender"])
            self._no_plan(next(iter(error.problems.values())))
            return
        except UserError as error:
            self._no_plan(str(error))
            return
        self.write_button.setEnabled(False)  # until the plan says there is someone to write to
        self.planner.plan(request)

    def _planned(self, plan: DraftPlan) -> None:
        self.plan = plan
        people = len(plan.recipients)
        about = html.escape(plan.facts.title)
        label = html.escape(self.choices.label())
        if people:
            head = f"<p><b>{plural(people, 'draft')}</b> of “{label}” about “{about}”.</p>"
        else:
            head = f"<p><b>No one in this group gets a draft</b> of “{label}”.</p>"
        self.summary.setText(head + warnings_html(plan))
        self.preview.show_plan(plan)
        self.write_button.setEnabled(people > 0 and not self._busy())
        self.preview_ready.emit()

    def _no_plan(self, text: str) -> None:
        self.plan = None
        self.summary.setText(f"<p><b>{html.escape(text[:1].upper() + text[1:])}</b></p>")
        self.preview.show_problem(text)
        self.write_button.setEnabled(False)
        self.preview_ready.emit()

    # Writing ---------------------------------------------------------------------------------

    def choose_folder(self) -> None:
        """Ask where to put the drafts (a new folder is made there unless it is empty)."""
        self.choices.flush_typing()
        if self.plan is None or not self.plan.recipients:
            return
        start = load_preferences().export_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        dialog = QFileDialog(self, "Choose where to put the drafts", start or str(Path.home()))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(self._folder_chosen)
        self.file_dialog = dialog
        dialog.open()

    def _folder_chosen(self, path: str) -> None:
        if self.plan is not None:
            name = f"{self.choices.label()} - {self.plan.facts.title}"
            self.write_to(draft_folder_in(Path(path), name))

    def write_to(self, folder: Path) -> None:
        """Write the drafts into folder (new or empty) on a worker thread."""
        request, app, gui, paper = self.request(), self._app, self._gui, self._paper

        def render_pdf(html_text: str, target: Path, _page: str, landscape: bool) -> None:
            # Qt's PDF writer stays on the GUI thread; the paper is the user's.
            gui.call(html_to_pdf, html_text, target, paper, landscape)

        def work(job: Job) -> DraftReport:
            return mail_drafts.write_drafts(
                app.uow(), request, folder, pdf_renderer=render_pdf, keep_going=job.keep_going
            )

        self._writing = request.session_id
        self._set_busy(True)
        self.result_label.hide()
        self.task = run_task(
            work,
            on_done=self._written,
            on_failed=self._failed,
            on_progress=self._moved,
            parent=self,
        )

    def cancel_writing(self) -> None:
        """Stop writing: nothing is left behind and nothing is recorded."""
        if self.task is not None and self.task.running:
            self.task.cancel()

    def _moved(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _written(self, report: DraftReport) -> None:
        self._set_busy(False)
        self.report = report
        lines = [
            f"<b>Wrote {plural(report.drafts, 'draft')} to {html.escape(str(report.folder))}</b>"
            f" (and all of them in “{html.escape(report.mbox.name)}”, for mail programs "
            "that import a mailbox). Open them in your mail program and send them."
        ]
        lines += [html.escape(note[:1].upper() + note[1:]) + "." for note in report.notes]
        self.result_label.setText("<br>".join(lines))
        self.result_label.show()
        self.open_folder_button.show()
        self.choices.remember_kind()
        self._remember_sender()
        if self._writing is not None:
            self.written.emit(self._writing)
        self.task_finished.emit()

    def _failed(self, text: str) -> None:
        self._set_busy(False)
        said = text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
        self.result_label.setText(
            f"<b>{html.escape(said)}</b>"
            + ("" if "no draft was written" in text else " No draft was written.")
        )
        self.result_label.show()
        self.task_finished.emit()

    def _remember_sender(self) -> None:
        """A sender typed here becomes the Preferences' one when those had none."""
        prefs, sender = load_preferences(), self.choices.sender_address()
        if not prefs.staff_email and sender.email.strip():
            try:
                save_preferences(
                    dataclasses.replace(
                        prefs, staff_name=sender.name.strip(), staff_email=sender.email.strip()
                    )
                )
            except UserError:  # not remembered: the drafts are written all the same
                return

    def _busy(self) -> bool:
        return self.task is not None and self.task.running

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.cancel_button.setVisible(busy)
        self.open_folder_button.setVisible(not busy and self.report is not None)
        self.choices.setEnabled(not busy)
        ready = self.plan is not None and bool(self.plan.recipients) and not self.planner.pending
        self.write_button.setEnabled(not busy and ready)

    def open_folder(self) -> None:
        """Show the folder of drafts in the system's file manager."""
        if self.report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.folder)))

    def reject(self) -> None:
        self.cancel_writing()
        super().reject()
