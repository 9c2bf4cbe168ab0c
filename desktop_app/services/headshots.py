"""Headshot images copied into the app's data folder so the database stays self-contained."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from desktop_app.domain.errors import UserError
from desktop_app.io.atomic import atomic_path
from desktop_app.io.file_guard import display_name, read_regular_file
from desktop_app.io.private_files import private_folder

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"}
MAX_BYTES = 20 * 1024 * 1024
FOLDER = "headshots"
# What each kind of picture starts with, and the suffix it is stored under.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
    (b"BM", ".bmp"),
)


@dataclass(frozen=True)
class Picture:
    """The bytes of a picture file, read once and checked to be an image."""

    name: str  # the file's name as messages show it
    data: bytes
    suffix: str  # from the content: ".png", ".jpg", ...


def read_headshot(source: Path) -> Picture:
    """The picture in source: a regular file (not a link, pipe or device) of at most 20 MB
    whose content is a PNG, JPEG, GIF, WebP or BMP image (whatever its name says)."""
    data = read_regular_file(
        source, MAX_BYTES, "choose a smaller image", follow_links=False, error=UserError
    )
    suffix = image_kind(data)
    if suffix is None:
        raise UserError(
            f"{display_name(source)} is not an image (its content is not PNG, JPEG, GIF, "
            "WebP or BMP); choose a photo"
        )
    return Picture(display_name(source), data, suffix)


def image_kind(data: bytes) -> str | None:
    """The stored suffix of an image's bytes, or None when they are not a picture."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp"
    for signature, suffix in _SIGNATURES:
        if data.startswith(signature):
            return suffix
    return None


def store_headshot(data_dir: Path, picture: Picture) -> str:
    """Write the picture into data_dir/headshots under a name made from its content (only
    the owner may read it); returns the path relative to data_dir."""
    digest = hashlib.sha256(picture.data).hexdigest()[:20]
    relative = f"{FOLDER}/{digest}{picture.suffix}"
    target = data_dir / relative
    if target.is_file() and not target.is_symlink():
        return relative  # the same picture was imported before
    try:
        private_folder(target.parent)
        with atomic_path(target, private=True) as temporary:
            temporary.write_bytes(picture.data)
    except OSError as error:
        raise UserError(
            f"cannot copy the headshot into {target.parent}: {error.strerror}"
        ) from None
    return relative


def import_headshot(data_dir: Path, source: Path) -> str:
    """Copy an image into data_dir/headshots (named by its content); returns the relative path."""
    return store_headshot(data_dir, read_headshot(source))


def headshot_file(data_dir: Path, relative: str) -> Path | None:
    """The absolute path of a stored headshot, or None when there is none on disk.

    A path from the database is used only when it stays inside the data folder: an
    absolute path, a ../ or a link that leads elsewhere is ignored.
    """
    if not relative or "\\" in relative or "\x00" in relative:
        return None
    parts = PurePosixPath(relative)
    if parts.is_absolute() or PureWindowsPath(relative).drive or ".." in parts.parts:
        return None
    path = data_dir / relative
    try:
        if not path.resolve().is_relative_to(data_dir.resolve()):
            return None
    except (OSError, RuntimeError):  # a link loop
        return None
    return path if path.is_file() else None
