"""The background helper: results, failures, progress and Cancel reach the GUI thread."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QObject, QThread, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.domain.errors import UserError
from ui.app import make_qt_app
from ui.workers.background import Job, run_task


@pytest.fixture
def owner(qtbot: QtBot) -> QObject:
    """A parent for the tasks (the dialogs and windows in the app)."""
    make_qt_app()
    return QObject()


def test_a_call_that_finishes_at_once_still_delivers(owner: QObject, qtbot: QtBot) -> None:
    results: list[int] = []
    threads: list[QThread] = []
    failures: list[str] = []

    def deliver(result: int) -> None:
        results.append(result)
        threads.append(QThread.currentThread())

    task = run_task(lambda _job: 42, on_done=deliver, on_failed=failures.append, parent=owner)
    # The worker is done before the GUI thread looks again: the result must still arrive.
    QThreadPool.globalInstance().waitForDone(5000)
    assert results == []  # nothing runs on the worker thread's side
    QApplication.processEvents()
    app = QApplication.instance()
    assert results == [42] and app is not None
    assert threads == [app.thread()]  # delivered on the GUI thread
    assert failures == [] and not task.running


def test_cancel_is_a_token_the_call_polls(owner: QObject, qtbot: QtBot) -> None:
    started = threading.Event()
    outcome: list[str] = []

    def work(job: Job) -> str:
        started.set()
        while not job.cancelled:
            job.report(1, 0)
            threading.Event().wait(0.005)
        raise UserError("Cancelled; nothing was imported.")

    task = run_task(work, on_done=outcome.append, on_failed=outcome.append, parent=owner)
    assert started.wait(5)
    with qtbot.waitSignal(task.failed, timeout=5000):
        task.cancel()
    assert outcome == ["Cancelled; nothing was imported."]


def test_progress_arrives_in_order_and_keep_going_answers(owner: QObject, qtbot: QtBot) -> None:
    seen: list[tuple[int, int]] = []
    answers: list[bool] = []

    def work(job: Job) -> int:
        for done in range(1, 4):
            answers.append(job.keep_going(done, 3))
        return 3

    with qtbot.waitSignal(
        run_task(
            work,
            on_done=lambda _r: None,
            on_failed=lambda _t: None,
            on_progress=lambda done, total: seen.append((done, total)),
            parent=owner,
        ).done,
        timeout=5000,
    ):
        pass
    assert answers == [True, True, True]
    assert seen[-1] == (3, 3) and seen == sorted(seen)  # throttled, never the last one lost


def test_a_user_error_becomes_its_message(owner: QObject, qtbot: QtBot) -> None:
    failures: list[str] = []

    def work(_job: Job) -> None:
        raise UserError("notes.csv: no email column; name one in the mapping")

    task = run_task(work, on_done=lambda _r: None, on_failed=failures.append, parent=owner)
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass
    assert failures == ["notes.csv: no email column; name one in the mapping"]


def test_a_bug_is_logged_with_its_traceback_and_told_plainly(
    owner: QObject, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    failures: list[str] = []

    def work(_job: Job) -> None:
        {}["secret@example.org"]  # a bug whose message holds personal data

    with caplog.at_level(logging.ERROR):
        task = run_task(work, on_done=lambda _r: None, on_failed=failures.append, parent=owner)
        with qtbot.waitSignal(task.failed, timeout=5000):
            pass
    assert failures == ["Something went wrong (KeyError); details are in the log."]
    [record] = [r for r in caplog.records if r.name == "ui.workers.background"]
    assert record.exc_info is not None and record.exc_info[0] is KeyError
    assert "in work" in caplog.text  # the traceback, for the log only


def test_nothing_is_delivered_once_the_parent_is_gone(qtbot: QtBot) -> None:
    make_qt_app()
    parent = QObject()
    release = threading.Event()
    results: list[int] = []

    def work(_job: Job) -> int:
        release.wait(5)
        return 1

    run_task(work, on_done=results.append, on_failed=lambda _t: None, parent=parent)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent), timeout=5000)
    release.set()
    QThreadPool.globalInstance().waitForDone(5000)
    QApplication.processEvents()  # would run a (wrongly) queued delivery
    assert results == []


def _alive(obj: QObject) -> bool:
    from shiboken6 import isValid

    return bool(isValid(obj))
