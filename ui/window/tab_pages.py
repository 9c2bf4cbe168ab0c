"""The window's tabs: a waiting page per tab until the database opens, then the pages of the
tab list, found by kind, marked while a form holds unsaved edits, and put away on close."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from ui.window.tab_list import TAB_LIST

if TYPE_CHECKING:
    from ui.edits import Edits
    from ui.tabs.base import TabPage

T = TypeVar("T", bound="TabPage")
CURRENT_TAB = "mainWindow/tab"  # the tab in front, remembered between runs


class TabPages:
    """The tab widget and the pages in it (none until the database is open)."""

    def __init__(self) -> None:
        self.specs = TAB_LIST  # read here, once: the window's menus list the same tabs
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.pages: list[TabPage] = []
        for spec in self.specs:
            waiting = QLabel("Opening the database…")
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tabs.addTab(waiting, spec.title)

    def stacked(self, empty_page: QWidget, demo_bar: QWidget) -> QStackedWidget:
        """The window's centre: the page for a database without series (index 0), and the
        tabs under the demo series' bar (index 1, shown first)."""
        pages = QStackedWidget()
        pages.addWidget(empty_page)
        series_page = QWidget()
        layout = QVBoxLayout(series_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(demo_bar)
        layout.addWidget(self.tabs)
        pages.addWidget(series_page)
        pages.setCurrentIndex(1)
        return pages

    def build(self, edits: Edits, connect: Callable[[TabPage], None]) -> None:
        """Put the pages of the tab list in, each connected by connect, the remembered one
        in front."""
        remembered = QSettings().value(CURRENT_TAB, 0)
        current = int(remembered) if isinstance(remembered, int | str) else 0
        self.tabs.clear()
        self.pages = [spec.build(edits) for spec in self.specs]
        for spec, page in zip(self.specs, self.pages, strict=True):
            self.tabs.addTab(page, spec.title)
            page.dirty_changed.connect(self.mark_unsaved)
            connect(page)
            page.restore_state(QSettings())
        self.tabs.setCurrentIndex(current)

    def of_kind(self, kind: type[T]) -> T:
        """The page of a kind of tab."""
        return next(page for page in self.pages if isinstance(page, kind))

    def current(self) -> TabPage | None:
        """The page in front, once the database is open."""
        return next((p for p in self.pages if p is self.tabs.currentWidget()), None)

    def mark_unsaved(self) -> None:
        """A "•" after the title of each tab whose form holds unsaved edits."""
        for index, (spec, page) in enumerate(zip(self.specs, self.pages, strict=True)):
            self.tabs.setTabText(index, f"{spec.title} •" if page.has_unsaved() else spec.title)

    def unsaved_titles(self) -> list[str]:
        """The titles of the tabs whose form holds unsaved edits."""
        unsaved = zip(self.specs, self.pages, strict=False)
        return [spec.title for spec, page in unsaved if page.has_unsaved()]

    def refusing_to_save(self) -> TabPage | None:
        """Save each page's unsaved edits; the first page that refused (its fields marked)."""
        return next((page for page in self.pages if not page.save_pending()), None)

    def put_away(self, settings: QSettings) -> None:
        """Stop the pages' background work and remember their state (the window closes)."""
        settings.setValue(CURRENT_TAB, self.tabs.currentIndex())
        for page in self.pages:
            page.shutdown()
            page.save_state(settings)
