"""Regression: the installed PySide6 must not leak references to None (6.12.0 on 3.11 did)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ui.qt_guard import broken_pairing

CALLS = 2000


def test_qt_calls_that_return_nothing_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for number in range(CALLS):
        label.setText(str(number))
        label.setToolTip(str(number))
    drift = sys.getrefcount(None) - before
    # A broken build loses one reference per call (-4000 here); allow noise from the GC.
    assert abs(drift) < CALLS // 10, f"None's refcount moved by {drift} over {2 * CALLS} calls"


def test_the_installed_pairing_is_not_the_known_broken_one() -> None:
    assert broken_pairing() is None
