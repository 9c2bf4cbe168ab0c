"""Printed pages: rows never split across pages; page numbers and printed time in the PDF."""

from __future__ import annotations

import math
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSizeF

from ui.app import make_qt_app
from ui.printing import document, html_to_pdf, keep_rows_whole, page_layout

ROW = "<table width='100%'><tr><td width='20%'>{n}</td><td>" + "word " * 40 + "</td></tr></table>"


def test_no_row_straddles_a_page() -> None:
    make_qt_app()
    doc = document("".join(ROW.format(n=n) for n in range(80)))
    doc.setPageSize(QSizeF(400, 500))
    keep_rows_whole(doc, 500)
    layout = doc.documentLayout()
    straddling = []
    for frame in doc.rootFrame().childFrames():
        rect = layout.frameBoundingRect(frame)
        if math.floor(rect.top() / 500) != math.floor((rect.bottom() - 0.5) / 500):
            straddling.append(rect)
    assert doc.pageCount() > 3 and straddling == []


def test_without_the_fix_rows_would_straddle() -> None:
    # Guards the test above: the same document does split rows when left alone.
    make_qt_app()
    doc = document("".join(ROW.format(n=n) for n in range(80)))
    doc.setPageSize(QSizeF(400, 500))
    layout = doc.documentLayout()
    assert any(
        math.floor(layout.frameBoundingRect(f).top() / 500)
        != math.floor((layout.frameBoundingRect(f).bottom() - 0.5) / 500)
        for f in doc.rootFrame().childFrames()
    )


def test_pdf_has_page_numbers_and_printed_time(tmp_path: Path) -> None:
    make_qt_app()
    target = tmp_path / "long.pdf"
    html_to_pdf("".join(ROW.format(n=n) for n in range(120)), target, "Letter", True)
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.count("\f")
    assert pages > 1 and f"Page {pages} of {pages}" in text and "Printed" in text


def test_unknown_paper_is_a_plain_error() -> None:
    from desktop_app.domain.errors import UserError

    with pytest.raises(UserError, match="A4 or Letter"):
        page_layout("A3", False)


def test_a_marked_heading_row_is_repeated_on_every_page() -> None:
    make_qt_app()
    head = (
        "<table width='100%'><tr><td><a name='repeat-head'></a>When</td><td>What</td></tr></table>"
    )
    doc = document("<h2>Script</h2>" + head + "".join(ROW.format(n=n) for n in range(80)))
    doc.setPageSize(QSizeF(400, 500))
    keep_rows_whole(doc, 500)
    layout = doc.documentLayout()
    tops = {}
    for frame in doc.rootFrame().childFrames():
        page = math.floor(layout.frameBoundingRect(frame).top() / 500)
        tops.setdefault(page, frame.firstCursorPosition().block().text())
    assert doc.pageCount() > 3
    assert all(text == "When" for page, text in tops.items() if page > 0)
    assert doc.toPlainText().count("When") == doc.pageCount()
    assert all(str(n) in doc.toPlainText() for n in range(80))  # no row lost
