"""Lays report HTML out on pages (PDF or printer): page numbers, printed time in the footer,
and table rows that never split across pages."""

from __future__ import annotations

import math
import os
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFrame,
    QTextFrameFormat,
)

from desktop_app.domain.errors import UserError
from desktop_app.io.atomic import atomic_path
from desktop_app.io.written_checks import check_pdf

PAGES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
FOOTER_POINTS = 18
# A heading row (a one-row table) holding an anchor of this name is repeated at the top of
# each page its rows continue onto (reports put it there; see run_of_show_html).
REPEAT_HEAD = "repeat-head"


def page_layout(page: str, landscape: bool) -> QPageLayout:
    """A4 or Letter, portrait or landscape, with 12 mm margins."""
    size = PAGES.get(page.casefold())
    if size is None:
        raise UserError(f"'{page}' is not a paper size here; use A4 or Letter")
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(size), orientation, QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter
    )


def document(html: str) -> QTextDocument:
    """A text document holding the report."""
    doc = QTextDocument()
    doc.setHtml(html)
    return doc


def keep_rows_whole(doc: QTextDocument, page_height: float) -> None:
    """Move any top-level table (one row each in our reports) that would straddle a page
    boundary to the next page, and start each page a marked heading row's rows reach with
    a copy of it; repeat until nothing straddles."""
    layout = doc.documentLayout()
    for _ in range(500):  # each pass fixes the first problem; bounded for safety
        head: QTextFrame | None = None
        last_page = 0
        for frame in doc.rootFrame().childFrames():
            is_head = _is_head(doc, frame)
            rect = layout.frameBoundingRect(frame)
            first = math.floor(rect.top() / page_height)
            last = math.floor((rect.bottom() - 0.5) / page_height)
            straddles = rect.height() < page_height and first != last
            opens_page = first > last_page and head is not None and not is_head
            if straddles or opens_page:
                moved = frame if head is None or is_head else _copy_before(doc, head, frame)
                fmt = moved.frameFormat()
                fmt.setPageBreakPolicy(QTextFrameFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                moved.setFrameFormat(fmt)
                break
            if is_head:
                head = frame
            last_page = last
        else:
            return


def _is_head(doc: QTextDocument, frame: QTextFrame) -> bool:
    """True for a heading row marked to repeat (it holds the REPEAT_HEAD anchor)."""
    block = doc.findBlock(frame.firstPosition())
    while block.isValid() and block.position() <= frame.lastPosition():
        fragments = block.begin()
        while not fragments.atEnd():
            if REPEAT_HEAD in fragments.fragment().charFormat().anchorNames():
                return True
            fragments += 1
        block = block.next()
    return False


def _copy_before(doc: QTextDocument, head: QTextFrame, frame: QTextFrame) -> QTextFrame:
    """Insert a copy of the heading row just before frame; returns the copy."""
    source = QTextCursor(doc)
    source.setPosition(head.firstPosition() - 1)
    source.setPosition(head.lastPosition() + 1, QTextCursor.MoveMode.KeepAnchor)
    target = QTextCursor(doc)
    target.setPosition(frame.firstPosition() - 1)
    target.insertFragment(source.selection())
    frames = doc.rootFrame().childFrames()
    return frames[frames.index(frame) - 1] if frame in frames else frame


def print_html(html: str, device: QPagedPaintDevice) -> None:
    """Paint the report on the device's pages with 'Page n of N' and the printed time."""
    doc = document(html)
    doc.documentLayout().setPaintDevice(device)  # measure fonts at the device's resolution
    width, height = float(device.width()), float(device.height())
    footer = FOOTER_POINTS * device.logicalDpiY() / 72
    page_height = height - footer
    doc.setPageSize(QSizeF(width, page_height))
    keep_rows_whole(doc, page_height)
    pages = doc.pageCount()
    now = datetime.now()
    printed = f"Printed {now:%a} {now.day} {now:%b %Y %H:%M}"
    title = doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
    if title:  # which sheet a loose page belongs to
        printed = f"{title} · {printed}"
    painter = QPainter()
    if not painter.begin(device):  # e.g. a PDF file that cannot be created
        raise UserError("the pages could not be started; check that you may write there")
    font = QFont(painter.font())
    font.setPointSizeF(7.5)
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * page_height)
            doc.drawContents(painter, QRectF(0, page * page_height, width, page_height))
            painter.restore()
            painter.setFont(font)
            band = QRectF(0, page_height, width, footer)
            painter.drawText(
                band, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), printed
            )
            painter.drawText(
                band,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                f"Page {page + 1} of {pages}",
            )
    finally:
        painter.end()


def html_to_pdf(html: str, target: Path, page: str = "A4", landscape: bool = False) -> None:
    """Write the report as a PDF, atomically."""
    _ensure_gui()
    layout = page_layout(page, landscape)
    with atomic_path(target, verify=check_pdf) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setPageLayout(layout)
        writer.setResolution(300)
        writer.setTitle(target.stem)
        writer.setCreator("Webinar Desk")
        print_html(html, writer)
        del writer  # finishes the file; check_pdf then refuses one the disk cut short


def _ensure_gui() -> None:
    """Qt's text engine needs a GUI application; headless commands get an offscreen one."""
    if QGuiApplication.instance() is None:
        if (
            not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY")
            and sys.platform.startswith("linux")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _ensure_gui.app = QGuiApplication(sys.argv[:1])  # type: ignore[attr-defined]
