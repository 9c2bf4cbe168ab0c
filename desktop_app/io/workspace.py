"""A private folder beside an export for its temporaries, cleared by the next export.

A killed export must not leave personal data behind: everything it writes before the
finished file is moved into place (the file itself, xlsxwriter's row files) lives in a
hidden folder named after the writing process. Each export first removes such folders
whose process is gone, so the next export to the same folder clears what a killed one
left; nothing goes to the system's temporary folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.domain.errors import UserError
from desktop_app.domain.safe_text import safe_for_message
from desktop_app.io.atomic import remove_leftovers

PREFIX = ".webinar-desk-export-"
_OURS = re.compile(rf"^{re.escape(PREFIX)}(\d+)-.+\.tmp$")
# What io.atomic.atomic_path names its temporaries (".NAME.XXXXXXXX.part").
_PART = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.part$")
STALE_PART_SECONDS = 3600  # a .part file this old belongs to no running writer


@contextmanager
def export_path(
    target: Path, verify: Callable[[Path], None] | None = None
) -> Iterator[tuple[Path, Path]]:
    """(where to write the finished file, a folder for other temporaries), both private;
    the file is moved onto target only if the block succeeds and verify(file) (which may
    raise UserError) accepts what was written; the folder goes in any case."""
    clear_leftovers(target.parent)
    remove_leftovers(target.parent)  # and what killed atomic_path writes left
    folder = Path(
        tempfile.mkdtemp(dir=target.parent, prefix=f"{PREFIX}{os.getpid()}-", suffix=".tmp")
    )
    try:
        partial = folder / target.name
        yield partial, folder
        if verify is not None:
            try:
                verify(partial)
            except UserError as problem:
                raise UserError(
                    f"cannot write {safe_for_message(target.name)}: {problem}"
                ) from None
        with open(partial, "rb") as written:  # on disk before it takes the target's name
            os.fsync(written.fileno())
        os.replace(partial, target)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def clear_leftovers(folder: Path) -> list[Path]:
    """Remove what killed exports left in folder; returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        ours = _OURS.match(entry.name)
        with contextlib.suppress(OSError):
            if ours and entry.is_dir(follow_symlinks=False) and not _alive(int(ours[1])):
                shutil.rmtree(entry.path)
                removed.append(Path(entry.path))
            elif (
                _PART.match(entry.name)
                and entry.is_file(follow_symlinks=False)
                and now - entry.stat().st_mtime > STALE_PART_SECONDS
            ):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    """True when a process with this id runs (when unsure, True: keep its files)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # access denied: it exists
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
