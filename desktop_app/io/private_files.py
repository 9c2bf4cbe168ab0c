"""Folders and files that hold personal data: only their owner may open them."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(folder: Path) -> Path:
    """folder, created if missing, open to its owner only (the app's own folders)."""
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(folder, FOLDER_MODE)
    return folder


def make_private(*paths: Path) -> None:
    """Let only the owner read and write each existing file among paths (others are left
    as they are: a file someone else owns is not ours to change)."""
    if os.name != "posix":
        return  # Windows keeps a user's profile folder private by its ACLs
    for path in paths:
        with contextlib.suppress(OSError):
            info = path.lstat()
            if info.st_uid == os.getuid() and info.st_mode & 0o777 != FILE_MODE:
                os.chmod(path, FILE_MODE)
