"""The tabs of the main window, in order: adding a tab is one entry here."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.edits import Edits
    from ui.tabs.base import TabPage


@dataclass(frozen=True)
class TabSpec:
    """One tab: its title, its View menu entry and shortcut, and the TabPage class that
    builds it (named, so that Qt and the database load only after the first paint)."""

    title: str
    menu_text: str
    shortcut: str
    module: str
    class_name: str

    def build(self, edits: Edits) -> TabPage:
        """A new page of this tab on the window's edits."""
        from ui.tabs.base import TabPage

        page_class = getattr(import_module(self.module), self.class_name)
        if not (isinstance(page_class, type) and issubclass(page_class, TabPage)):
            raise TypeError(f"{self.module}.{self.class_name} is not a TabPage")
        page: TabPage = page_class(edits)
        return page


TAB_LIST = (
    TabSpec("Sessions", "&Sessions", "Ctrl+1", "ui.tabs.sessions_tab", "SessionsTab"),
    TabSpec("Speakers", "S&peakers", "Ctrl+2", "ui.tabs.speakers_tab", "SpeakersTab"),
    TabSpec("Attendees", "&Attendees", "Ctrl+3", "ui.tabs.attendees_tab", "AttendeesTab"),
)
