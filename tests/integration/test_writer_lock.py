"""One writer per database file: a second copy is told so and gets it read-only."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.bootstrap import App, open_app
from desktop_app.db.writer_lock import lock_path
from desktop_app.domain.errors import ReadOnlyDatabase
from desktop_app.domain.records import SpeakerData
from desktop_app.services import speakers, stats
from tests.integration.test_cli import run

# A second copy of the app in its own process: opens the database, says how, waits.
HOLDER = """
import sys
from desktop_app.bootstrap import open_app
app = open_app(sys.argv[1])
print("read-only" if app.read_only else "writer", flush=True)
sys.stdin.readline()
app.close()
"""


class Copy:
    """Another process holding the database open like a running window does."""

    def __init__(self, db: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.mode = self.process.stdout.readline().strip()

    def close(self) -> None:
        """Let it close the database as a window does when it closes."""
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write("\n")
            self.process.stdin.flush()
            self.process.wait(timeout=60)
        self._close_pipes()

    def kill(self) -> None:
        """End it as a crash would: no chance to clean up."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=60)
        self._close_pipes()

    def _close_pipes(self) -> None:
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def first_copy(demo_file_app: App) -> Iterator[Copy]:
    """The demo database, open in another process."""
    assert demo_file_app.path is not None
    demo_file_app.close()
    copy = Copy(demo_file_app.path)
    yield copy
    copy.close()


def test_a_second_cli_writer_is_refused_and_readers_still_work(
    first_copy: Copy, demo_file_app: App, tmp_path: Path
) -> None:
    assert first_copy.mode == "writer"
    db = demo_file_app.path
    assert db is not None
    before = db.read_bytes()
    people = tmp_path / "people.csv"
    people.write_text("Email,First name\nnew.person@example.org,New\n")
    refused = run("import", str(people), "--session", "1", db=db)
    assert refused.returncode == 1, refused.stdout
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in refused.stderr
    assert "another copy of Webinar Desk" in lines[0]
    assert f"pid {first_copy.process.pid}" in lines[0]
    assert "new.person@example.org" not in refused.stderr
    # Reading is fine while the other copy writes.
    assert run("stats", db=db).returncode == 0
    assert db.read_bytes() == before


def test_a_second_app_in_another_process_opens_read_only(
    first_copy: Copy, demo_file_app: App
) -> None:
    assert demo_file_app.path is not None
    second = open_app(str(demo_file_app.path))
    try:
        assert second.read_only and "Opened read-only" in second.notice
        assert stats.stats(second.uow()).speakers == 13  # it can read
        with pytest.raises(ReadOnlyDatabase, match="another copy of Webinar Desk"):
            speakers.create_speaker(second.uow(), SpeakerData("Never saved"))
        row = speakers.list_speakers(second.uow())[0]
        with pytest.raises(ReadOnlyDatabase):
            speakers.update_speaker(second.uow(), row.id, SpeakerData("Renamed"), row.version)
    finally:
        second.close()
    first_copy.close()
    third = open_app(str(demo_file_app.path))  # the first copy is gone: writable again
    assert not third.read_only
    speakers.create_speaker(third.uow(), SpeakerData("Saved now"))
    third.close()


def test_a_crashed_copy_does_not_leave_the_database_locked(
    first_copy: Copy, demo_file_app: App
) -> None:
    assert demo_file_app.path is not None
    first_copy.kill()
    assert lock_path(demo_file_app.path).exists()  # the file stays, the OS lock does not
    again = open_app(str(demo_file_app.path))
    assert not again.read_only
    again.close()


def test_two_apps_in_one_process_are_two_copies(file_app: App) -> None:
    assert file_app.path is not None
    second = open_app(str(file_app.path))
    assert second.read_only and f"pid {os.getpid()}" in second.notice
    second.close()
    file_app.close()
    third = open_app(str(file_app.path))
    assert not third.read_only
    third.close()


def test_damage_is_looked_for_when_the_last_close_was_not_clean(
    demo_file_app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop_app.bootstrap as bootstrap

    checks: list[Path] = []
    real = bootstrap.quick_check
    monkeypatch.setattr(bootstrap, "quick_check", lambda e: checks.append(e) or real(e))
    assert demo_file_app.path is not None
    db = demo_file_app.path
    demo_file_app.close()
    open_app(str(db)).close()  # the day's first open: the backup's verification checks
    open_app(str(db)).close()  # closed cleanly, file untouched: nothing to look for
    assert checks == []
    copy = Copy(db)
    copy.kill()  # a crash
    open_app(str(db)).close()
    assert len(checks) == 1
    open_app(str(db)).close()
    assert len(checks) == 1
    with db.open("r+b") as handle:  # changed while no copy had it (another tool, a sync)
        handle.seek(0, 2)
        handle.write(b"\x00" * 4096)
    open_app(str(db)).close()
    assert len(checks) == 2


def test_on_a_server_every_copy_writes_and_no_lock_file_is_made(pg_demo_url: str) -> None:
    first, second = open_app(pg_demo_url), open_app(pg_demo_url)
    try:
        assert not first.read_only and not second.read_only
        assert first.lock is None and second.lock is None
        speakers.create_speaker(first.uow(), SpeakerData("From the first copy"))
        speakers.create_speaker(second.uow(), SpeakerData("From the second copy"))
        names = {s.name for s in speakers.list_speakers(first.uow())}
        assert {"From the first copy", "From the second copy"} <= names
    finally:
        first.close()
        second.close()
