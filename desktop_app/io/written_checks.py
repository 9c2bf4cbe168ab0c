"""Checks that a file just written is whole, before it replaces the old one."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from desktop_app.domain.errors import UserError

_PAGE_COUNT = re.compile(
    rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b"
)


def check_pdf(path: Path) -> None:
    """A complete PDF: the %PDF- header, an %%EOF trailer and at least one page."""
    data = path.read_bytes()
    pages = max((int(a or b) for a, b in _PAGE_COUNT.findall(data)), default=0)
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:] or pages == 0:
        raise UserError(_incomplete("PDF", len(data)))


def check_workbook(path: Path) -> None:
    """A complete XLSX: a zip whose every part reads back with the right checksum."""
    try:
        with zipfile.ZipFile(path) as package:
            whole = package.testzip() is None and "[Content_Types].xml" in package.namelist()
    except (zipfile.BadZipFile, OSError, EOFError):
        whole = False
    if not whole:
        raise UserError(_incomplete("workbook", path.stat().st_size))


def _incomplete(what: str, size: int) -> str:
    return (
        f"the {what} came out incomplete ({size:,} bytes); check that the disk has room "
        "and that you may write there, then try again"
    )
