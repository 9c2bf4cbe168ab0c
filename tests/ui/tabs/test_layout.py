"""The tabs at 1280×760 and 1024×640: the columns that matter in sight, Apply and Revert
always visible, and a mark on a form (and its tab) holding unsaved edits."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from desktop_app.bootstrap import App
from ui.tabs.sessions_tab import SessionsTab
from ui.tabs.speakers_tab import SpeakersTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def whole_columns(view: QTableView) -> list[str]:
    """Headings of the columns shown whole, without scrolling."""
    model, width = view.model(), view.viewport().width()
    return [
        str(model.headerData(c, Qt.Orientation.Horizontal))
        for c in range(model.columnCount())
        if not view.isColumnHidden(c)
        and view.columnViewportPosition(c) + view.columnWidth(c) <= width
    ]


def test_at_the_default_size_the_counts_and_emails_show(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    window.resize(1280, 760)
    sessions_tab = window.tab(SessionsTab)
    qtbot.waitUntil(lambda: sessions_tab.view.viewport().width() > 500)
    assert {"Start", "Title", "Registered", "Attended", "After Hours"} <= set(
        whole_columns(sessions_tab.view)
    )
    window.show_tab_at(1)
    speakers_tab = window.tab(SpeakersTab)
    qtbot.waitUntil(lambda: speakers_tab.view.viewport().width() > 500)
    assert {"Name", "Organisation", "Sessions", "Email"} <= set(whole_columns(speakers_tab.view))


@pytest.mark.parametrize("size", [(1280, 760), (1024, 640)])
def test_apply_and_revert_are_always_in_sight(
    demo_app: App, make_window: Build, qtbot: QtBot, size: tuple[int, int]
) -> None:
    window = make_window(demo_app)
    window.resize(*size)
    for index, kind in enumerate((SessionsTab, SpeakersTab)):
        window.show_tab_at(index)
        tab = window.tab(kind)
        qtbot.waitUntil(lambda t=tab: t.editor.apply_button.isVisible())
        # Outside the scrolling form, and inside the window.
        assert not tab.form_scroll.isAncestorOf(tab.editor.apply_button)
        for button in (tab.editor.apply_button, tab.editor.revert_button):
            corner = button.mapTo(window, button.rect().bottomRight())
            assert window.rect().contains(corner)


def test_an_edited_form_is_marked_until_applied_or_reverted(
    demo_app: App, make_window: Build, qtbot: QtBot
) -> None:
    window = make_window(demo_app)
    tab = window.tab(SessionsTab)
    mark = tab.editor.buttons.unsaved_label
    assert mark.text() == "" and window.tabs.tabText(0) == "Sessions"
    qtbot.keyClicks(tab.editor.subtitle_edit, " again")
    assert mark.text() == "● Unsaved changes" and mark.isVisible()
    assert window.tabs.tabText(0) == "Sessions •"
    qtbot.mouseClick(tab.editor.revert_button, Qt.MouseButton.LeftButton)
    assert mark.text() == "" and window.tabs.tabText(0) == "Sessions"
    window.show_tab_at(1)
    speakers = window.tab(SpeakersTab)
    qtbot.keyClicks(speakers.editor.phone_edit, "9")
    assert window.tabs.tabText(1) == "Speakers •"
    qtbot.mouseClick(speakers.editor.apply_button, Qt.MouseButton.LeftButton)
    assert (
        window.tabs.tabText(1) == "Speakers" and speakers.editor.buttons.unsaved_label.text() == ""
    )
