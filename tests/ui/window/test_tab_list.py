"""The window builds its tabs, View menu and status counts from the tab list."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from desktop_app.bootstrap import App
from desktop_app.domain.enums import Consent
from desktop_app.services import registrants
from ui.changes import REGISTRANT, Change
from ui.edits import Edits
from ui.tabs.base import TabPage
from ui.window.main_window import MainWindow
from ui.window.tab_list import TAB_LIST, TabSpec

Build = Callable[[App], MainWindow]


class NotesTab(TabPage):
    """A tab a later issue might add: it records what the window asks of it."""

    def __init__(self, edits: Edits, parent: QWidget | None = None) -> None:
        super().__init__(edits, parent)
        self.view = QTableView()
        QVBoxLayout(self).addWidget(self.view)
        self.shown: list[int | None] = []
        self.changes: list[Change] = []

    def show_series(self, series_id: int | None) -> None:
        self.shown.append(series_id)

    def apply_change(self, change: Change) -> None:
        self.changes.append(change)

    def count_text(self) -> str:
        return "2 notes"


def test_adding_a_tab_is_one_entry(
    demo_app: App, make_window: Build, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = TabSpec("Notes", "&Notes", "Ctrl+4", __name__, "NotesTab")
    monkeypatch.setattr("ui.window.tab_pages.TAB_LIST", (*TAB_LIST, notes))
    window = make_window(demo_app)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Sessions", "Speakers", "Attendees", "Notes"]
    tab = window.tab(NotesTab)
    assert tab.shown == [window.series.current_id()]
    assert (
        window.status.counts_label.text() == "4 sessions · 13 speakers · 320 registrants · 2 notes"
    )
    [view_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&View"]
    [entry] = [a for a in view_menu.actions() if a.text() == "&Notes"]
    assert entry.shortcut().toString() == "Ctrl+4"
    entry.trigger()
    assert window.current_tab() is tab
    person = registrants.list_registrants(demo_app.uow(), 1)[0].id
    window.edits.set_consent([person], Consent.NO)
    assert [c.ids_of(REGISTRANT) for c in tab.changes] == [{person}]


def test_a_spec_must_name_a_tab_page(demo_app: App, make_window: Build) -> None:
    window = make_window(demo_app)
    with pytest.raises(TypeError, match="is not a TabPage"):
        TabSpec("Oops", "&Oops", "Ctrl+9", "ui.window.main_window", "MainWindow").build(
            window.edits
        )
