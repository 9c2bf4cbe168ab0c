"""A folder of .eml drafts plus one .mbox of them all, appearing complete or not at all."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from desktop_app.domain.errors import UserError

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_FROM_LINE = re.compile(rb"^From ", re.MULTILINE)


def safe_file_name(text: str, limit: int = 80) -> str:
    """Text usable as a file name on every system (no separators, no reserved signs)."""
    cleaned = " ".join(_UNSAFE.sub("-", text).split()).strip(". ")
    return cleaned[:limit].rstrip(". ") or "draft"


def check_target(target: Path) -> None:
    """UserError unless target is a folder that can be created or is empty."""
    if not target.parent.is_dir():
        raise UserError(f"the folder {target.parent} does not exist; choose another place")
    if target.exists() and not target.is_dir():
        raise UserError(f"{target} is a file; choose a folder for the drafts")
    if target.is_dir() and any(target.iterdir()):
        raise UserError(
            f"the folder {target} is not empty; choose an empty or new folder so these "
            "drafts are not mixed with others"
        )


class DraftFolder:
    """Writes drafts into a hidden folder beside target and moves it into place at the end.

    A failure or a cancel removes everything written; an existing empty target is
    replaced by the finished folder.
    """

    def __init__(self, target: Path, mbox_name: str) -> None:
        check_target(target)
        self.target = target
        self.mbox_name = safe_file_name(mbox_name, 120) + ".mbox"
        self.count = 0
        self._work: Path | None = None
        self._mbox: BinaryIO | None = None
        self._stamp = b"From MAILER-DAEMON " + time.asctime(time.gmtime()).encode("ascii") + b"\n"

    def __enter__(self) -> DraftFolder:
        try:
            self._work = Path(
                tempfile.mkdtemp(
                    dir=self.target.parent, prefix=f".{self.target.name}.", suffix=".part"
                )
            )
            self._mbox = (self._work / self.mbox_name).open("wb")
        except OSError as error:
            self._discard()
            raise UserError(
                f"cannot write in {self.target.parent}: {error.strerror or error}"
            ) from None
        return self

    def add(self, stem: str, message: bytes) -> None:
        """Write one .eml (its name numbered so every file is unique) and add it to the mbox."""
        assert self._work is not None and self._mbox is not None
        self.count += 1
        name = f"{self.count:05d} {safe_file_name(stem)}.eml"
        with (self._work / name).open("xb") as file:  # x: never over another file
            file.write(message)
        # mbox: LF line ends, body lines starting "From " quoted, a blank line after each.
        text = _FROM_LINE.sub(b">From ", message.replace(b"\r\n", b"\n"))
        self._mbox.write(self._stamp + text + (b"\n" if text.endswith(b"\n") else b"\n\n"))

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self._discard()
            return
        assert self._work is not None and self._mbox is not None
        try:
            self._mbox.close()
            if self.target.is_dir():
                self.target.rmdir()  # empty (checked): the finished folder takes its place
            os.replace(self._work, self.target)
        except OSError as error:
            self._discard()
            raise UserError(f"cannot write {self.target}: {error.strerror or error}") from None

    def _discard(self) -> None:
        """Remove the unfinished folder and everything in it."""
        if self._mbox is not None and not self._mbox.closed:
            self._mbox.close()
        if self._work is not None:
            shutil.rmtree(self._work, ignore_errors=True)
