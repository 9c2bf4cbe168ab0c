"""The app's log: a rotating file in the data folder, and uncaught exceptions written to it."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from desktop_app import app_log
from desktop_app.db.engine import default_data_dir


@pytest.fixture(autouse=True)
def _log_stopped_afterwards() -> Iterator[None]:
    level = logging.getLogger().level
    yield
    app_log.stop()
    logging.getLogger().setLevel(level)


def test_the_log_lives_in_the_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(app_log.LOG_DIR_ENV, raising=False)
    assert app_log.log_dir() == default_data_dir() / "logs"
    monkeypatch.setenv(app_log.LOG_DIR_ENV, "/somewhere/else")
    assert app_log.log_dir() == Path("/somewhere/else")


def test_records_go_to_the_file_and_it_rotates(tmp_path: Path) -> None:
    written = app_log.configure(tmp_path / "logs")
    assert written == tmp_path / "logs" / app_log.LOG_NAME
    assert not written.exists()  # nothing logged yet, no file
    logging.getLogger("ui.workers.background").info("import of zoom.csv started")
    assert "INFO ui.workers.background [MainThread] import of zoom.csv started" in (
        written.read_text(encoding="utf-8")
    )
    line = "x" * 1000
    for _ in range(2 * app_log.MAX_BYTES // len(line)):
        logging.getLogger("desktop_app.test").info(line)
    assert written.stat().st_size <= app_log.MAX_BYTES
    assert (written.parent / f"{app_log.LOG_NAME}.1").exists()


def test_configuring_again_moves_the_log(tmp_path: Path) -> None:
    first = app_log.configure(tmp_path / "one")
    second = app_log.configure(tmp_path / "two")
    logging.getLogger("desktop_app").warning("only once")
    assert second is not None and "only once" in second.read_text(encoding="utf-8")
    assert first is not None and not first.exists()
    ours = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert [h.baseFilename for h in ours] == [str(second)]


def test_an_unwritable_folder_is_one_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert app_log.configure(blocker / "logs") is None
    assert "cannot write a log in" in capsys.readouterr().err
    assert app_log.crash_line(KeyError) == (
        "Something went wrong (KeyError); no log could be written."
    )


def test_a_crash_in_a_command_is_one_line_and_a_logged_traceback(tmp_path: Path) -> None:
    script = (
        "from desktop_app import app_log\n"
        "app_log.configure()\n"
        "app_log.install_excepthook()\n"
        "def import_people():\n"
        "    raise KeyError('ann@example.org')\n"
        "import_people()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"WEBINAR_DESK_LOG_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 1
    log_file = tmp_path / app_log.LOG_NAME
    assert done.stderr == (
        f"webinar-desk: error: Something went wrong (KeyError); the log is at {log_file}.\n"
    )
    logged = log_file.read_text(encoding="utf-8")
    assert "CRITICAL desktop_app [MainThread] uncaught KeyError" in logged
    assert "in import_people" in logged and "ann@example.org" in logged  # the log only


def test_an_uncaught_exception_in_a_thread_is_logged(tmp_path: Path) -> None:
    script = (
        "import threading\n"
        "from desktop_app import app_log\n"
        "app_log.configure()\n"
        "app_log.install_excepthook()\n"
        "def work():\n"
        "    raise ValueError('bad')\n"
        "t = threading.Thread(target=work)\n"
        "t.start(); t.join()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"WEBINAR_DESK_LOG_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert "Something went wrong (ValueError)" in done.stderr
    assert "Traceback" not in done.stderr
    assert "in work" in (tmp_path / app_log.LOG_NAME).read_text(encoding="utf-8")
