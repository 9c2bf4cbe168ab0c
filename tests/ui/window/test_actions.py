"""The menus and shortcuts of the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction

from desktop_app.bootstrap import App
from desktop_app.domain.enums import Consent
from desktop_app.services import registrants
from ui.tabs.attendees_tab import AttendeesTab
from ui.tabs.speakers_tab import SpeakersTab
from ui.window.main_window import MainWindow

Build = Callable[[App], MainWindow]


def test_every_menu_action_is_reachable_by_keyboard(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    shortcuts = {a.shortcut().toString() for a in window.findChildren(QAction)}
    assert {"Ctrl+N", "Ctrl+F", "Ctrl+Z", "Ctrl+O", "Del", "Ctrl+1"} <= shortcuts
    assert "Ctrl+Shift+Z" in {s.toString() for s in window.menus.redo.shortcuts()}
    for menu in window.menuBar().actions():
        assert "&" in menu.text()  # every menu has an Alt mnemonic


def test_undo_says_what_it_undoes_and_find_jumps_to_the_filter(
    demo_app: App, make_window: Build
) -> None:
    window = make_window(demo_app)
    assert not window.menus.undo.isEnabled()
    person = registrants.list_registrants(demo_app.uow(), 1)[0].id
    window.edits.set_consent([person], Consent.NO)
    assert window.menus.undo.isEnabled()
    assert window.menus.undo.text() == "&Undo Set consent to no for 1 person"
    window.menus.undo.trigger()
    assert window.menus.redo.isEnabled() and not window.menus.undo.isEnabled()
    window.menus.find.trigger()
    tab = window.tab(AttendeesTab)
    assert window.current_tab() is tab and window.focusWidget() is tab.filter_edit


def test_delete_acts_on_the_current_tab(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    tab = window.tab(SpeakersTab)
    window.select_tab(tab)
    tab.view.selectRow(0)
    window.menus.delete.trigger()
    assert tab.delete_box is not None and tab.delete_box.isVisible()
    assert tab.delete_box.text().startswith("Delete ")
