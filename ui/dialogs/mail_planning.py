"""Planning drafts for a preview on a worker thread (a session of 10,000 people takes a few
hundred milliseconds), so that choosing and typing never wait; only the newest answer counts."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_app.bootstrap import App
from desktop_app.domain.mail_templates import MailTemplate
from desktop_app.services import mail_drafts
from desktop_app.services.mail_drafts import DraftPlan, DraftRequest
from ui.workers.background import Job, run_task

SAMPLES = 5  # recipients whose drafts a preview offers


class Planner(QObject):
    """Plans a request in the background; `ready` or `refused` answers the latest one."""

    ready = Signal(object)  # DraftPlan
    refused = Signal(str)  # why no draft can be planned (in plain words)

    def __init__(self, app: App, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._asked = 0  # requests made; an answer to an older one is dropped
        self._answered = 0

    @property
    def pending(self) -> bool:
        """True while the latest request has no answer yet."""
        return self._answered < self._asked

    def plan(self, request: DraftRequest, template: MailTemplate | None = None) -> None:
        """Plan request (with an unsaved template to try) on a worker thread."""
        self._asked += 1
        number, app = self._asked, self._app

        def work(_job: Job) -> DraftPlan:
            return mail_drafts.plan_drafts(app.uow(), request, template, SAMPLES)

        run_task(
            work,
            on_done=lambda plan: self._done(number, plan),
            on_failed=lambda text: self._failed(number, text),
            parent=self,
        )

    def _latest(self, number: int) -> bool:
        """True for the answer to the newest request (older ones are dropped)."""
        if number != self._asked:
            return False
        self._answered = number
        return True

    def _done(self, number: int, plan: DraftPlan) -> None:
        if self._latest(number):
            self.ready.emit(plan)

    def _failed(self, number: int, text: str) -> None:
        if self._latest(number):
            self.refused.emit(text)
