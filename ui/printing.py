"""Turns report HTML into PDF pages or printed paper with Qt's text engine."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop_app.domain.errors import UserError
from desktop_app.io.atomic import atomic_path

PAGES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def page_layout(page: str, landscape: bool) -> QPageLayout:
    """A4 or Letter, portrait or landscape, with 12 mm margins."""
    size = PAGES.get(page.casefold())
    if size is None:
        raise UserError(f"'{page}' is not a paper size here; use A4 or Letter")
    orientation = QPageLayout.Orientation.Landscape if landscape \
        else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(size), orientation, QMarginsF(12, 12, 12, 12),
                       QPageLayout.Unit.Millimeter)


def document(html: str) -> QTextDocument:
    """A text document holding the report."""
    doc = QTextDocument()
    doc.setHtml(html)
    return doc


def html_to_pdf(html: str, target: Path, page: str = "A4", landscape: bool = False) -> None:
    """Write the report as a PDF (page numbers at the foot of every page), atomically."""
    _ensure_gui()
    layout = page_layout(page, landscape)
    with atomic_path(target) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setPageLayout(layout)
        writer.setTitle(target.stem)
        writer.setCreator("Webinar Desk")
        # Unpaginated, the document is laid out on the writer's page, scaled to its
        # resolution, with page numbers at the foot of each page.
        document(html).print_(writer)
        del writer  # finishes the file before it is moved into place


def _ensure_gui() -> None:
    """Qt's text engine needs a GUI application; headless commands get an offscreen one."""
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") \
                and sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _ensure_gui.app = QGuiApplication(sys.argv[:1])  # type: ignore[attr-defined]
