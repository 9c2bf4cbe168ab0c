"""Reads a file only when it is an ordinary file on disk: never a pipe, device or folder."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from desktop_app.domain.errors import UserError
from desktop_app.domain.safe_text import safe_for_message

# Opening with O_NONBLOCK returns at once for a FIFO that has no writer (a plain open would
# wait for ever); O_NOCTTY keeps a terminal device from becoming ours.
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_KINDS = (
    (stat.S_ISDIR, "a folder, not a file; choose a file inside it"),
    (stat.S_ISFIFO, "a pipe, not a file saved on disk; save the data to a file and choose that"),
    (stat.S_ISSOCK, "a socket, not a file saved on disk; choose a file saved on disk"),
    (stat.S_ISCHR, "a device, not a file saved on disk; choose a file saved on disk"),
    (stat.S_ISBLK, "a device, not a file saved on disk; choose a file saved on disk"),
)


def display_name(path: Path) -> str:
    """A file's name as messages quote it (control characters and escapes made harmless)."""
    return safe_for_message(path.name or str(path), limit=120)


def read_regular_file(
    path: Path,
    limit: int,
    too_large: str,
    *,
    follow_links: bool = True,
    error: type[UserError] = UserError,
) -> bytes:
    """The bytes of path, when it is a regular file of at most limit bytes.

    Anything else is refused with error and one line naming the file: a folder, a pipe
    (which would block), a device such as /dev/zero (endless), a link when follow_links is
    False, or a file over limit (too_large says what to do, e.g. "split it").
    """
    name = display_name(path)
    descriptor, size = _open_regular(path, limit, too_large, follow_links, error)
    try:
        return _read_at_most(descriptor, size, limit, name, too_large, error)
    except OSError as problem:
        raise error(f"cannot read {name}: {problem.strerror or problem}") from None
    finally:
        os.close(descriptor)


def sha256_of_regular_file(
    path: Path, limit: int, too_large: str, *, error: type[UserError] = UserError
) -> str:
    """The SHA-256 of the bytes read_regular_file would return, read in chunks (a file
    is known by its digest without holding it whole); refused the same way."""
    name = display_name(path)
    descriptor, _ = _open_regular(path, limit, too_large, True, error)
    digest, total = hashlib.sha256(), 0
    try:
        while part := os.read(descriptor, 1 << 20):
            total += len(part)
            if total > limit:
                raise error(f"{name} is larger than {_size(limit)}; {too_large}")
            digest.update(part)
    except OSError as problem:
        raise error(f"cannot read {name}: {problem.strerror or problem}") from None
    finally:
        os.close(descriptor)
    return digest.hexdigest()


def _open_regular(
    path: Path, limit: int, too_large: str, follow_links: bool, error: type[UserError]
) -> tuple[int, int]:
    """An open descriptor of path and its size, once it is known to be a regular file of
    at most limit bytes (see read_regular_file); the caller closes it."""
    name = display_name(path)
    flags = _OPEN_FLAGS | (0 if follow_links else getattr(os, "O_NOFOLLOW", 0))
    try:
        if not follow_links and path.is_symlink():
            raise error(f"{name} is a link to another file; choose the file itself")
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise error(f"{name} does not exist; check the file's name and its folder") from None
    except PermissionError:
        raise error(f"you may not read {name}; copy it somewhere of yours first") from None
    except OSError as problem:
        raise error(f"cannot read {name}: {problem.strerror or problem}") from None
    try:
        info = os.fstat(descriptor)
        for test, what in _KINDS:
            if test(info.st_mode):
                raise error(f"{name} is {what}")
        if not stat.S_ISREG(info.st_mode):
            raise error(f"{name} is not an ordinary file; choose a file saved on disk")
        if info.st_size > limit:
            raise error(f"{name} is larger than {_size(limit)}; {too_large}")
    except OSError as problem:
        os.close(descriptor)
        raise error(f"cannot read {name}: {problem.strerror or problem}") from None
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor, info.st_size


def _read_at_most(
    descriptor: int, expected: int, limit: int, name: str, too_large: str, error: type[UserError]
) -> bytes:
    """Read to the end (one read for the size the file said it has, so no second copy),
    refusing once more than limit bytes arrive (a file that is still growing)."""
    parts: list[bytes] = []
    total = 0
    wanted = min(expected, limit) + 1
    while True:
        part = os.read(descriptor, wanted)
        if not part:
            return parts[0] if len(parts) == 1 else b"".join(parts)
        total += len(part)
        if total > limit:
            raise error(f"{name} is larger than {_size(limit)}; {too_large}")
        parts.append(part)
        wanted = min(limit + 1 - total, 1 << 24)


def _size(limit: int) -> str:
    """A byte count in the units people use for files (200 MB, 20 MB)."""
    return f"{limit / (1024 * 1024):g} MB"
