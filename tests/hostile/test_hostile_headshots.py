"""Hostile headshots: links, pipes, devices and fakes are refused; stored paths stay inside
the data folder; stored pictures are private to their owner."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from desktop_app.domain.errors import UserError
from desktop_app.services.headshots import headshot_file, import_headshot
from ui.editors.speaker_editor import SpeakerEditor


def png_bytes(kind: str = "PNG") -> bytes:
    """A real 4×4 picture encoded by Qt."""
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, kind)
    return bytes(data.data())


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "ann.png"
    path.write_bytes(png_bytes())
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_stored_by_a_generated_name_for_the_owner_only(tmp_path: Path, photo: Path) -> None:
    data = tmp_path / "data"
    relative = import_headshot(data, photo)
    assert relative.startswith("headshots/") and "ann" not in relative
    assert mode(data / relative) == 0o600 and mode(data / "headshots") == 0o700
    assert not [p for p in (data / "headshots").iterdir() if p.name.startswith(".")]


def test_the_content_decides_the_kind(tmp_path: Path) -> None:
    jpeg = tmp_path / "looks-like.png"
    jpeg.write_bytes(png_bytes("JPEG"))
    assert import_headshot(tmp_path / "data", jpeg).endswith(".jpg")


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: d / "notes.png", "is not an image"),
        (lambda d: d / "link.png", "is a link"),
        (lambda d: d / "pipe.png", "is a pipe"),
        (lambda d: Path("/dev/zero"), "is a device"),
        (lambda d: d / "folder.png", "is a folder"),
    ],
    ids=["text named .png", "symlink to a system file", "FIFO", "/dev/zero", "folder"],
)
def test_refused(tmp_path: Path, photo: Path, make: object, expected: str) -> None:
    (tmp_path / "notes.png").write_text("not a picture at all")
    (tmp_path / "link.png").symlink_to("/etc/passwd")
    os.mkfifo(tmp_path / "pipe.png")
    (tmp_path / "folder.png").mkdir()
    source = make(tmp_path)  # type: ignore[operator]
    data = tmp_path / "data"
    with pytest.raises(UserError, match=expected):
        import_headshot(data, source)
    assert not (data / "headshots").exists() or not list((data / "headshots").iterdir())


def test_stored_paths_never_lead_outside_the_data_folder(tmp_path: Path, photo: Path) -> None:
    data = tmp_path / "data"
    relative = import_headshot(data, photo)
    assert headshot_file(data, relative) == data / relative
    outside = tmp_path / "secret.png"
    outside.write_bytes(photo.read_bytes())
    (data / "headshots" / "escape.png").symlink_to(outside)
    for stored in [
        str(outside),
        "../secret.png",
        "headshots/../../secret.png",
        "headshots/escape.png",
        "/etc/passwd",
        "C:\\Windows\\win.ini",
    ]:
        assert headshot_file(data, stored) is None, stored


def test_the_editor_refuses_what_qt_cannot_read(qtbot: QtBot, tmp_path: Path) -> None:
    editor = SpeakerEditor(tmp_path / "data")
    qtbot.addWidget(editor)
    fake = tmp_path / "cut.png"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)  # a PNG signature, then nothing
    editor.use_headshot_file(fake)
    assert "cannot show cut.png as a picture" in editor.problems.text_of("headshot_path").lower()
    assert not (tmp_path / "data" / "headshots").exists()
    good = tmp_path / "good.png"
    good.write_bytes(png_bytes())
    editor.use_headshot_file(good)
    assert not editor.thumbnail.pixmap().isNull()
