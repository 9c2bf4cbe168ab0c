"""One writer per SQLite file: an OS lock on a small file beside the database.

The operating system drops the lock when the process ends, however it ends, so a crash
never leaves the database locked. The file's text says who has it (pid, host, time) while
it is held, and how the database file looked (size, times) when it was let go cleanly: the
next copy then knows whether the file may need a check for damage.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# Windows locks byte ranges and a locked range cannot be read: lock a byte far past the
# text so the next copy can still read who holds it.
_WINDOWS_LOCK_OFFSET = 1 << 20


@dataclass(frozen=True)
class Holder:
    """Who holds the lock, as written in the lock file (pid 0 when it could not be read)."""

    pid: int
    host: str
    since: datetime | None

    def describe(self) -> str:
        """'pid 4242 on laptop since 2026-05-01 10:02' (local time), or less when unknown."""
        parts = [f"pid {self.pid}" if self.pid else "", f"on {self.host}" if self.host else ""]
        if self.since is not None:
            parts.append(f"since {self.since.astimezone():%Y-%m-%d %H:%M}")
        return " ".join(p for p in parts if p)


def lock_path(database: Path) -> Path:
    """The lock file of a database: 'NAME.lock' beside it."""
    return database.with_name(database.name + ".lock")


class WriterLock:
    """The held lock; release() (or the end of the process) lets another copy write."""

    def __init__(self, path: Path, fd: int, database: Path, needs_check: bool) -> None:
        self.path, self._fd, self._database = path, fd, database
        # The last copy crashed, or the file changed while no copy had it: worth a check.
        self.needs_check = needs_check

    @property
    def held(self) -> bool:
        """True until release()."""
        return self._fd >= 0

    def release(self, sound: bool = True) -> None:
        """Let go of the lock (closing the file releases the OS lock); sound=False when the
        database was found damaged, so the next copy checks it again."""
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            text = json.dumps({"closed": _fingerprint(self._database)}) if sound else ""
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, text.encode("utf-8"))
            os.close(fd)


def take(database: Path) -> WriterLock | Holder | None:
    """The writer lock of a database, or the Holder who has it, or None when the folder
    does not allow a lock file (the database is then opened without one)."""
    path = lock_path(database)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        log.warning("cannot create the lock file %s: %s", path, error.strerror)
        return None
    try:
        _lock(fd)
    except BlockingIOError:
        holder = _read_holder(fd)
        os.close(fd)
        return holder
    except OSError as error:  # e.g. a network drive without locks
        log.warning("cannot lock %s: %s", path, error.strerror)
        os.close(fd)
        return None
    needs_check = _closed_as(fd) != _fingerprint(database)
    _write_holder(fd)
    return WriterLock(path, fd, database, needs_check)


def _fingerprint(database: Path) -> list[list[int]]:
    """Size and modification time of the database and its WAL, as the lock file keeps them."""
    found = []
    for name in (database.name, database.name + "-wal"):
        try:
            stat = database.with_name(name).stat()
            found.append([stat.st_size, stat.st_mtime_ns])
        except OSError:
            found.append([])
    return found


def _closed_as(fd: int) -> Any:
    """The fingerprint a clean release wrote (None after a crash or without one)."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return json.loads(os.read(fd, 4096).decode("utf-8")).get("closed")
    except (OSError, ValueError, AttributeError):
        return None


def _lock(fd: int) -> None:
    """Take an exclusive lock without waiting; BlockingIOError when another has it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except PermissionError as error:  # Windows reports a held lock this way
            raise BlockingIOError(str(error)) from None
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _write_holder(fd: int) -> None:
    """Write who holds the lock (best effort: the OS lock is what counts)."""
    text = json.dumps(
        {"pid": os.getpid(), "host": socket.gethostname(), "since": datetime.now(UTC).isoformat()}
    )
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, text.encode("utf-8"))
    except OSError as error:
        log.warning("cannot write the lock file: %s", error.strerror)


def _read_holder(fd: int) -> Holder:
    """Who the lock file says holds it (blank fields when it cannot be read)."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, 4096).decode("utf-8"))
        since = datetime.fromisoformat(data["since"]) if data.get("since") else None
        return Holder(int(data.get("pid", 0)), str(data.get("host", "")), since)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return Holder(0, "", None)
