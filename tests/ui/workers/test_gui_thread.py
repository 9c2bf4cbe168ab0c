"""A worker has a call run on the GUI thread and gets its result or its exception back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.domain.errors import UserError
from ui.app import make_qt_app
from ui.workers.background import Job, run_task
from ui.workers.gui_thread import GuiThreadCall


@pytest.fixture
def owner(qtbot: QtBot) -> QObject:
    make_qt_app()
    return QObject()


def test_a_worker_gets_the_result_of_a_call_run_on_the_gui_thread(
    owner: QObject, qtbot: QtBot
) -> None:
    gui = GuiThreadCall(owner)
    ran_on: list[QThread] = []
    asked_from: list[QThread] = []

    def on_gui(number: int) -> int:
        ran_on.append(QThread.currentThread())
        return number * 2

    def work(_job: Job) -> int:
        asked_from.append(QThread.currentThread())
        return gui.call(on_gui, 21) + 1

    results: list[int] = []
    task = run_task(work, on_done=results.append, on_failed=pytest.fail, parent=owner)
    with qtbot.waitSignal(task.done, timeout=5000):
        pass
    app = QApplication.instance()
    assert app is not None
    assert results == [43]
    assert ran_on == [app.thread()] and asked_from[0] is not app.thread()


def test_the_calls_exception_is_raised_in_the_worker(owner: QObject, qtbot: QtBot) -> None:
    gui = GuiThreadCall(owner)

    def refuse() -> None:
        raise UserError("the paper ran out")

    def work(_job: Job) -> str:
        gui.call(refuse)
        return "not reached"

    failures: list[str] = []
    task = run_task(work, on_done=pytest.fail, on_failed=failures.append, parent=owner)
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass
    assert failures == ["the paper ran out"]


def test_on_the_gui_thread_itself_the_call_runs_at_once(owner: QObject) -> None:
    gui = GuiThreadCall(owner)
    assert gui.call(lambda: "here") == "here"  # no queue to wait on: it would never return
