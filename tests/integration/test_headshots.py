"""Headshots are copied into the data folder, by content, atomically."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.domain.errors import UserError
from desktop_app.services.headshots import headshot_file, import_headshot

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_copy_by_content_and_find_again(tmp_path: Path) -> None:
    source = tmp_path / "Ann Lee.PNG"
    source.write_bytes(PNG)
    data = tmp_path / "data"
    relative = import_headshot(data, source)
    assert relative.startswith("headshots/") and relative.endswith(".png")
    assert (data / relative).read_bytes() == PNG
    assert import_headshot(data, source) == relative  # same picture, same file
    source.unlink()
    assert headshot_file(data, relative) == data / relative  # independent of the original
    assert [p.name for p in (data / "headshots").iterdir()] == [Path(relative).name]


def test_not_an_image_or_missing_is_a_plain_error(tmp_path: Path) -> None:
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(b"%PDF")
    with pytest.raises(UserError, match=r"cv\.pdf is not an image"):
        import_headshot(tmp_path, cv)
    with pytest.raises(UserError, match=r"gone\.png does not exist; check the file's name"):
        import_headshot(tmp_path, tmp_path / "gone.png")
    assert headshot_file(tmp_path, "") is None
    assert headshot_file(tmp_path, "headshots/none.png") is None
