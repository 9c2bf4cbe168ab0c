"""Writing files so that a failure never leaves a half-written file or harms an old one.

The temporary file sits beside the target under a name that says whose it is
(`.~webinar-desk-<target>.<random>.part`) and is locked while it is written; a write that
was killed leaves one behind, and the next write into the same folder removes it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.domain.errors import UserError
from desktop_app.domain.safe_text import safe_for_message

try:  # POSIX: a lock held by a writer, released by the kernel when its process dies
    import fcntl
except ImportError:  # pragma: no cover - Windows: age alone tells a leftover
    fcntl = None  # type: ignore[assignment]

PREFIX = ".~webinar-desk-"
SUFFIX = ".part"
STALE_SECONDS = 24 * 3600  # without locks, a leftover this old is no one's

Verify = Callable[[Path], None]


@contextmanager
def atomic_path(
    target: Path, *, private: bool = False, verify: Verify | None = None
) -> Iterator[Path]:
    """A temporary path beside target; moved onto target only if the block succeeds.

    private: only the owner may read the file (backups, headshots); otherwise it gets the
    user's usual permissions (an export is meant to be shared). verify(temporary) may raise
    to refuse what was written (a PDF the printer cut short); the old target then stays.
    """
    folder = target.parent
    remove_leftovers(folder)
    handle, temporary = tempfile.mkstemp(
        dir=folder, prefix=f"{PREFIX}{target.name}.", suffix=SUFFIX
    )
    open_handle: int | None = handle
    try:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:  # Windows renames no open file; it has no lock to keep either
            os.close(handle)
            open_handle = None
        yield Path(temporary)
        if verify is not None:
            try:
                verify(Path(temporary))
            except UserError as problem:
                raise UserError(
                    f"cannot write {safe_for_message(target.name)}: {problem}"
                ) from None
        with open(temporary, "rb") as written:  # on disk before it takes the target's name
            os.fsync(written.fileno())
        os.chmod(temporary, 0o600 if private else 0o666 & ~_umask())
        os.replace(temporary, target)
        _sync_folder(folder)
    finally:
        if open_handle is not None:
            os.close(open_handle)  # releases the lock, after the rename
        if os.path.exists(temporary):
            os.unlink(temporary)


def check_size(expected: int) -> Verify:
    """A verify for atomic_path: the file holds exactly expected bytes."""

    def verify(path: Path) -> None:
        size = path.stat().st_size
        if size != expected:
            raise UserError(
                f"the file came out {size:,} bytes long instead of {expected:,}; "
                "check that the disk has room and try again"
            )

    return verify


def remove_leftovers(folder: Path) -> int:
    """Delete temporary files that killed writes left in folder; returns how many.

    A leftover is one no process holds locked (or, without locks, a day old): a write in
    progress in another window or process is left alone.
    """
    removed = 0
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(PREFIX)]
    except OSError:
        return 0
    for path in candidates:
        if not path.name.endswith(SUFFIX) or path.is_symlink() or not path.is_file():
            continue
        with contextlib.suppress(OSError):
            if _abandoned(path):
                path.unlink()
                removed += 1
    return removed


def _abandoned(path: Path) -> bool:
    """Whether no writer holds path (a lock we can take is no one's)."""
    if fcntl is None:
        return time.time() - path.stat().st_mtime > STALE_SECONDS
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    finally:
        os.close(descriptor)  # closing releases the lock we took
    return True


def _umask() -> int:
    """The process's umask (read without changing it where the system says it)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; other systems have no folder handles)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
