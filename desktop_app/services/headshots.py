"""Headshot images copied into the app's data folder so the database stays self-contained."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from desktop_app.domain.errors import UserError

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg"}
MAX_BYTES = 20 * 1024 * 1024
FOLDER = "headshots"


def import_headshot(data_dir: Path, source: Path) -> str:
    """Copy an image into data_dir/headshots (named by its content); returns the relative path."""
    suffix = source.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise UserError(f"{source.name} is not an image; choose a PNG, JPEG, GIF, WebP or SVG")
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise UserError(f"{source.name} is larger than 20 MB; choose a smaller image")
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:20]
    except OSError as error:
        raise UserError(f"cannot read {source}: {error.strerror}") from None
    relative = f"{FOLDER}/{digest}{suffix}"
    target = data_dir / relative
    if target.exists():
        return relative  # the same picture was imported before
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Copy to a temporary name beside the target, then rename: never a half file.
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
        os.close(handle)
        try:
            shutil.copyfile(source, temporary)
            os.replace(temporary, target)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError as error:
        raise UserError(
            f"cannot copy the headshot into {target.parent}: {error.strerror}"
        ) from None
    return relative


def headshot_file(data_dir: Path, relative: str) -> Path | None:
    """The absolute path of a stored headshot, or None when there is none on disk."""
    if not relative:
        return None
    path = data_dir / relative
    return path if path.is_file() else None
